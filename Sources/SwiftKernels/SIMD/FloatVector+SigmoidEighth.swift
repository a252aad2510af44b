/// The fast sigmoid where the build reads eight-entry tables but not larger ones (AVX2: one
/// `vpermps` on ymm per eight lanes): E/(E + 2^25) with E = e^z·2^25, z = x clamped to [-104, 60],
/// the table-free sigmoid's form, with e^z from an eight-entry table and a cubic in place of the
/// degree-5 polynomial: eight multiplies and FMAs per vector on the FMA pipes, which bound the
/// table-free loop (nine) once it is staged.
///
/// z = (k/8)·ln2 + t, |t| ≤ ln2/16: k/8 = z·log2e rounded by the constant 1.5·2^20 + 152, whose
/// float spacing is 1/8, and t by ln2 in two floats. The sum's bits shifted left by 20 are the
/// float 2^(n + 25)·(1 + j/8) (n = ⌊k/8⌋, j = k mod 8: the exponent field n + 25 + 127, between 2
/// and 238 on the clamped range, then j in the top three mantissa bits), so the table holds
/// c3·2^(j/8)/(1 + j/8) and no mask is needed. e^t ≈ c3·((a² + P)·a + Q) with a = t + α: the cubic
/// with its square term shifted away, two FMAs, its leading coefficient in the table
/// (scripts/fit/fit_sigmoid_eighth.py, sigmoid_eighth_coefficients.md: 0.31·2^-24 relative; E
/// within 5.03·2^-24 in float32, the roundings of a ≈ 1 the largest part). Entry 0 makes
/// E(0) = 2^25 exactly, so sigmoid(0) = 1/2.
///
/// The staged loop runs well above the time of its instruction mix (Zen 4:
/// results/kernels/README.md): its chains bound it, not its operations, so the form keeps each
/// vector's chain short:
/// - a = (z - (k/8)·ln2_hi) + (α - (k/8)·ln2_lo), the two FMAs side by side and one add: two
///   steps, where t's two FMAs and then t + α are three in a row. The price is a second rounding
///   near 1 (the second part rounds near α, the sum near 1), at most 2^-24 each;
/// - the entry is scaled by 2^(n + 25)·(1 + j/8) beside the cubic, and E = scaled·cubic and
///   E + 2^25 = FMA(scaled, cubic, 2^25) side by side, so the quotient waits for one step after
///   the cubic, not three. The scaled entry, c3·2^(k/8 + 25), is normal for z ≥ -102.9; below,
///   where the result is under 2^-148, it is subnormal and E loses bits the absolute 2^-126 does
///   not see.
extension FloatVector {
    /// c3·2^(j/8)/(1 + j/8), j = 0…7.
    @inline(__always) static var sigmoidEighthTable: SIMD8<Int32> {
        floatTable(SIMD8(0x1.554d22p-3, 0x1.4ad64ap-3, 0x1.44b3ccp-3, 0x1.41e67ep-3,
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

    /// Stage 2: a = t + α (t = z - (k/8)·ln2, ln2 in two floats), the cubic in a, and the entry
    /// scaled by 2^(n + 25)·(1 + j/8).
    @inline(__always)
    static func sigmoidEighthStage2(_ r: (z: Self, shifted: Self)) -> (cubic: Self, scaledEntry: Self) {
        let eighths = r.shifted - sigmoidEighthMagic
        let a = r.z.addingProduct(eighths, -ln2Hi) + Self(repeating: 0x1.001068p+0).addingProduct(eighths, -ln2Lo)
        let cubic = Self(repeating: 0x1.fffffep+0).addingProduct(Self(repeating: 0x1.7fe13ep+1).addingProduct(a, a), a)
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
