/// e^x and e^x - 1 on Float lanes, with no libm call.
///
/// Both reduce x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite: ln2 split into two floats and FMA, so r
/// carries no rounding from the reduction), approximate on r, and scale by 2^k built from exponent
/// bits. The polynomial is the Taylor series of (e^r - 1 - r)/r² cut after r^6/8!: the remainder,
/// 0.347^7/9! ≈ 2e-9 relative, is far below an ulp, and Horner in FMA keeps the evaluation near 1 ulp.
extension FloatVector {
    @inline(__always) static var log2e: Self { Self(repeating: 0x1.715476p+0) }
    @inline(__always) static var ln2Hi: Self { Self(repeating: 0x1.62e430p-1) }
    @inline(__always) static var ln2Lo: Self { Self(repeating: -0x1.05c610p-29) }
    /// 1.5·2^23: adding it rounds a float of magnitude < 2^22 to an integer held in the low mantissa
    /// bits (the magic-number trick: `SIMD16<Int32>(float)` would be an outlined generic call).
    @inline(__always) static var roundingMagic: Self { Self(repeating: 0x1.8p23) }

    /// Splits x into k (as an integer) and r = x - k·ln2, |r| ≤ ln2/2 (a hair more at rounding ties).
    @inline(__always)
    static func reduceLn2(_ x: Self) -> (k: Bits, r: Self) {
        let shifted = roundingMagic.addingProduct(x, log2e)
        let kFloat = shifted - roundingMagic
        let k = shifted.bits &- Bits(repeating: 0x4b40_0000)
        let r = x.addingProduct(-kFloat, ln2Hi).addingProduct(-kFloat, ln2Lo)
        return (k, r)
    }

    /// 2^k for integer k in [-126, 127], from the exponent bits.
    @inline(__always)
    static func pow2(_ k: Bits) -> Self {
        Self(bits: (k &+ Bits(repeating: 127)) &<< Bits(repeating: 23))
    }

    /// e^r - 1 for |r| ≤ ln2/2: r + r²·(1/2! + r/3! + … + r^6/8!), relative error below 1e-8.
    @inline(__always)
    static func expm1Reduced(_ r: Self) -> Self {
        var p = Self(repeating: 1.0 / 40320)
        p = Self(repeating: 1.0 / 5040).addingProduct(p, r)
        p = Self(repeating: 1.0 / 720).addingProduct(p, r)
        p = Self(repeating: 1.0 / 120).addingProduct(p, r)
        p = Self(repeating: 1.0 / 24).addingProduct(p, r)
        p = Self(repeating: 1.0 / 6).addingProduct(p, r)
        p = Self(repeating: 0.5).addingProduct(p, r)
        return r.addingProduct(r * r, p)
    }

    /// e^x for x in [-105, 88.72] (callers clamp; NaN lanes give garbage that callers replace).
    /// Results down to the subnormal range are rounded once: 2^k is applied in two exact-then-rounding
    /// steps, 2^(k/2) then 2^(k - k/2), each a normal float, since k reaches -152.
    @inline(__always)
    static func exp(_ x: Self) -> Self {
        let (k, r) = reduceLn2(x)
        let p = expm1Reduced(r) + 1
        let k1 = k &>> Bits(repeating: 1)
        return p * pow2(k1) * pow2(k &- k1)
    }

    /// e^x - 1 for x in [-20, 18.5] (callers clamp): 2^k·(e^r - 1) + (2^k - 1) in one FMA. 2^k - 1 is
    /// exact for |k| ≤ 24, and below x = -17.4 the result rounds to -1 anyway.
    @inline(__always)
    static func expm1(_ x: Self) -> Self {
        let (k, r) = reduceLn2(x)
        let t = pow2(k)
        return (t - 1).addingProduct(t, expm1Reduced(r))
    }
}
