/// The fast sigmoid where the build reads eight-entry tables but not larger ones (AVX2: one
/// `vpermps` on ymm per eight lanes): E/(E + 2^25) with E = e^z·2^25, z = x clamped to [-104, 60],
/// the table-free sigmoid's form, with e^z from an eight-entry table and a cubic in place of the
/// degree-5 polynomial. That takes two of the nine multiplies and FMAs per vector off the FMA
/// pipes, which bound the table-free loop once it is staged.
///
/// z = (k/8)·ln2 + t, |t| ≤ ln2/16: k/8 = z·log2e rounded by the constant 1.5·2^20 + 152, whose
/// float spacing is 1/8, and t by ln2 in two floats. The sum's bits shifted left by 20 are the
/// float 2^(n + 25)·(1 + j/8) (n = ⌊k/8⌋, j = k mod 8: the exponent field n + 25 + 127, between 2
/// and 238 on the clamped range, then j in the top three mantissa bits), so the table holds
/// c3·2^(j/8)/(1 + j/8) and no mask is needed. e^t ≈ c3·((a² + P)·a + Q) with a = t + α: the cubic
/// with its square term shifted away, two FMAs, its leading coefficient in the table
/// (scripts/fit/fit_sigmoid_eighth.py, sigmoid_eighth_coefficients.md: 0.31·2^-24 relative; E
/// within 3.80·2^-24 in float32, the rounding of a ≈ 1 the largest part). Entry 0 makes
/// E(0) = 2^25 exactly, so sigmoid(0) = 1/2. E·(1 + j/8)·2^(n + 25) is formed after entry·cubic,
/// so the product is near 1 before the scaling and E stays normal on the whole range.
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

    /// Stage 2: t = z - (k/8)·ln2 with ln2 in two floats, then the cubic in a = t + α.
    @inline(__always)
    static func sigmoidEighthStage2(_ r: (z: Self, shifted: Self)) -> (cubic: Self, shifted: Self) {
        let eighths = r.shifted - sigmoidEighthMagic
        let t = r.z.addingProduct(eighths, -ln2Hi).addingProduct(eighths, -ln2Lo)
        let a = t + Self(repeating: 0x1.001068p+0)
        let cubic = Self(repeating: 0x1.fffffep+0).addingProduct(Self(repeating: 0x1.7fe13ep+1).addingProduct(a, a), a)
        return (cubic, r.shifted)
    }

    /// Stage 3: E = (entry·cubic)·2^(n + 25)·(1 + j/8), and E + 2^25.
    @inline(__always)
    static func sigmoidEighthStage3(_ r: (cubic: Self, shifted: Self)) -> (e: Self, d: Self) {
        let entry = Self(bits: lookup8(sigmoidEighthTable, r.shifted.bits))
        let e = (entry * r.cubic) * Self(bits: r.shifted.bits &<< Bits(repeating: 20))
        return (e, e + Self(repeating: 0x1p25))
    }

    /// Stage 4: the quotient.
    @inline(__always)
    static func sigmoidEighthStage4(_ r: (e: Self, d: Self)) -> Self { r.e / r.d }
}
