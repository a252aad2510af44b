/// The GELU activations on one vector, evaluated in Double (see `FloatVector+DoubleExp.swift` for why).
extension FloatVector {
    /// GELU-tanh = 0.5·x·(1 + tanh u), u = √(2/π)(x + 0.044715x³), rewritten as x·σ(2u) so that the
    /// negative side has no 1 + tanh cancellation; σ uses the stable split on e^(-|2u|). For 2u < -120
    /// (x < -11.9) the true value is below 2^-160, under half the smallest subnormal, so it is -0.
    @_transparent
    static func geluTanh(_ x: Self) -> Self {
        let xd = x.widened
        let k2 = 2 * GELUConstants.sqrtTwoOverPi
        let w = xd * Wide(repeating: k2).addingProduct(xd * xd, Wide(repeating: k2 * GELUConstants.cubic))
        let e = expDouble(-minimum(magnitude(w), 120))
        let numerator = Wide(repeating: 1).replacing(with: e, where: lanesLess(w, .zero))
        // x·numerator in Double (x·e can be far below Float's range before the division lifts it),
        // then the division in Float: a Double vdivpd handles 4 lanes per ~13 cycles on Zen, the
        // Float one 8, and the two extra roundings cost under 1 ulp in all.
        let a = (xd * numerator).replacing(with: Wide(repeating: -0.0), where: lanesLess(w, Wide(repeating: -120)))
        return (Self(narrowing: a) / Self(narrowing: 1 + e)).propagatingNaN(of: x)
    }
}


extension FloatVector {
    /// GELU-erf = 0.5·x·(1 + erf(x/√2)) = x·h, h = erfc(|x|/√2)/2 for x < 0 and 1 - that for x ≥ 0,
    /// so the negative tail keeps its relative accuracy (no 1 + erf cancellation).
    ///
    /// erfc(u/√2)/2 = e^(-u²/2)·P(u)/Q(u), a (6,7) rational fit with positive coefficients (no
    /// cancellation in Horner, no pole) of relative error 1.3e-12 on u in [0, 15.2]
    /// (scripts/fit/erfc_exp_coefficients.md). In Double u² is exact, so the exponent has no
    /// rounding error to amplify. Past u = 37 every result has rounded to -0 or x already.
    @_transparent
    static func geluErf(_ x: Self) -> Self {
        let xd = x.widened
        let u = minimum(magnitude(xd), 37)
        let e = expDouble((u * u) * -0.5)
        var p = Wide(repeating: 0x1.75bc7e7cbfaf7p-13)
        p = Wide(repeating: 0x1.8304986f7fc2fp-9).addingProduct(p, u)
        p = Wide(repeating: 0x1.7c9a9d3ec1c28p-6).addingProduct(p, u)
        p = Wide(repeating: 0x1.bf1626026ca01p-4).addingProduct(p, u)
        p = Wide(repeating: 0x1.4a06906194b20p-2).addingProduct(p, u)
        p = Wide(repeating: 0x1.25443aef0c151p-1).addingProduct(p, u)
        p = Wide(repeating: 0x1.00000000015c6p-1).addingProduct(p, u)
        var q = Wide(repeating: 0x1.d468b0211b92dp-12)
        q = Wide(repeating: 0x1.e50e2c66cd49fp-8).addingProduct(q, u)
        q = Wide(repeating: 0x1.e0aca47b898d1p-5).addingProduct(q, u)
        q = Wide(repeating: 0x1.1fc0badacc30dp-2).addingProduct(q, u)
        q = Wide(repeating: 0x1.baf38bbcee912p-1).addingProduct(q, u)
        q = Wide(repeating: 0x1.b1faf5cdfd910p+0).addingProduct(q, u)
        q = Wide(repeating: 0x1.f186648e55753p+0).addingProduct(q, u)
        q = Wide(repeating: 1).addingProduct(q, u)
        let tail = e * p / q
        let h = tail.replacing(with: 1 - tail, where: lanesGreaterOrEqual(xd, .zero))
        // -inf · (tiny h) would be -inf; the limit is -0.
        let y = (xd * h).replacing(with: Wide(repeating: -0.0), where: lanesEqual(xd, Wide(repeating: -.infinity)))
        return Self(narrowing: y).propagatingNaN(of: x)
    }
}
