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
/// the pieces' permutes run on either pair of vector pipes beside the five FMAs. K - e·h is one
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
                          0x1.7626p-10, 0x1.8af24p-11, 0x1.d0fb64p-12, 0x1.27ef3p-12,
                          0x1p-1, 0x1.222f24p-2, 0x1.9a45b2p-3, 0x1.28beeep-3))
    }
    /// The coefficients of r^2.
    @inline(__always) static var geluErfPieceC2: SIMD16<Int32> {
        floatTable(SIMD16(-0x1.aec80ap-5, -0x1.be13fp-6, -0x1.ee9a38p-7, -0x1.22a6a8p-7,
                          -0x1.1ed648p-8, -0x1.003aa2p-9, -0x1.01ead4p-10, -0x1.1c5c32p-11,
                          -0x1.0917aap-12, -0x1.c8a4f6p-14, -0x1.c51bfep-15, -0x1.f0151cp-16,
                          -0x1.9882c6p-2, -0x1.a0ac4ep-3, -0x1.12ee42p-3, -0x1.73b346p-4))
    }
    /// The coefficients of r^3.
    @inline(__always) static var geluErfPieceC3: SIMD16<Int32> {
        floatTable(SIMD16(0x1.8ff036p-6, 0x1.721a44p-7, 0x1.70c28cp-8, 0x1.87b79ep-9,
                          0x1.4f9d28p-10, 0x1.fa37b4p-12, 0x1.b6433ap-13, 0x1.a674f8p-14,
                          0x1.49aa4ap-15, 0x1.d0e1acp-17, 0x1.8578fcp-18, 0x1.806c3ap-19,
                          0x1.ff8792p-3, 0x1.dc32eap-4, 0x1.27b682p-4, 0x1.78aa08p-5))
    }
    /// The coefficients of r^4.
    @inline(__always) static var geluErfPieceC4: SIMD16<Int32> {
        floatTable(SIMD16(-0x1.4843f8p-7, -0x1.10ca5ap-8, -0x1.eae0e4p-10, -0x1.ddb464p-11,
                          -0x1.6aaf08p-12, -0x1.d5d388p-14, -0x1.62a75ap-15, -0x1.3894ep-16,
                          -0x1.861ef2p-18, -0x1.b46ec2p-20, -0x1.27dc76p-21, -0x1.569504p-23,
                          -0x1.0a943ap-3, -0x1.d4f122p-5, -0x1.12199p-5, -0x1.4fe75ap-6))
    }
    /// The coefficients of r^5.
    @inline(__always) static var geluErfPieceC5: SIMD16<Int32> {
        floatTable(SIMD16(0x1.e02f9ep-9, 0x1.6d2adp-10, 0x1.2c0bf2p-11, 0x1.080e98p-12,
                          0x1.660eaep-14, 0x1.849882p-16, 0x1.f8e3d6p-18, 0x1.776eb6p-19,
                          0x1.ad12b4p-21, 0x1.9424f6p-23, 0x1.e3dbb6p-25, 0x1.83ff2ap-25,
                          0x1.8d41p-5, 0x1.96379cp-6, 0x1.cb1b2cp-7, 0x1.0297e2p-7))
    }

    /// The piece of u in [0, 13.5] (its index, whose low four bits `lookup16` reads) and r = u - c_j.
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

    /// GELU-erf from the pieces (see the extension's comment), as its four stages; the array kernels
    /// run the stages on four vectors at once (`forEachVector(…, stages:)`).
    ///
    /// u = min(|x|, 13.5) by integer operations (NaN becomes 13.5; the result keeps NaN through K).
    /// x² = hi + lo exactly (one FMA), and -hi/2 is reduced with ln2/32 as one float: t is then
    /// off by k·1.9e-9/32 for the index k = 32n + j, at most 2.4e-7 relative in e where u = 13.2,
    /// which the budget absorbs; lo joins the reduced argument, so the exponent carries no
    /// rounding of x². Where n < -126 the table's 2^n·2^(j/32) has wrapped into negative patterns
    /// (or, at n = -127, a subnormal's, where the result is below 2^-126): an integer maximum with
    /// 0 makes it +0, so -inf gives -0.
    @inline(__always)
    static func fastGeluErfPieces(_ x: Self) -> Self {
        geluErfStage4(geluErfStage3(geluErfStage2(geluErfStage1(x))))
    }

    /// Stage 1: K = x for x ≥ 0 and -0 below (NaN for NaN), u, and x² = hi + lo.
    @inline(__always)
    static func geluErfStage1(_ x: Self) -> (k: Self, u: Self, hi: Self, lo: Self) {
        let u = Self(bits: bitsMinimum(x.bits & ~signBit, Self(repeating: 13.5).bits))
        let hi = u * u
        return (greaterOrSecond(Self(repeating: -0.0), x), u, hi, hi.negated.addingProduct(u, u))
    }

    /// Stage 2: the reduction of -hi/2 with lo joined, the scale 2^n·2^(j/32) (+0 where wrapped),
    /// and u's piece.
    @inline(__always)
    static func geluErfStage2(_ p: (k: Self, u: Self, hi: Self, lo: Self))
        -> (k: Self, w: Self, s: Self, piece: (r: Self, index: Bits)) {
        let (w, s, _) = tableExpParts(p.hi, bias: 0, splitLn2: false, scale: -0.5)
        return (p.k, w + p.lo, Self(bits: bitsMaximum(s.bits, Bits(repeating: 0))), geluErfPiece(p.u))
    }

    /// Stage 3: e = e^(-x²/2) and h.
    @inline(__always)
    static func geluErfStage3(_ p: (k: Self, w: Self, s: Self, piece: (r: Self, index: Bits))) -> (k: Self, e: Self, h: Self) {
        (p.k, tableExpFinish(p.w, p.s, scale: -0.5), geluErfTailFactor(p.piece))
    }

    /// Stage 4: K - e·h, rounded once.
    @inline(__always)
    static func geluErfStage4(_ p: (k: Self, e: Self, h: Self)) -> Self {
        p.k.addingProduct(p.e.negated, p.h)
    }
}
