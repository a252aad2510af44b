/// The Float activations on one vector. Each ends with `propagatingNaN(of:)`: the clamps use
/// vminps/vmaxps, which turn NaN into the bound.
extension FloatVector {
    /// σ(x) = 1/(1 + e^-x), evaluated as z = e^-|x|, σ = (x ≥ 0 ? 1 : z)/(1 + z): e^-|x| ≤ 1 never
    /// overflows, and the negative side keeps its relative accuracy down to the subnormal results.
    /// Below x = -105 the true value is under half the smallest subnormal, so the clamp is exact.
    @inline(__always)
    static func sigmoid(_ x: Self) -> Self {
        let z = exp(-(x.magnitude.clamped(0, 105)))
        let numerator = Self(repeating: 1).replacing(with: z, where: lanesLess(x, .zero))
        return (numerator / (1 + z)).propagatingNaN(of: x)
    }

    /// tanh(x) = E/(E + 2) with E = e^(2|x|) - 1, sign copied from x. E ≥ 0 makes the ratio's error
    /// at most E's relative error plus two roundings, and expm1 keeps small |x| exact (tanh x ≈ x).
    /// Beyond |x| = 9.1 tanh rounds to ±1, so the clamp is exact.
    @inline(__always)
    static func tanh(_ x: Self) -> Self {
        let a = x.magnitude.clamped(0, 9.1)
        let e = expm1(a + a)
        return (e / (e + 2)).withSign(of: x).propagatingNaN(of: x)
    }

    /// ELU(x) = x for x ≥ 0, α·(e^x - 1) for x < 0; expm1 has no cancellation near 0, and below
    /// x = -20 e^x - 1 rounds to -1, so the clamp is exact. ±0 and NaN pass through as x (the
    /// polynomial would turn -0 into +0).
    @inline(__always)
    static func elu(_ x: Self, alpha: Float) -> Self {
        let negative = expm1(maximum(x, -20)) * alpha
        return x.replacing(with: negative, where: lanesLess(x, .zero))
    }
}
