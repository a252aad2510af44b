import CLanes

/// The fast GELU-erf where the build reads eight-entry tables but not larger ones (AVX2: one
/// `vpermd` on ymm per eight lanes): x·Φ(x) = K - e·h(|x|), the sixteen pieces' form
/// (FloatVector+GELUErfPieces.swift) on eight pieces, with an eight-entry exponential. No division.
///
/// h(u) = u·Φ(-u)·e^(u²/2) is a sextic in r = u - c_j on each of eight pieces, half octaves of
/// u + 1 ((bits(u + 1) >> 22) mod 8: [0, 0.5), [0.5, 1), [1, 2), [2, 3), [3, 5), [5, 7), [7, 11),
/// [11, 15)), within 3.42·2^-24 relative in float32 (scripts/fit/fit_gelu_erf_eight_pieces.py,
/// gelu_erf_eight_pieces_coefficients.md). Piece 0 has c_0 = 0, no constant term and the linear
/// term 1/2 exactly, so tiny x give x/2 as it rounds. Each coefficient is one eight-entry read.
///
/// e = e^(-x²/2): x² = hi + lo exactly (one FMA); -hi/2 = (k/8)·ln2 + t with k/8 rounded by the
/// constant 1.5·2^20 + 127, whose float spacing is 1/8, and ln2 one float (k·1.9e-9/8 in t: at
/// most 2.4e-7 relative in e where u = 13.2). The sum's bits shifted left by 20 are the float
/// 2^n·(1 + j/8) (n = ⌊k/8⌋, j = k mod 8: the exponent field n + 127, then j in the top three
/// mantissa bits), so the table holds 2^(j/8)/(1 + j/8) and no mask is needed; the bits are first
/// raised to those of k = -1016, whose shift is +0, so e is 0 (not a wrapped exponent) below
/// 2^-127, and a subnormal approximation between 2^-127 and 2^-126, within the budget's absolute
/// 2^-126 where results are not normal. e^t is a cubic in the reduced argument a = -2t (lo joined
/// by one add), exactly 1 at a = 0, within 1.36·2^-24 in float32.
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
        floatTable(SIMD8(0x1.3c144p-2, 0x1.69cee6p-2, 0x1.82b4bcp-2, 0x1.8e010ep-2,
                         0x1.93a64ep-2, 0x1.96242ep-2, 0, 0x1.cd2836p-3))
    }
    @inline(__always) static var geluErfOctaveC1: SIMD8<Int32> {
        floatTable(SIMD8(0x1.204092p-4, 0x1.bf399cp-6, 0x1.2ddbdep-7, 0x1.a0eee4p-9,
                         0x1.0b6f6cp-10, 0x1.6fdc4p-12, 0x1p-1, 0x1.5bf7f2p-3))
    }
    @inline(__always) static var geluErfOctaveC2: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.33212ap-5, -0x1.78991ep-7, -0x1.79016p-9, -0x1.7b73dcp-11,
                         -0x1.54a9d4p-13, -0x1.4bfa9p-15, -0x1.9882fcp-2, -0x1.c2c874p-4))
    }
    @inline(__always) static var geluErfOctaveC3: SIMD8<Int32> {
        floatTable(SIMD8(0x1.0d2fbap-6, 0x1.0ab8e4p-8, 0x1.93515p-11, 0x1.2c9b5ep-13,
                         0x1.7caabp-16, 0x1.08be94p-18, 0x1.ffb494p-3, 0x1.d688e2p-5))
    }
    @inline(__always) static var geluErfOctaveC4: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.9e6bd4p-8, -0x1.527532p-10, -0x1.8835a6p-13, -0x1.ae51d8p-16,
                         -0x1.8bad3ap-19, -0x1.840928p-22, -0x1.0d996ap-3, -0x1.a7a70ap-6))
    }
    @inline(__always) static var geluErfOctaveC5: SIMD8<Int32> {
        floatTable(SIMD8(0x1.2e3a44p-9, 0x1.9116dcp-12, 0x1.82348ap-15, 0x1.367146p-18,
                         0x1.ada7e8p-22, 0x1.1e4b08p-25, 0x1.d20af2p-5, 0x1.5a9ee6p-7))
    }
    @inline(__always) static var geluErfOctaveC6: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.8b511ep-11, -0x1.8e52p-14, -0x1.510d6ep-17, -0x1.19ddcp-20,
                         -0x1.9cd998p-25, -0x1.156784p-28, -0x1.f46e94p-7, -0x1.246c1ep-8))
    }
    /// 2^(j/8)/(1 + j/8), j = 0…7: the scale's mantissa carries 1 + j/8.
    @inline(__always) static var geluErfEighthExpTable: SIMD8<Int32> {
        floatTable(SIMD8(0x1p+0, 0x1.f04d5cp-1, 0x1.e71968p-1, 0x1.e2e55ap-1,
                         0x1.e2b7dep-1, 0x1.e5ea4p-1, 0x1.ec0b66p-1, 0x1.f4ce76p-1))
    }
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

    /// The reduction of -hi/2 - lo/2 for hi + lo = u²: the sum that rounds k/8 and the cubic's
    /// argument a = -2t (see the extension's comment).
    @inline(__always)
    static func geluErfEighthReduction(_ hi: Self, _ lo: Self) -> (shifted: Self, a: Self) {
        let magic = geluErfEighthMagic
        let shifted = magic.addingProduct(hi, Self(repeating: -0.5 * 0x1.715476p+0))
        return (shifted, hi.addingProduct(shifted - magic, Self(repeating: 2 * 0x1.62e430p-1)) + lo)
    }

    /// e^(-hi/2 - lo/2) from its reduction: the cubic, the entry and the scale.
    @inline(__always)
    static func geluErfEighthExponential(_ reduced: (shifted: Self, a: Self)) -> Self {
        let (shifted, a) = reduced
        var p = Self(repeating: 0x1.000876p-3).addingProduct(a, Self(repeating: -0x1.5556ecp-6))
        p = Self(repeating: -0.5).addingProduct(a, p)
        p = Self(repeating: 1).addingProduct(a, p)
        let floor = bitsMaximum(shifted.bits, geluErfEighthMagic.bits &- Bits(repeating: 1016))
        let entry = Self(bits: lookup8(geluErfEighthExpTable, shifted.bits))
        return (entry * Self(bits: floor &<< Bits(repeating: 20))) * p
    }

    /// Stage 1 of the form's two (the array kernels run stage 1 of one vector beside stage 2 of the
    /// one before, `forEachVector(…, stages:)` with the input again): u, x² split, the reduction
    /// and the piece, four vectors carried.
    @inline(__always)
    static func geluErfEightStage1(_ x: Self) -> (reduced: (shifted: Self, a: Self), piece: (r: Self, index: Bits)) {
        let u = Self(bits: bitsMinimum(x.bits & ~signBit, Self(repeating: 14.5).bits))
        let hi = u * u
        return (geluErfEighthReduction(hi, hi.negated.addingProduct(u, u)), geluErfOctavePiece(u))
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
