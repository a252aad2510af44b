/// Sigmoid on one vector and its exponential: one body, listed by both tiers (SharedKernels).
extension FloatVector {
    /// σ(x) for x clamped to [-104, 60] (NaN stays NaN): one quotient of positive normal floats, no
    /// mirror, no compare, no blend. At the clamp's ends σ has rounded to 0 (e^-104 < 2^-150, less
    /// than half the least subnormal) and to 1 (σ(17.33) already does), so the clamp changes no
    /// result, and a subnormal σ is one quotient rounded once.
    ///
    /// With tables (`readsTables`): σ = N/(N + M), N/M = e^x, from the reduction
    /// x = (32n + j)·ln2/32 + t (|t| ≤ ln2/64) and a (1,1) rational for e^t:
    /// - N = c·2^(n+26)·2^(j/32)·(1 + t/2), one FMA s + (s/2)·t: s is the entry of a table of
    ///   c·2^(j/32) (`sigmoidTableLo`) scaled by the integer add, s/2 the same bits less one in the
    ///   exponent field (an integer subtract; s/2 ≥ 2^-126 on the whole range, so both are normal).
    /// - M = c·2^26·(1 - e·t), one FMA. (1 + t/2)/(1 - e·t) is e^t to 2.7e-8 relative: two FMAs
    ///   where a quadratic for e^t and its product by s take three.
    /// - c = 0x1.fcb042p-1 keeps M in [0.988, 0.999]·2^26, the top of its binade, where its rounding
    ///   is at most 2^-25 relative, and its entries round within 1.004·2^-25 relative (the best
    ///   c of [0.990, 0.9946]; the entries of 2^(j/32) reach 1.6·2^-25).
    /// e and c: scripts/fit/fit_sigmoid_rational.py (sigmoid_rational_coefficients.md). Over every
    /// float 3.299 ulp, subnormal results included (results/accuracy-exhaustive.txt).
    ///
    /// Without tables: E/(E + 2^25), E = e^x·2^25 (`scaledExp`). E is a normal float on the whole
    /// range (2^25·e^-104 = 2^-125.04, 2^25·e^60 < 2^112), so no operand of the division is ever
    /// subnormal; on the positive side E's relative error reaches σ scaled by 1 - σ ≤ 1/2.
    @inline(__always)
    static func sigmoid(_ x: Self) -> Self {
        let z = x.clamped(-104, 60)
        guard readsTables else {
            let scaled = scaledExp(z)
            return scaled / (scaled + 0x1p25)
        }
        let (t, shifted) = tableReduction(z, bias: 26)
        let s = tableScale(shifted, table: (sigmoidTableLo, sigmoidTableHi))
        let half = Self(bits: s.bits &- Bits(repeating: 1 << 23))
        let n = s.addingProduct(half, t)
        let m = Self(repeating: 0x1.fcb042p+25).addingProduct(t, Self(repeating: -0x1.fcae58p+24))
        return n / (n + m)
    }

    /// c·2^(j/32) for j = 0…31, c = 0x1.fcb042p-1, laid out as `expTableLo`/`expTableHi` (bits less
    /// j·2^18, entries 0–15 then 16–31; scripts/fit/fit_sigmoid_rational.py).
    @inline(__always) static var sigmoidTableLo: SIMD16<Int32> {
        SIMD16(0x3f7e_5821, 0x3f7d_f4f3, 0x3f7c_cd72, 0x3f7b_b5e4, 0x3f7a_aea4, 0x3f79_b80c, 0x3f78_d27a, 0x3f77_fe4d,
               0x3f77_3be7, 0x3f76_8bac, 0x3f75_ee01, 0x3f75_634e, 0x3f74_ebfe, 0x3f74_887d, 0x3f74_393b, 0x3f73_fea9)
    }
    @inline(__always) static var sigmoidTableHi: SIMD16<Int32> {
        SIMD16(0x3f73_d93a, 0x3f73_c966, 0x3f73_cfa6, 0x3f73_ec74, 0x3f74_2051, 0x3f74_6bbc, 0x3f74_cf3a, 0x3f75_4b52,
               0x3f75_e08e, 0x3f76_8f7b, 0x3f77_58a9, 0x3f78_3caa, 0x3f79_3c16, 0x3f7a_5786, 0x3f7b_8f97, 0x3f7c_e4e9)
    }

    /// E = e^z·2^25 for z in [-104, 60]: the table-free sigmoid's exponential, and the primitives
    /// table's `swift-simd16` e^x (`tableExp`, the entry's rounding added back, where the build reads
    /// tables). A normal float on the whole range; callers clamp.
    @inline(__always)
    static func scaledExp(_ z: Self) -> Self {
        if readsTables { return tableExp(z, bias: 25) }
        let (p, s) = fastExpParts(z, bias: 25)
        return p * s
    }
}
