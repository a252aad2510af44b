/// The accurate tier's activations on one vector that are not shared with the fast tier.
extension FloatVector {
    /// σ(x) = (x < 0 ? e : 1)/(1 + e), e = e^-|x| ≤ 1 (never overflows), on the fast tier's
    /// exponential but without its flush: e is built as p·2^(n+24), a normal float for every
    /// -|x| ≥ -104 (n ≥ -150), and scaled by 2^-24 only at the end, so a subnormal σ on the negative
    /// side comes from one product rounded into the subnormal range rather than from a flushed e.
    /// Below -104, e^-|x| < 2^-150 rounds to 0 and σ with it, so e is set to 0 there (which also
    /// replaces the reduction's garbage for -inf). NaN fails both compares and propagates through p.
    @inline(__always)
    static func sigmoid(_ x: Self) -> Self {
        let z = x.negativeMagnitude
        let (p, s) = fastExpParts(z, bias: 24)
        let scaled = (p * s).replacing(with: Self(), where: lanesLess(z, Self(repeating: -104)))
        let numerator = Self(repeating: 1).replacing(with: scaled * 0x1p-24, where: lanesLess(x, .zero))
        return numerator / Self(repeating: 1).addingProduct(scaled, Self(repeating: 0x1p-24))
    }
}
