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
}
