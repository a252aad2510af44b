import CLanes

/// The fast GELU-erf where the build reads eight-entry tables but not larger ones (AVX2: one
/// `vpermd` on ymm per eight lanes): x·Φ(x) = K - e·h(|x|), the sixteen pieces' form
/// (FloatVector+GELUErfPieces.swift) on eight pieces, with an eight-entry exponential. No division.
///
/// e = 2^(-x²/L), L = 355/256 (2ln2 to nine bits, `geluErfExpL`), the sixteen pieces' exponential,
/// and h(u) = u·Φ(-u)·2^(u²/L), which takes the difference e^(-u²/2)/2^(-u²/L) = e^(γu²)
/// (γ = ln2/L - 1/2 ≈ -1.5e-4), a smooth factor its pieces absorb. h is a sextic in r = u - c_j on
/// each of eight pieces, half octaves of u + 1 ((bits(u + 1) >> 22) mod 8: [0, 0.5), [0.5, 1),
/// [1, 2), [2, 3), [3, 5), [5, 7), [7, 11), [11, 15)), within 3.44·2^-24 relative in float32
/// (scripts/fit/fit_gelu_erf_eight_pieces.py, gelu_erf_eight_pieces_coefficients.md). Piece 0 has
/// c_0 = 0, no constant term and the linear term 1/2 exactly, so tiny x give x/2 as it rounds. Each
/// coefficient is one eight-entry read.
///
/// The reduction in steps of L/8, with no low part of x² or of L: -u²/L = k/8 - s/L, k/8 = -hi/L
/// (hi = u·u rounded) rounded by the constant 1.5·2^20 + 127, whose float spacing is 1/8, and
/// a = s + α = u·u + ((k/8)·L + α): (k/8)·L + α is one float, formed by an FMA without rounding (α
/// on the grid of 2^-11, the sum below 256), and the second FMA holds the square exactly and rounds
/// once near α ≈ -2. The sum's bits shifted left by 20 are the float 2^n·(1 + j/8) (n = ⌊k/8⌋,
/// j = k mod 8: the exponent field n + 127, then j in the top three mantissa bits), so the table
/// holds c3·2^(j/8)/(1 + j/8) and no mask is needed; the bits are first raised to those of
/// k = -1016, whose shift is +0, so e is 0 (not a wrapped exponent) below 2^-127, and a subnormal
/// approximation between 2^-127 and 2^-126, within the budget's absolute 2^-126 where results are not
/// normal. 2^(-s/L) is a cubic with its square term shifted away, c3·((a² + P)·a + Q): two FMAs,
/// its leading coefficient in the table, 0.31·2^-24 relative; e within 4.41·2^-24 in float32 where
/// GELU's result is normal, and exactly 1 at u = 0 (entry 0's rounding). e is formed as
/// (entry·cubic)·2^n·(1 + j/8), so the product is near 1 before the scaling.
///
/// u = min(|x|, 14.5) by integer operations (NaN becomes 14.5 and keeps NaN through K = max(-0, x)),
/// written here rather than through `magnitudeMinimum`, whose C form changes this loop's AVX2 code
/// (the count gate's instructions per element move by 2–4%);
/// e is 0 at u = 14.5, so +inf gives +inf and -inf gives -0.
extension FloatVector {
    /// An eight-entry table of floats as the bit patterns `lookup8` reads.
    @inline(__always) static func floatTable(_ values: SIMD8<Float>) -> SIMD8<Int32> {
        unsafeBitCast(values, to: SIMD8<Int32>.self)
    }

    /// c_j, the centre of piece j (entry (6 + j) mod 8; piece 0's is 0).
    @inline(__always) static var geluErfOctaveCentres: SIMD8<Int32> {
        floatTable(SIMD8(0x1.8p+0, 0x1.4p+1, 0x1p+2, 0x1.8p+2, 0x1.2p+3, 0x1.ap+3, 0, 0x1.8p-1))
    }
    /// The coefficients of r^0 … r^6.
    @inline(__always) static var geluErfOctaveC0: SIMD8<Int32> {
        floatTable(SIMD8(0x1.3bf866p-2, 0x1.69765cp-2, 0x1.81c2a8p-2, 0x1.8bd152p-2,
                         0x1.8ead6ep-2, 0x1.8bc5e8p-2, 0, 0x1.cd1e0cp-3))
    }
    @inline(__always) static var geluErfOctaveC1: SIMD8<Int32> {
        floatTable(SIMD8(0x1.1f92b2p-4, 0x1.ba5f68p-6, 0x1.1e026p-7, 0x1.419c82p-9,
                         -0x1.0f7ce6p-14, -0x1.3979cp-10, 0x1p-1, 0x1.5bd534p-3))
    }
    @inline(__always) static var geluErfOctaveC2: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.33ad2ap-5, -0x1.7ab0f2p-7, -0x1.811362p-9, -0x1.9afd66p-11,
                         -0x1.d0278ep-13, -0x1.92dfaep-14, -0x1.9882fcp-2, -0x1.c30a08p-4))
    }
    @inline(__always) static var geluErfOctaveC3: SIMD8<Int32> {
        floatTable(SIMD8(0x1.0d3046p-6, 0x1.0ac502p-8, 0x1.937abap-11, 0x1.2cd9cap-13,
                         0x1.7f6ac2p-16, 0x1.186de8p-18, 0x1.ff8c7ep-3, 0x1.d67704p-5))
    }
    @inline(__always) static var geluErfOctaveC4: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.9e54ccp-8, -0x1.5246d6p-10, -0x1.8850dcp-13, -0x1.b5a104p-16,
                         -0x1.8a956ep-19, -0x1.5f9346p-22, -0x1.0d79cep-3, -0x1.a86ecp-6))
    }
    @inline(__always) static var geluErfOctaveC5: SIMD8<Int32> {
        floatTable(SIMD8(0x1.2e6db6p-9, 0x1.915428p-12, 0x1.8234fap-15, 0x1.3a0472p-18,
                         0x1.afc27cp-22, 0x1.240df8p-25, 0x1.d1c306p-5, 0x1.5bcec2p-7))
    }
    @inline(__always) static var geluErfOctaveC6: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.8c1066p-11, -0x1.9656b4p-14, -0x1.50e81ep-17, -0x1.a651ccp-21,
                         -0x1.a214b4p-25, -0x1.2d8f1cp-27, -0x1.f41154p-7, -0x1.026b16p-8))
    }
    /// c3·2^(j/8)/(1 + j/8), j = 0…7 (c3 the cubic's leading coefficient; entry 0 makes e(0) = 1).
    @inline(__always) static var geluErfEighthExpTable: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.5502f2p-6, -0x1.4a8e6p-6, -0x1.446d38p-6, -0x1.41a086p-6,
                         -0x1.41823cp-6, -0x1.43a35p-6, -0x1.47b86cp-6, -0x1.4d8e62p-6))
    }
    /// α, P and Q of the cubic c3·((a² + P)·a + Q), a = s + α.
    @inline(__always) static var geluErfEighthAlpha: Float { -0x1.002p+1 }
    @inline(__always) static var geluErfEighthP: Float { 0x1.801d4ep+3 }
    @inline(__always) static var geluErfEighthQ: Float { -0x1.003c34p+4 }
    /// 1.5·2^20 + 127: float spacing 1/8, low twelve bits 1016 = 127·8.
    @inline(__always) static var geluErfEighthMagic: Self { Self(repeating: 0x1.8p20 + 127) }

    /// u's half-octave piece: r = u - c_j and the index that reads piece j's entries.
    @inline(__always)
    static func geluErfOctavePiece(_ u: Self) -> (r: Self, index: Bits) {
        let index = (u + 1).bits &>> Bits(repeating: 22)
        return (u - Self(bits: lookup8(geluErfOctaveCentres, index)), index)
    }

    /// h(u) on its piece: the sextic by Horner's rule.
    @inline(__always)
    static func geluErfOctaveTailFactor(_ piece: (r: Self, index: Bits)) -> Self {
        func entry(_ table: SIMD8<Int32>) -> Self { Self(bits: lookup8(table, piece.index)) }
        let r = piece.r
        var h = entry(geluErfOctaveC5).addingProduct(entry(geluErfOctaveC6), r)
        h = entry(geluErfOctaveC4).addingProduct(h, r)
        h = entry(geluErfOctaveC3).addingProduct(h, r)
        h = entry(geluErfOctaveC2).addingProduct(h, r)
        h = entry(geluErfOctaveC1).addingProduct(h, r)
        return entry(geluErfOctaveC0).addingProduct(h, r)
    }

    /// The reduction of u²/L (see the extension's comment): the sum that rounds k/8 from u·u rounded,
    /// and the cubic's argument a = u·u + ((k/8)·L + α).
    @inline(__always)
    static func geluErfEighthReduction(_ u: Self) -> (shifted: Self, a: Self) {
        let magic = geluErfEighthMagic
        let shifted = magic.addingProduct(u * u, Self(repeating: -1 / geluErfExpL))
        let p = Self(repeating: geluErfEighthAlpha).addingProduct(shifted - magic, Self(repeating: geluErfExpL))
        return (shifted, p.addingProduct(u, u))
    }

    /// e = 2^(-u²/L) from its reduction: (entry·cubic)·2^n·(1 + j/8).
    @inline(__always)
    static func geluErfEighthExponential(_ reduced: (shifted: Self, a: Self)) -> Self {
        let (shifted, a) = reduced
        let cubic = Self(repeating: geluErfEighthQ).addingProduct(Self(repeating: geluErfEighthP).addingProduct(a, a), a)
        let floor = bitsMaximum(shifted.bits, geluErfEighthMagic.bits &- Bits(repeating: 1016))
        let entry = Self(bits: lookup8(geluErfEighthExpTable, shifted.bits))
        return (entry * cubic) * Self(bits: floor &<< Bits(repeating: 20))
    }

    /// Stage 1 of the form's two (the array kernels run stage 1 of one vector beside stage 2 of the
    /// one before, `forEachVector(…, stages:)` with the input again): u, the reduction and the
    /// piece, four vectors carried.
    @inline(__always)
    static func geluErfEightStage1(_ x: Self) -> (reduced: (shifted: Self, a: Self), piece: (r: Self, index: Bits)) {
        let u = Self(bits: bitsMinimum(x.bits & ~signBit, Self(repeating: 14.5).bits))
        return (geluErfEighthReduction(u), geluErfOctavePiece(u))
    }

    /// Stage 2: e, h and K - e·h, rounded once; x is the vector's input, read again rather than
    /// carried.
    @inline(__always)
    static func geluErfEightStage2(_ s: (reduced: (shifted: Self, a: Self), piece: (r: Self, index: Bits)), _ x: Self) -> Self {
        greaterOrSecond(Self(repeating: -0.0), x).addingProduct(geluErfEighthExponential(s.reduced).negated,
                                                                geluErfOctaveTailFactor(s.piece))
    }

    /// GELU-erf from the eight pieces (see the extension's comment): its two stages on one vector.
    @inline(__always)
    static func fastGeluErfEightPieces(_ x: Self) -> Self { geluErfEightStage2(geluErfEightStage1(x), x) }
}
