/// The accurate tier's activations on one vector that are not shared with the fast tier.
extension FloatVector {
    /// σ(x) = (x < 0 ? e : 1)/(1 + e), e = e^-|x| ≤ 1 (never overflows), on the fast tier's
    /// exponential without a flush: E = e·2^24 = p·2^(n+24) is a normal float for every -|x| ≥ -104
    /// (n ≥ -150), and σ = (x < 0 ? E : 2^24)/(E + 2^24), so a subnormal σ on the negative side is one
    /// quotient of normal floats, rounded once. Below -104, e^-|x| < 2^-150 rounds to 0 and σ with
    /// it, so E is set to 0 there (which also replaces the reduction's garbage for -inf). NaN fails
    /// both compares and propagates through the denominator. Both tiers use it.
    @inline(__always)
    static func sigmoid(_ x: Self) -> Self {
        let z = x.negativeMagnitude
        let (p, s) = fastExpParts(z, bias: 24)
        let scaled = (p * s).replacing(with: Self(), where: lanesLess(z, Self(repeating: -104)))
        let numerator = Self(repeating: 0x1p24).replacing(with: scaled, where: lanesLess(x, .zero))
        return numerator / (scaled + 0x1p24)
    }
}
