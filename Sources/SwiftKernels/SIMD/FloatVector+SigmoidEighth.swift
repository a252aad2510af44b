/// The fast sigmoid where the build reads eight-entry tables but not larger ones (AVX2: one
/// `vpermps` on ymm per eight lanes): E/(E + 2^25) with E = e^z·2^25, z = x clamped to [-104, 60],
/// the table-free sigmoid's form, with e^z from an eight-entry table and a cubic in place of the
/// degree-5 polynomial: fourteen vector operations a vector, seven of them multiplies and FMAs. The
/// loop runs close to the time of its instruction mix (Zen 4: results/kernels/README.md), so its
/// speed follows its count of operations and the form spends none it can leave out.
///
/// z = (k/8)·ln2 + t, |t| ≤ ln2/16: k/8 = z·log2e rounded by the constant 1.5·2^20 + 152, whose
/// float spacing is 1/8, and t = z - (k/8)·ln2 by one FMA with ln2 as one float, as in the fast
/// tier's other sigmoids: t is off by (k/8)·(ln2 - float(ln2)), so E carries up to |k/8|·1.9e-9
/// relative, about four units of 2^-24 where the result nears 2^-126, and the error grows as x
/// falls (the second float of ln2 costs an FMA a vector:
/// results/zen4/avx2-sigmoid-one-float-ln2-1M.txt). The sum's bits shifted left by 20 are the float
/// 2^(n + 25)·(1 + j/8) (n = ⌊k/8⌋, j = k mod 8: the exponent field n + 25 + 127, between 2 and 238
/// on the clamped range, then j in the top three mantissa bits), so the table holds c3·2^(j/8)/(1 +
/// j/8) and no mask is needed. e^t ≈ c3·(((t + c2)·t + c1)·t + c0), Horner's rule from the monic
/// cubic's square term: one add and two FMAs, no step rounding near a shifted argument, the leading
/// coefficient in the table (scripts/fit/fit_sigmoid_eighth.py, sigmoid_eighth_coefficients.md:
/// 0.32·2^-24 relative; E within 2.82·2^-24 in float32 near z = 0, 7.25 at z = -104 with the
/// one-float ln2's part). Entry 0 makes E(0) = 2^25 exactly, so sigmoid(0) = 1/2.
///
/// The loop is staged, and the entry is scaled by 2^(n + 25)·(1 + j/8) beside the cubic, and E =
/// scaled·cubic and E + 2^25 = FMA(scaled, cubic, 2^25) side by side, so the quotient waits for one
/// step after the cubic, not three. The scaled entry, c3·2^(k/8 + 25), is normal for z ≥ -102.9;
/// below, where the result is under 2^-148, it is subnormal and E loses bits the absolute 2^-126
/// does not see.
extension FloatVector {
    /// c3·2^(j/8)/(1 + j/8), j = 0…7.
    @inline(__always) static var sigmoidEighthTable: SIMD8<Int32> {
        floatTable(SIMD8(0x1.554d22p-3, 0x1.4ad64ap-3, 0x1.44b3ccp-3, 0x1.41e68p-3,
                         0x1.41c82ep-3, 0x1.43e9b8p-3, 0x1.47ffb8p-3, 0x1.4dd6f2p-3))
    }
    /// 1.5·2^20 + 152: float spacing 1/8, low twelve bits 1216 = (127 + 25)·8.
    @inline(__always) static var sigmoidEighthMagic: Self { Self(repeating: 0x1.8p20 + 152) }

    /// Stage 1: z and the reduction's sum, k/8 = z·log2e rounded to eighths.
    @inline(__always)
    static func sigmoidEighthStage1(_ x: Self) -> (z: Self, shifted: Self) {
        let z = x.clamped(-104, 60)
        return (z, sigmoidEighthMagic.addingProduct(z, log2e))
    }

    /// Stage 2: t = z - (k/8)·ln2 (ln2 one float), the cubic in t, and the entry scaled by
    /// 2^(n + 25)·(1 + j/8).
    @inline(__always)
    static func sigmoidEighthStage2(_ r: (z: Self, shifted: Self)) -> (cubic: Self, scaledEntry: Self) {
        let t = r.z.addingProduct(r.shifted - sigmoidEighthMagic, -ln2Hi)
        let quadratic = Self(repeating: 0x1.80093cp+2).addingProduct(t + Self(repeating: 0x1.80189cp+1), t)
        let cubic = Self(repeating: 0x1.80093ap+2).addingProduct(quadratic, t)
        let entry = Self(bits: lookup8(sigmoidEighthTable, r.shifted.bits))
        return (cubic, entry * Self(bits: r.shifted.bits &<< Bits(repeating: 20)))
    }

    /// Stage 3: E = scaled entry·cubic, and E + 2^25 rounded once.
    @inline(__always)
    static func sigmoidEighthStage3(_ r: (cubic: Self, scaledEntry: Self)) -> (e: Self, d: Self) {
        (r.scaledEntry * r.cubic, Self(repeating: 0x1p25).addingProduct(r.scaledEntry, r.cubic))
    }

    /// Stage 4: the quotient.
    @inline(__always)
    static func sigmoidEighthStage4(_ r: (e: Self, d: Self)) -> Self { r.e / r.d }
}
