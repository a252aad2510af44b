/// The fast GELU-erf at 16 lanes where the build reads tables: x·Φ(x) = K - e·h(|x|) with
/// e = 2^(-x²/L), K = x for x ≥ 0 and -0 below, and h(u) = u·Φ(-u)·2^(u²/L) by sixteen quintics
/// read from tables: no division and no rational. L = 355/256 is 2ln2 to nine bits, so every step
/// of the exponential's reduction is exact (see `geluErfStage2`); h takes the difference,
/// e^(-u²/2) = 2^(-u²/L)·e^(γu²) with γ = ln2/L - 1/2 ≈ -1.5e-4, a smooth factor its pieces absorb.
///
/// h rises from 0 (h(u) = u/2 + O(u²)) towards 1/√(2π); a quintic in u itself on each of sixteen
/// pieces holds it within 6.67·2^-24 relative in float32 evaluation where the result is a normal
/// float (scripts/fit/fit_gelu_erf_pieces.py, gelu_erf_pieces_coefficients.md; a piece that needs
/// less takes a lower degree, its top coefficients 0). The piece is (bits(w) >> 22) mod 16 with
/// w = u² + c rounded, the value the reduction rounds anyway, so it costs one shift: a half of an
/// octave of w ([1, 1.5), [1.5, 2), [2, 3), …), from c ≈ 1.43 to 256, u from 0 to 15.9 in pieces
/// 0.27–0.53 wide up to u = 2.6, 0.57–0.93 up to 5.5 and 1.1–2.6 above, narrow where h bends most.
/// A polynomial in u rather than in u - c_j saves the centre's read and the subtraction; in float
/// it costs about one unit of 2^-24, since h's higher derivatives fall fast where the pieces are
/// wide. Each coefficient is one one-table permute (`lookup16` reads the index's low four bits),
/// except the top one: c5, kept to its thirteen high bits (sign, exponent and four mantissa bits),
/// sits in the low thirteen bits of c4's entry and is read by a shift, which changes c4 by at most
/// 2^-11 relative (the fit fixes both first and fits the others to what they leave). Piece 0 has no
/// constant term and the linear term 1/2 exactly, so h keeps its relative accuracy down to the
/// smallest u, and tiny x give x/2 as it rounds.
///
/// Why pieces: on Zen 4 a zmm division takes two FMA slots and the rational P/Q nine FMAs, while
/// the pieces' one-table permutes take less of the vector pipes than those (the rational form ran
/// 0.77× as fast as the pieces: results/kernels/README.md). K - e·h is one FMA, rounded once;
/// where the result is a normal float (u ≤ 13.146), e ≥ 2^-124.6 is normal too, so the tail
/// (x < 0, result -e·h) loses nothing to a subnormal intermediate.
extension FloatVector {
    /// A table of floats as the bit patterns `lookup16` reads.
    @inline(__always) static func floatTable(_ values: SIMD16<Float>) -> SIMD16<Int32> {
        unsafeBitCast(values, to: SIMD16<Int32>.self)
    }

    /// The coefficients of u^0 (entry (14 + j) mod 16 holds piece j in every table).
    @inline(__always) static var geluErfPieceC0: SIMD16<Int32> {
        floatTable(SIMD16(0x1.82c4c8p-9, 0x1.85843ap-7, 0x1.d5a9a8p-6, 0x1.b33dd4p-5,
                          0x1.636532p-4, 0x1.018e46p-3, 0x1.572774p-3, 0x1.aeba0cp-3,
                          0x1.fdab9ap-3, 0x1.3db77ep-2, 0x1.3daaccp-2, 0x1.66f10ep-2,
                          0x1.7286dep-2, 0, 0, 0x1.937baap-14))
    }
    /// The coefficients of u^1.
    @inline(__always) static var geluErfPieceC1: SIMD16<Int32> {
        floatTable(SIMD16(0x1.ebfadcp-2, 0x1.c67d94p-2, 0x1.922d6ap-2, 0x1.569ed6p-2,
                          0x1.146a7ep-2, 0x1.ac2146p-3, 0x1.3d588ap-3, 0x1.bf5bc2p-4,
                          0x1.325342p-4, 0x1.f85322p-6, 0x1.090a48p-5, 0x1.8a81dp-7,
                          0x1.067acep-7, 0, 0x1p-1, 0x1.fe9dfap-2))
    }
    /// The coefficients of u^2.
    @inline(__always) static var geluErfPieceC2: SIMD16<Int32> {
        floatTable(SIMD16(-0x1.5fd636p-2, -0x1.21f538p-2, -0x1.c3f7c2p-3, -0x1.5263aap-3,
                          -0x1.d8a4fp-4, -0x1.3c889p-4, -0x1.932e3ap-5, -0x1.e518dap-6,
                          -0x1.1b241p-6, -0x1.2fc5f6p-8, -0x1.6475b4p-8, -0x1.5d2d66p-10,
                          -0x1.9ff386p-11, 0, -0x1.988224p-2, -0x1.9088ecp-2))
    }
    /// The coefficients of u^3.
    @inline(__always) static var geluErfPieceC3: SIMD16<Int32> {
        floatTable(SIMD16(0x1.4c20bcp-3, 0x1.ca88f8p-4, 0x1.2d68acp-4, 0x1.81a586p-5,
                          0x1.c7bf9cp-6, 0x1.03ea5ap-6, 0x1.18d0a6p-7, 0x1.1d9776p-8,
                          0x1.196c16p-9, 0x1.54c4c8p-12, 0x1.f7a2dcp-12, 0x1.0bdbap-14,
                          0x1.0af94cp-15, 0, 0x1.ff341ep-3, 0x1.cecbcp-3))
    }
    /// The coefficients of u^4, each with the piece's c5 in its low thirteen bits (`geluErfPackedTop`).
    @inline(__always) static var geluErfPieceC4: SIMD16<Int32> {
        floatTable(SIMD16(-0x1.7d4ef2p-5, -0x1.a24ecap-6, -0x1.c10ea4p-7, -0x1.e1ce8p-8,
                          -0x1.da8e54p-9, -0x1.c8ce2ap-10, -0x1.9f8ep-11, -0x1.63cdcep-12,
                          -0x1.270dap-13, -0x1.3p-17, -0x1.784d3ap-16, -0x1.5p-20,
                          -0x1.2p-21, 0, -0x1.090f5p-3, -0x1.72cf26p-4))
    }
    /// A piece's top coefficient from the entry of the one below it (c5 from c4's here, c6 from
    /// c5's in the eight pieces): the entry's low thirteen bits as a float's high ones.
    @inline(__always) static func geluErfPackedTop(_ entry: Bits) -> Bits { entry &<< Bits(repeating: 19) }

    /// u's piece, from w = u² + c (its index, whose low four bits `lookup16` reads).
    @inline(__always)
    static func geluErfPiece(_ u: Self, _ w: Self) -> (u: Self, index: Bits) {
        (u, w.bits &>> Bits(repeating: 22))
    }

    /// h(u) from u's piece: the piece's quintic in u by Horner's rule.
    @inline(__always)
    static func geluErfTailFactor(_ piece: (u: Self, index: Bits)) -> Self {
        func entry(_ table: SIMD16<Int32>) -> Self { Self(bits: lookup16(table, piece.index)) }
        let c4 = lookup16(geluErfPieceC4, piece.index)
        var h = Self(bits: c4).addingProduct(Self(bits: geluErfPackedTop(c4)), piece.u)
        h = entry(geluErfPieceC3).addingProduct(h, piece.u)
        h = entry(geluErfPieceC2).addingProduct(h, piece.u)
        h = entry(geluErfPieceC1).addingProduct(h, piece.u)
        return entry(geluErfPieceC0).addingProduct(h, piece.u)
    }

    /// K·2^(j/32 + c/L)/(1 + j/32) for j = 0…31 (`lookup32`'s halves), K = λ²/2 with λ = ln2/L:
    /// e's table, with the quadratic's leading coefficient, w's c undone, and the scale's
    /// mantissa 1 + j/32 divided out.
    @inline(__always) static var geluErfExpTable: (lo: SIMD16<Int32>, hi: SIMD16<Int32>) {
        (floatTable(SIMD16(0x1.04f8aep-2, 0x1.029ac4p-2, 0x1.007ea4p-2, 0x1.fd3e9ep-3,
                           0x1.f9f0bp-3, 0x1.f70b9cp-3, 0x1.f4885ep-3, 0x1.f260b2p-3,
                           0x1.f08efap-3, 0x1.ef0e2ap-3, 0x1.edd9bap-3, 0x1.eced94p-3,
                           0x1.ec4606p-3, 0x1.ebdfbcp-3, 0x1.ebb7b2p-3, 0x1.ebcb2ap-3)),
         floatTable(SIMD16(0x1.ec17a8p-3, 0x1.ec9afp-3, 0x1.ed52f4p-3, 0x1.ee3ddap-3,
                           0x1.ef59fp-3, 0x1.f0a5aep-3, 0x1.f21fbp-3, 0x1.f3c6b2p-3,
                           0x1.f5998ep-3, 0x1.f7973cp-3, 0x1.f9bec8p-3, 0x1.fc0f5ap-3,
                           0x1.fe882cp-3, 0x1.00944ap-2, 0x1.01f7f6p-2, 0x1.036ed8p-2)))
    }
    /// 2^(-s/L) = e^τ (τ = -λs, |s| ≤ L/64) ≈ 1 + c1·τ + τ²/2 (c1 = 1 + 1.43e-5, 5.9e-8 relative)
    /// in the argument a = s + α, as K·(a² + β): α = -c1/λ on the grid of 2^-16, β = (2 - c1²)/λ²,
    /// the float nearest it for which e = 1 exactly at x = 0 (scripts/fit/fit_gelu_erf_pieces.py).
    @inline(__always) static var geluErfExpAlpha: Float { -0x1.0015p+1 }
    @inline(__always) static var geluErfExpBeta: Float { 0x1.002642p+2 }
    /// L = 355/256, 2ln2 to nine significant bits.
    @inline(__always) static var geluErfExpL: Float { 0x1.63p+0 }
    /// M = 1.5·2^18 + 127: float spacing 1/32, and its bits shifted left by 18 hold 127 in the
    /// exponent field.
    @inline(__always) static var geluErfExpMagic: Float { 0x1.8p18 + 127 }
    /// c, w = u² + c: the point of C's lattice nearest 1.41, where the first two pieces' errors balance.
    @inline(__always) static var geluErfExpShift: Float { 0x1.6d2ap+0 }
    /// C = α + c - M·L, so that shifted·L + C is (k/32)·L + α + c.
    @inline(__always) static var geluErfExpC: Float { -0x1.0a5616p+19 }
    /// u's clamp, where k = -4064 = -127·32: the shifted bits there are those of +0.
    @inline(__always) static var geluErfClamp: Float { 0x1.a6ea44p+3 }

    /// GELU-erf from the pieces (see the extension's comment), as its three stages; the array
    /// kernels run them on consecutive vectors (`forEachVector(…, stages:)`, with an empty fourth).
    @inline(__always)
    static func fastGeluErfPieces(_ x: Self) -> Self {
        geluErfStage3(geluErfStage2(geluErfStage1(x)))
    }

    /// Stage 1: K = x for x ≥ 0 and -0 below (NaN for NaN), u = min(|x|, UC) (`magnitudeMinimum`:
    /// one vrangeps with AVX512DQ; a NaN x gives UC or NaN, and the result keeps NaN through K),
    /// and w = u² + c rounded.
    @inline(__always)
    static func geluErfStage1(_ x: Self) -> (k: Self, u: Self, w: Self) {
        let u = magnitudeMinimum(x, Self(repeating: geluErfClamp))
        return (greaterOrSecond(Self(repeating: -0.0), x), u, Self(repeating: geluErfExpShift).addingProduct(u, u))
    }

    /// Stage 2: e = 2^(-x²/L) and u's piece.
    ///
    /// -w/L = k/32 - s'/L, k/32 = -w/L rounded by M (shifted = M - w/L, one FMA): the sum's bits
    /// shifted left by 18 are the float 2^n·(1 + j/32), n = ⌊k/32⌋, j = k mod 32 (the exponent
    /// field n + 127, then j in the top five mantissa bits), and its low five bits are j. The
    /// quadratic's argument a = s + α = u·u + p with p = (k/32)·L + α + c = shifted·L + C: the
    /// product and C are exact inside the FMA and p, below 256 on the grid of 2^-13, is a float
    /// (C is one because c puts α + c on M·L's lattice of 1/16); the second FMA holds the square
    /// exactly and rounds once near α ≈ -2. No low part of u² or of L is formed: L is exact by
    /// definition, and e^(-u²/2)/2^(-u²/L) is in h. e = (entry·(a² + β))·2^n·(1 + j/32): the
    /// product is near 1 before the scaling, which is exact where e is normal. At the clamp
    /// k = -4064, the scale is +0 and e = 0 (+inf gives +inf, -inf gives -0); no smaller k occurs,
    /// so the exponent field never wraps; for k in (-4064, -4032) the field is 0 and the scale a
    /// subnormal below its value, where results are below 2^-126 (the budget there is absolute).
    /// Tiny x give w = c, k = -33 and e = 1 exactly (β is chosen for it), and h = u/2: x/2 as it
    /// rounds.
    ///
    /// The integer scale costs a shift and a multiply where `vscalefps` costs two add-pipe slots and
    /// the scale's subtraction another; with the piece read from w and c5 from c4's entry the loop
    /// has 24 vector operations a vector. It runs in one pipeline with w formed in stage 1: there
    /// the fewer operations pay, where in two pipelines they did not (results/kernels/README.md).
    @inline(__always)
    static func geluErfStage2(_ p: (k: Self, u: Self, w: Self))
        -> (k: Self, e: Self, piece: (u: Self, index: Bits)) {
        let shifted = Self(repeating: geluErfExpMagic).addingProduct(p.w, Self(repeating: -1 / geluErfExpL))
        let a = Self(repeating: geluErfExpC).addingProduct(shifted, Self(repeating: geluErfExpL)).addingProduct(p.u, p.u)
        let b = Self(repeating: geluErfExpBeta).addingProduct(a, a)
        let entry = Self(bits: lookup32(geluErfExpTable.lo, geluErfExpTable.hi, shifted.bits))
        let e = (entry * b) * Self(bits: shifted.bits &<< Bits(repeating: 18))
        return (p.k, e, geluErfPiece(p.u, p.w))
    }

    /// Stage 3: h, then K - e·h, rounded once.
    @inline(__always)
    static func geluErfStage3(_ p: (k: Self, e: Self, piece: (u: Self, index: Bits))) -> Self {
        p.k.addingProduct(p.e.negated, geluErfTailFactor(p.piece))
    }
}
