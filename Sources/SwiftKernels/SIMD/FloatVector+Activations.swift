/// Sigmoid on one vector and its exponential: SIMDKernels lists `sigmoid`, FastKernels `fastSigmoid`
/// (the same form without the table entry's rounding).
extension FloatVector {
    /// σ(x) = E/(E + 2^25) with E = e^x·2^25, for x clamped to [-104, 60] (NaN stays NaN): no
    /// mirror, no compare, no blend. E is a normal float on the whole range (2^25·e^-104 = 2^-125.04,
    /// 2^25·e^60 < 2^112), so a subnormal σ on the negative side is one quotient of normal floats,
    /// rounded once, and no operand of the division is ever subnormal. At the clamp's ends σ rounds
    /// to 0 (e^-104 < 2^-150, less than half the least subnormal) and to 1 (σ(17.33) already does),
    /// so the clamp changes no result. On the positive side E's relative error reaches σ scaled by
    /// 1 - σ ≤ 1/2.
    ///
    /// E is `tableExp` where the build reads tables and `fastExpParts` elsewhere; both keep
    /// n + 25 ≥ -126 down to -104 (the table form's n = ⌊k/32⌋ = -151 there, the table-free
    /// n = round(-104·log2e) = -150). `entryRounding: false` (the fast tier) leaves out the table
    /// entry's rounding and its lookup: up to 2^-25 more relative error in E (3.852 ulp over every
    /// float instead of 3.202, results/accuracy-exhaustive.txt); the table-free form has no entries.
    @inline(__always)
    static func sigmoid(_ x: Self, entryRounding: Bool = true) -> Self {
        let scaled = scaledExp(x.clamped(-104, 60), entryRounding: entryRounding)
        return scaled / (scaled + 0x1p25)
    }

    /// E = e^z·2^25 for z in [-104, 60], sigmoid's exponential (and the primitives table's
    /// `swift-simd16` e^x): a normal float on the whole range. Callers clamp.
    @inline(__always)
    static func scaledExp(_ z: Self, entryRounding: Bool = true) -> Self {
        if readsTables {
            if entryRounding { return tableExp(z, bias: 25) }
            let (t, s, _) = tableExpParts(z, bias: 25)
            return tableExpFinish(t, s)
        }
        let (p, s) = fastExpParts(z, bias: 25)
        return p * s
    }
}
