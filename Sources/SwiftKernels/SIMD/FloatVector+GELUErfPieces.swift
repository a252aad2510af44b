/// The fast GELU-erf at 16 lanes where the build reads tables: x·Φ(x) = K - e·h(|x|) with
/// e = e^(-x²/2), K = x for x ≥ 0 and -0 below, and h(u) = u·Φ(-u)·e^(u²/2) by sixteen quintics
/// read from tables: no division and no rational.
///
/// h rises from 0 (h(u) = u/2 + O(u²)) to its limit 1/√(2π); a quintic in r = u - c_j on each of
/// sixteen pieces holds it within 3.01·2^-24 relative in float32 evaluation
/// (scripts/fit/fit_gelu_erf_pieces.py, gelu_erf_pieces_coefficients.md). The piece is
/// (bits(u + 1) >> 21) mod 16, a quarter octave of u + 1: pieces 0.25 wide up to u = 1, 0.5 up to
/// 3, 1 up to 7 and 2 up to 15, narrow where h bends most. Each coefficient is one one-table permute (`lookup16`
/// reads the index's low four bits). Piece 0 has c_0 = 0, no constant term and the linear term 1/2
/// exactly, so h keeps its relative accuracy down to the smallest u, and tiny x give x/2 as it
/// rounds.
///
/// Why pieces: on Zen 4 a zmm division takes two FMA slots and the rational P/Q nine FMAs, while
/// the pieces' seven one-table permutes take less of the vector pipes than those (the rational
/// form in this loop runs 0.77× as fast: results/kernels/README.md). K - e·h is one
/// FMA, rounded once; where the result is a normal float, e ≥ 2^-126 is normal too, so the tail
/// (x < 0, result -e·h) loses nothing to a subnormal intermediate.
extension FloatVector {
    /// A table of floats as the bit patterns `lookup16` reads.
    @inline(__always) static func floatTable(_ values: SIMD16<Float>) -> SIMD16<Int32> {
        unsafeBitCast(values, to: SIMD16<Int32>.self)
    }

    /// c_j, the centre of piece j (entry (12 + j) mod 16; piece 0's is 0).
    @inline(__always) static var geluErfPieceCentres: SIMD16<Int32> {
        floatTable(SIMD16(0x1.4p+0, 0x1.cp+0, 0x1.2p+1, 0x1.6p+1,
                          0x1.cp+1, 0x1.2p+2, 0x1.6p+2, 0x1.ap+2,
                          0x1p+3, 0x1.4p+3, 0x1.8p+3, 0x1.cp+3,
                          0, 0x1.8p-2, 0x1.4p-1, 0x1.cp-1))
    }
    /// The coefficients of r^0.
    @inline(__always) static var geluErfPieceC0: SIMD16<Int32> {
        floatTable(SIMD16(0x1.275f8ap-2, 0x1.4bef66p-2, 0x1.62039ap-2, 0x1.701efp-2,
                          0x1.7d241ap-2, 0x1.86c626p-2, 0x1.8c2b88p-2, 0x1.8f76dep-2,
                          0x1.926972p-2, 0x1.948c6ep-2, 0x1.95bcb4p-2, 0x1.9676b8p-2,
                          0, 0x1.238944p-3, 0x1.9de55ap-3, 0x1.f5594ep-3))
    }
    /// The coefficients of r^1.
    @inline(__always) static var geluErfPieceC1: SIMD16<Int32> {
        floatTable(SIMD16(0x1.7b79dp-4, 0x1.bd45f6p-5, 0x1.15aa6cp-5, 0x1.6c5e3cp-6,
                          0x1.a29f24p-7, 0x1.bfbaecp-8, 0x1.07e3e8p-8, 0x1.4ea506p-9,
                          0x1.7626p-10, 0x1.8af24p-11, 0x1.d0fb64p-12, 0x1.27e806p-12,
                          0x1p-1, 0x1.222f24p-2, 0x1.9a45b2p-3, 0x1.28beeep-3))
    }
    /// The coefficients of r^2.
    @inline(__always) static var geluErfPieceC2: SIMD16<Int32> {
        floatTable(SIMD16(-0x1.aec80ap-5, -0x1.be13fp-6, -0x1.ee9a38p-7, -0x1.22a6a8p-7,
                          -0x1.1ed648p-8, -0x1.003aa2p-9, -0x1.01ead4p-10, -0x1.1c5c32p-11,
                          -0x1.0917aap-12, -0x1.c8a4f6p-14, -0x1.c51bfep-15, -0x1.f2d0ap-16,
                          -0x1.9882c6p-2, -0x1.a0ac4ep-3, -0x1.12ee42p-3, -0x1.73b346p-4))
    }
    /// The coefficients of r^3.
    @inline(__always) static var geluErfPieceC3: SIMD16<Int32> {
        floatTable(SIMD16(0x1.8ff036p-6, 0x1.721a44p-7, 0x1.70c28cp-8, 0x1.87b79ep-9,
                          0x1.4f9d28p-10, 0x1.fa37b4p-12, 0x1.b6433ap-13, 0x1.a674f8p-14,
                          0x1.49aa4ap-15, 0x1.d0e1acp-17, 0x1.8578fcp-18, 0x1.6c8952p-19,
                          0x1.ff8792p-3, 0x1.dc32eap-4, 0x1.27b682p-4, 0x1.78aa08p-5))
    }
    /// The coefficients of r^4.
    @inline(__always) static var geluErfPieceC4: SIMD16<Int32> {
        floatTable(SIMD16(-0x1.4843f8p-7, -0x1.10ca5ap-8, -0x1.eae0e4p-10, -0x1.ddb464p-11,
                          -0x1.6aaf08p-12, -0x1.d5d388p-14, -0x1.62a75ap-15, -0x1.3894ep-16,
                          -0x1.861ef2p-18, -0x1.b46ec2p-20, -0x1.27dc76p-21, 0x1.bbbb6ap-26,
                          -0x1.0a943ap-3, -0x1.d4f122p-5, -0x1.12199p-5, -0x1.4fe75ap-6))
    }
    /// The coefficients of r^5.
    @inline(__always) static var geluErfPieceC5: SIMD16<Int32> {
        floatTable(SIMD16(0x1.e02f9ep-9, 0x1.6d2adp-10, 0x1.2c0bf2p-11, 0x1.080e98p-12,
                          0x1.660eaep-14, 0x1.849882p-16, 0x1.f8e3d6p-18, 0x1.776eb6p-19,
                          0x1.ad12b4p-21, 0x1.9424f6p-23, 0x1.e3dbb6p-25, 0x1.0841d6p-22,
                          0x1.8d41p-5, 0x1.96379cp-6, 0x1.cb1b2cp-7, 0x1.0297e2p-7))
    }

    /// The piece of u in [0, 14.5] (its index, whose low four bits `lookup16` reads) and r = u - c_j.
    @inline(__always)
    static func geluErfPiece(_ u: Self) -> (r: Self, index: Bits) {
        let index = (u + 1).bits &>> Bits(repeating: 21)
        return (u - Self(bits: lookup16(geluErfPieceCentres, index)), index)
    }

    /// h(u) from u's piece: the piece's quintic in r by Horner's rule.
    @inline(__always)
    static func geluErfTailFactor(_ piece: (r: Self, index: Bits)) -> Self {
        func entry(_ table: SIMD16<Int32>) -> Self { Self(bits: lookup16(table, piece.index)) }
        var h = entry(geluErfPieceC4).addingProduct(entry(geluErfPieceC5), piece.r)
        h = entry(geluErfPieceC3).addingProduct(h, piece.r)
        h = entry(geluErfPieceC2).addingProduct(h, piece.r)
        h = entry(geluErfPieceC1).addingProduct(h, piece.r)
        return entry(geluErfPieceC0).addingProduct(h, piece.r)
    }

    /// 2^(j/32 - 3) for j = 0…31 (`lookup32`'s halves): e's table, with the quadratic's 1/8 in it.
    @inline(__always) static var geluErfExpTable: (lo: SIMD16<Int32>, hi: SIMD16<Int32>) {
        (floatTable(SIMD16(0x1p-3, 0x1.059b0ep-3, 0x1.0b5586p-3, 0x1.11301ep-3,
                           0x1.172b84p-3, 0x1.1d4874p-3, 0x1.2387a6p-3, 0x1.29e9ep-3,
                           0x1.306fep-3, 0x1.371a74p-3, 0x1.3dea64p-3, 0x1.44e086p-3,
                           0x1.4bfdaep-3, 0x1.5342b6p-3, 0x1.5ab07ep-3, 0x1.6247ecp-3)),
         floatTable(SIMD16(0x1.6a09e6p-3, 0x1.71f75ep-3, 0x1.7a1148p-3, 0x1.82589ap-3,
                           0x1.8ace54p-3, 0x1.93737cp-3, 0x1.9c4918p-3, 0x1.a5503cp-3,
                           0x1.ae89fap-3, 0x1.b7f77p-3, 0x1.c199bep-3, 0x1.cb720ep-3,
                           0x1.d5818ep-3, 0x1.dfc974p-3, 0x1.ea4afap-3, 0x1.f50766p-3)))
    }
    /// e^t ≈ 1 + c1·t + t²/2 (c1 = 1 + 2^-16, 5.7e-8 relative on |t| ≤ ln2/64) in the argument
    /// w = -2t, as ((w + α)² + β)/8: α = -2·c1 = -2 - 2^-15, β = 8 - α² rounded, so that α² + β
    /// rounds to 8 exactly (scripts/fit/fit_gelu_erf_pieces.py). c1 sits on the grid of 2^-16 (the
    /// minimax c1 is 1 + 1.47e-5, 5.3e-8) so that α joins the reduction's exact step.
    @inline(__always) static var geluErfExpAlpha: Float { -0x1.0001p+1 }
    @inline(__always) static var geluErfExpBeta: Float { 0x1.fffcp+1 }
    /// 2·ln2 as ln2Hi + ln2Lo (to 2^-36): ln2Hi = 355/256 has nine significant bits, so for every
    /// scale = k/32 the reduction meets (|k| < 4900) scale·ln2Hi + α lies on the grid of 2^-15
    /// below 256: 23 bits, one float, formed by one FMA without rounding.
    @inline(__always) static var geluErfExpTwoLn2Hi: Float { 0x1.63p+0 }
    @inline(__always) static var geluErfExpTwoLn2Lo: Float { -0x1.bd0106p-12 }

    /// GELU-erf from the pieces (see the extension's comment), as its four stages; the array kernels
    /// run the stages on four vectors at once (`forEachVector(…, stages:)`).
    ///
    /// u = min(|x|, 14.5) by integer operations (NaN becomes 14.5; the result keeps NaN through K).
    /// -u²/2 = (k/32)·ln2 + t with k/32 = scale rounded from hi = u·u by the constant 1.5·2^18
    /// (whose float spacing is 1/32), so the sum's low five bits are j = k mod 32 and scale comes
    /// back exact. The reduced argument, shifted by α, is a = u² + scale·2ln2 + α in three FMAs:
    /// p = scale·ln2Hi + α exactly, w = u·u + p (the exact square, rounded once near α), then
    /// a = w + scale·ln2Lo. No low part of u² is formed and 2ln2 is exact to 2^-36: a is within two
    /// roundings near 2 of its value. e = scalef(2^(j/32 - 3)·(a² + β), scale): the scaling by
    /// 2^⌊k/32⌋ rounds once, so e is the subnormal it should be below 2^-126 and 0 below 2^-150.
    /// At u = 14.5, e^(-u²/2) < 2^-151: -inf gives -0, +inf gives +inf. Tiny x give p = α, a = α,
    /// (α² + β) = 8, e = 1 and h = u/2: x/2 as it rounds.
    ///
    /// The quadratic's factored form is one FMA where 1 + t·(c1 + c2·t) scaled by the table takes
    /// three, and scalef applies 2^n in one instruction where integer arithmetic on the exponent
    /// takes a shift, an add and a maximum to clear its wrap. 2ln2 is split for accuracy: as one
    /// float it would put up to 2.4e-7 relative into e at u = 13.2; split, it puts none, for one
    /// more rounding near 2. The three FMAs take the place of an exact x² = hi + lo, the
    /// reduction's FMA and two adds, at the same speed (results/kernels/README.md).
    /// Stage 2 holds the whole exponential: of the cuts tried it carries the fewest vectors from
    /// stage to stage, and the loop keeps them all in registers.
    @inline(__always)
    static func fastGeluErfPieces(_ x: Self) -> Self {
        geluErfStage4(geluErfStage3(geluErfStage2(geluErfStage1(x))))
    }

    /// Stage 1: K = x for x ≥ 0 and -0 below (NaN for NaN), and u.
    @inline(__always)
    static func geluErfStage1(_ x: Self) -> (k: Self, u: Self) {
        (greaterOrSecond(Self(repeating: -0.0), x), Self(bits: bitsMinimum(x.bits & ~signBit, Self(repeating: 14.5).bits)))
    }

    /// Stage 2: e = e^(-x²/2) (the reduction of -u²/2 in three FMAs) and u's piece.
    @inline(__always)
    static func geluErfStage2(_ p: (k: Self, u: Self))
        -> (k: Self, e: Self, piece: (r: Self, index: Bits)) {
        let magic = Self(repeating: 0x1.8p18)
        let shifted = magic.addingProduct(p.u * p.u, Self(repeating: -0.5 * 0x1.715476p+0))
        let scale = shifted - magic
        let w = Self(repeating: geluErfExpAlpha).addingProduct(scale, Self(repeating: geluErfExpTwoLn2Hi))
            .addingProduct(p.u, p.u)
        let a = w.addingProduct(scale, Self(repeating: geluErfExpTwoLn2Lo))
        let b = Self(repeating: geluErfExpBeta).addingProduct(a, a)
        let entry = Self(bits: lookup32(geluErfExpTable.lo, geluErfExpTable.hi, shifted.bits))
        return (p.k, scaled(entry * b, byPowerOfTwoFloorOf: scale), geluErfPiece(p.u))
    }

    /// Stage 3: h.
    @inline(__always)
    static func geluErfStage3(_ p: (k: Self, e: Self, piece: (r: Self, index: Bits))) -> (k: Self, e: Self, h: Self) {
        (p.k, p.e, geluErfTailFactor(p.piece))
    }

    /// Stage 4: K - e·h, rounded once.
    @inline(__always)
    static func geluErfStage4(_ p: (k: Self, e: Self, h: Self)) -> Self {
        p.k.addingProduct(p.e.negated, p.h)
    }
}
