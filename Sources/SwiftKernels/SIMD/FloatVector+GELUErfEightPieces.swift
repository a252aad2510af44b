import CLanes

/// The fast GELU-erf where the build reads eight-entry tables but not larger ones (AVX2: one
/// `vpermd` on ymm per eight lanes): x·Φ(x) = K - e·h(|x|), the sixteen pieces' form
/// (FloatVector+GELUErfPieces.swift) on eight pieces, with an eight-entry exponential. No division.
/// Its speed follows its count of vector operations (29 a vector), so it spends none it can avoid:
/// the pieces are polynomials in u itself, the reduction's offset is one FMA, and u's clamp keeps
/// the scale's exponent from wrapping without a maximum.
///
/// e = 2^(-x²/L), L = 11357/8192 (2ln2 to within 6e-5, thirteen fraction bits: see the reduction),
/// and h(u) = u·Φ(-u)·2^(u²/L), which takes the difference e^(-u²/2)/2^(-u²/L) = e^(γu²)
/// (γ = ln2/L - 1/2 ≈ -2e-5), a smooth factor its pieces absorb. h is a sextic in u itself on each
/// of eight pieces, half octaves of u + 1 ((bits(u + 1) >> 22) mod 8: [0, 0.5), [0.5, 1), [1, 2),
/// [2, 3), [3, 5), [5, 7), [7, 11), [11, 15)), within 9.18·2^-24 relative in float32 (the sum
/// cancels most on [3, 5); a centred sextic is 2.25 there but needs a read and a subtraction more:
/// scripts/fit/fit_gelu_erf_eight_pieces.py, gelu_erf_eight_pieces_coefficients.md). Piece 0 has no
/// constant term and the linear term 1/2 exactly, so tiny x give x/2 as it rounds. Each
/// coefficient is one eight-entry read.
///
/// The reduction in steps of L/8: -u²/L = k/8 - s/L, k/8 = -hi/L (hi = u·u rounded) rounded by the
/// constant M = 1.5·2^20 + 127 + 1536, whose float spacing is 1/8, and a = s + α = u·u + p with
/// p = (k/8)·L + α formed by one FMA of the rounded sum itself, sum·L + C (C = α - M·L): the product
/// and C are exact inside the FMA and the result, below 256 with sixteen fraction bits, is a float,
/// so p is exact; C is a float only if α lies on M·L's lattice of 0.25, and M's 1536 and L's last bit
/// put that lattice within 5e-3 of the cubic's best α (the refitted cubic loses 0.07·2^-24 for it).
/// The second FMA holds the square exactly and rounds once near α ≈ -2. The sum's bits shifted
/// left by 20 are the float 2^n·(1 + j/8) (n = ⌊k/8⌋, j = k mod 8: the exponent field n + 127, then
/// j in the top three mantissa bits), so the table holds c3·2^(j/8)/(1 + j/8) and no mask is needed.
/// u is clamped at √(127·L), where k = -1016 exactly: the shifted bits there are those of +0, so e
/// is 0, and no smaller k occurs, so the field never wraps; for k in (-1016, -1008) it is 0 and the
/// scale a subnormal, within the budget's absolute 2^-126 where results are not normal. 2^(-s/L) is
/// a cubic with its square term shifted away, c3·((a² + P)·a + Q): two FMAs, its leading
/// coefficient in the table, 0.39·2^-24 relative; e within 4.64·2^-24 in float32 where GELU's result
/// is normal, and exactly 1 at u = 0 (entry 0's rounding). e is formed as
/// (entry·cubic)·2^n·(1 + j/8), so the product is near 1 before the scaling.
///
/// u = min(|x|, √(127·L)) by integer operations (NaN becomes the clamp and keeps NaN through
/// K = max(-0, x)), written here rather than through `magnitudeMinimum`, whose C form changes this
/// loop's AVX2 code (the count gate's instructions per element move by 2–4%);
/// e is 0 at the clamp, so +inf gives +inf and -inf gives -0.
extension FloatVector {
    /// An eight-entry table of floats as the bit patterns `lookup8` reads.
    @inline(__always) static func floatTable(_ values: SIMD8<Float>) -> SIMD8<Int32> {
        unsafeBitCast(values, to: SIMD8<Int32>.self)
    }

    /// The coefficients of u^0 … u^6 (entry (6 + j) mod 8 holds piece j).
    @inline(__always) static var geluErfOctaveC0: SIMD8<Int32> {
        floatTable(SIMD8(0x1.52378p-8, 0x1.26f72ep-5, 0x1.bfef7cp-4, 0x1.ec824cp-3,
                         0x1.2517a2p-2, 0x1.71f42ap-2, 0, 0x1.841b9cp-13))
    }
    @inline(__always) static var geluErfOctaveC1: SIMD8<Int32> {
        floatTable(SIMD8(0x1.e34afep-2, 0x1.83b01p-2, 0x1.e6cea2p-3, 0x1.4e0eb4p-4,
                         0x1.8e10bcp-5, 0x1.0bf488p-7, 0x1p-1, 0x1.fe089ap-2))
    }
    @inline(__always) static var geluErfOctaveC2: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.540e36p-2, -0x1.b2dd22p-3, -0x1.91e9dep-4, -0x1.3e394ap-6,
                         -0x1.469e1cp-7, -0x1.8f1686p-11, -0x1.9882fcp-2, -0x1.8fba6ap-2))
    }
    @inline(__always) static var geluErfOctaveC3: SIMD8<Int32> {
        floatTable(SIMD8(0x1.423344p-3, 0x1.2f20cep-4, 0x1.890f7ep-6, 0x1.47e25ep-9,
                         0x1.325f6ap-10, 0x1.145272p-15, 0x1.ffaf16p-3, 0x1.d3b37ap-3))
    }
    @inline(__always) static var geluErfOctaveC4: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.92a1c2p-5, -0x1.061c4ap-6, -0x1.cd5004p-9, -0x1.62f71p-13,
                         -0x1.51e3bcp-14, -0x1.2e936p-21, -0x1.0d951ep-3, -0x1.965c6cp-4))
    }
    @inline(__always) static var geluErfOctaveC5: SIMD8<Int32> {
        floatTable(SIMD8(0x1.2a9cfep-7, 0x1.01f9b8p-9, 0x1.2d29b6p-12, 0x1.3da284p-18,
                         0x1.98f35p-19, 0, 0x1.d2017cp-5, 0x1.d289bap-6))
    }
    @inline(__always) static var geluErfOctaveC6: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.8c70b8p-11, -0x1.ba829ap-14, -0x1.512e7ep-17, 0,
                         -0x1.a49bd4p-25, 0, -0x1.f4633p-7, -0x1.040cep-8))
    }
    /// c3·2^(j/8)/(1 + j/8), j = 0…7 (c3 the cubic's leading coefficient; entry 0 makes e(0) = 1).
    @inline(__always) static var geluErfEighthExpTable: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.56182cp-6, -0x1.4b9b1ap-6, -0x1.4574f6p-6, -0x1.42a5fep-6,
                         -0x1.42879ap-6, -0x1.44aa68p-6, -0x1.48c2d6p-6, -0x1.4e9d8cp-6))
    }
    /// L, 11357/8192.
    @inline(__always) static var geluErfEighthL: Float { 0x1.62e8p+0 }
    /// C = α - M·L (α = -0x1.fee8p+0), so that the sum times L plus C is (k/8)·L + α.
    @inline(__always) static var geluErfEighthC: Float { -0x1.0a761cp+21 }
    /// P and Q of the cubic c3·((a² + P)·a + Q), a = s + α.
    @inline(__always) static var geluErfEighthP: Float { 0x1.7fe5d8p+3 }
    @inline(__always) static var geluErfEighthQ: Float { -0x1.00084p+4 }
    /// M = 1.5·2^20 + 127 + 1536: float spacing 1/8, low twelve bits 1016 = 127·8.
    @inline(__always) static var geluErfEighthMagic: Self { Self(repeating: 0x1.8p20 + 127 + 1536) }
    /// u's clamp, √(127·L) rounded: k = -1016 there.
    @inline(__always) static var geluErfEighthClamp: Float { 0x1.a89bc6p+3 }

    /// u and the index of its half-octave piece, which reads piece j's entries.
    @inline(__always)
    static func geluErfOctavePiece(_ u: Self) -> (u: Self, index: Bits) {
        (u, (u + 1).bits &>> Bits(repeating: 22))
    }

    /// h(u) on its piece: the sextic by Horner's rule.
    @inline(__always)
    static func geluErfOctaveTailFactor(_ piece: (u: Self, index: Bits)) -> Self {
        func entry(_ table: SIMD8<Int32>) -> Self { Self(bits: lookup8(table, piece.index)) }
        let u = piece.u
        var h = entry(geluErfOctaveC5).addingProduct(entry(geluErfOctaveC6), u)
        h = entry(geluErfOctaveC4).addingProduct(h, u)
        h = entry(geluErfOctaveC3).addingProduct(h, u)
        h = entry(geluErfOctaveC2).addingProduct(h, u)
        h = entry(geluErfOctaveC1).addingProduct(h, u)
        return entry(geluErfOctaveC0).addingProduct(h, u)
    }

    /// The reduction of u²/L (see the extension's comment): the sum that rounds k/8 from u·u rounded,
    /// and the cubic's argument a = u·u + (sum·L + C), sum·L + C = (k/8)·L + α exactly.
    @inline(__always)
    static func geluErfEighthReduction(_ u: Self) -> (shifted: Self, a: Self) {
        let magic = geluErfEighthMagic
        let shifted = magic.addingProduct(u * u, Self(repeating: -1 / geluErfEighthL))
        let p = Self(repeating: geluErfEighthC).addingProduct(shifted, Self(repeating: geluErfEighthL))
        return (shifted, p.addingProduct(u, u))
    }

    /// e = 2^(-u²/L) from its reduction: (entry·cubic)·2^n·(1 + j/8).
    @inline(__always)
    static func geluErfEighthExponential(_ reduced: (shifted: Self, a: Self)) -> Self {
        let (shifted, a) = reduced
        let cubic = Self(repeating: geluErfEighthQ).addingProduct(Self(repeating: geluErfEighthP).addingProduct(a, a), a)
        let entry = Self(bits: lookup8(geluErfEighthExpTable, shifted.bits))
        return (entry * cubic) * Self(bits: shifted.bits &<< Bits(repeating: 20))
    }

    /// Stage 1 of the form's two (the array kernels run stage 1 of one vector beside stage 2 of the
    /// one before, `forEachVector(…, stages:)` with the input again): u, the reduction and the
    /// piece, four vectors carried.
    @inline(__always)
    static func geluErfEightStage1(_ x: Self) -> (reduced: (shifted: Self, a: Self), piece: (u: Self, index: Bits)) {
        let u = Self(bits: bitsMinimum(x.bits & ~signBit, Self(repeating: geluErfEighthClamp).bits))
        return (geluErfEighthReduction(u), geluErfOctavePiece(u))
    }

    /// Stage 2: e, h and K - e·h, rounded once; x is the vector's input, read again rather than
    /// carried.
    @inline(__always)
    static func geluErfEightStage2(_ s: (reduced: (shifted: Self, a: Self), piece: (u: Self, index: Bits)), _ x: Self) -> Self {
        greaterOrSecond(Self(repeating: -0.0), x).addingProduct(geluErfEighthExponential(s.reduced).negated,
                                                                geluErfOctaveTailFactor(s.piece))
    }

    /// GELU-erf from the eight pieces (see the extension's comment): its two stages on one vector.
    @inline(__always)
    static func fastGeluErfEightPieces(_ x: Self) -> Self { geluErfEightStage2(geluErfEightStage1(x), x) }
}
