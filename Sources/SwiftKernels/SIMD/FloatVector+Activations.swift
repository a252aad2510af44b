/// Sigmoid on one vector (both tiers list it, SharedKernels.swift) and its exponential.
extension FloatVector {
    /// σ(x) = (x < 0 ? e : 1)/(1 + e), e = e^-|x| ≤ 1 (never overflows), without a flush:
    /// E = e·2^24 is a normal float for every n ≥ -150 (e = 2^n·…), and σ = (x < 0 ? E : 2^24)/(E + 2^24),
    /// so a subnormal σ on the negative side is one quotient of normal floats, rounded once. Below
    /// the last x with n ≥ -150, e^-|x| < 2^-150 rounds to 0 and σ with it, so E is set to 0 there
    /// (which also replaces the reduction's garbage for -inf). NaN fails both compares and
    /// propagates through the denominator. Both tiers use it.
    ///
    /// E is `tableExp` where the build reads tables and `fastExpParts` elsewhere. The table form's n
    /// is ⌊k/32⌋ for k = round(32·(-|x|)·log2e), so n ≥ -150 holds down to -150·ln2 = -103.972077,
    /// where σ starts rounding to 0, and a little beyond; the table-free n = round(-|x|·log2e)
    /// holds it to -104.
    @inline(__always)
    static func sigmoid(_ x: Self) -> Self {
        let scaled = scaledExp(x.negativeMagnitude)
        let numerator = Self(repeating: 0x1p24).replacing(with: scaled, where: lanesLess(x, .zero))
        return numerator / (scaled + 0x1p24)
    }

    /// E = e^z·2^24 for z ≤ 0, sigmoid's exponential (and the primitives table's `swift-simd16` e^x):
    /// a normal float for every z whose e^z does not round σ to 0, and 0 below.
    @inline(__always)
    static func scaledExp(_ z: Self) -> Self {
        if readsTables {
            return tableExp(z, bias: 24).replacing(with: Self(), where: lanesLess(z, Self(repeating: -103.97208)))
        }
        let (p, s) = fastExpParts(z, bias: 24)
        return (p * s).replacing(with: Self(), where: lanesLess(z, Self(repeating: -104)))
    }
}
