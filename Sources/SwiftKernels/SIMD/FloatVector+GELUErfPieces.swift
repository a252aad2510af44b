/// The fast GELU-erf at 16 lanes where the build reads tables: x·Φ(x) = K - e·h(|x|) with
/// e = 2^(-x²/L), K = x for x ≥ 0 and -0 below, and h(u) = u·Φ(-u)·2^(u²/L) by sixteen quintics
/// read from tables: no division and no rational. L = 355/256 is 2ln2 to nine bits, so scale·L
/// is exact and the exponential's reduction needs no low part of 2ln2 (see `fastGeluErfPieces`); h
/// takes the difference, e^(-u²/2) = 2^(-u²/L)·e^(γu²) with γ = ln2/L - 1/2 ≈ -1.5e-4, a smooth
/// factor its pieces absorb.
///
/// h rises from 0 (h(u) = u/2 + O(u²)) towards 1/√(2π); a quintic in u itself on each of sixteen
/// pieces holds it within 4.03·2^-24 relative in float32 evaluation where the result is a normal
/// float (scripts/fit/fit_gelu_erf_pieces.py, gelu_erf_pieces_coefficients.md; a piece that needs
/// less takes a lower degree, its top coefficients 0). The piece is (bits(u + 1) >> 21) mod 16, a
/// quarter octave of u + 1: pieces 0.25 wide up to u = 1, 0.5 up to 3, 1 up to 7 and 2 up to 15,
/// narrow where h bends most. A polynomial in u rather than in u - c_j saves the centre's read and
/// the subtraction; in float it costs about one unit of 2^-24, since h's higher derivatives fall
/// fast where the pieces are wide. Each coefficient is one one-table permute (`lookup16` reads the
/// index's low four bits). Piece 0 has no constant term and the linear term 1/2 exactly, so h keeps
/// its relative accuracy down to the smallest u, and tiny x give x/2 as it rounds.
///
/// Why pieces: on Zen 4 a zmm division takes two FMA slots and the rational P/Q nine FMAs, while
/// the pieces' six one-table permutes take less of the vector pipes than those (the rational
/// form in this loop runs 0.77× as fast: results/kernels/README.md). K - e·h is one
/// FMA, rounded once; where the result is a normal float (u ≤ 13.146), e ≥ 2^-124.6 is normal
/// too, so the tail (x < 0, result -e·h) loses nothing to a subnormal intermediate.
extension FloatVector {
    /// A table of floats as the bit patterns `lookup16` reads.
    @inline(__always) static func floatTable(_ values: SIMD16<Float>) -> SIMD16<Int32> {
        unsafeBitCast(values, to: SIMD16<Int32>.self)
    }

    /// The coefficients of u^0.
    @inline(__always) static var geluErfPieceC0: SIMD16<Int32> {
        floatTable(SIMD16(0x1.d0b7eep-8, 0x1.7a2018p-6, 0x1.86abd4p-5, 0x1.3cc2bp-4,
                          0x1.f4a8aep-4, 0x1.6e7adp-3, 0x1.cb8a12p-3, 0x1.2a99e2p-2,
                          0x1.2e5bc6p-2, 0x1.4f14d2p-2, 0x1.7170dep-2, 0x1.8b4d16p-2,
                          0, 0x1.ab169cp-16, 0x1.8518e8p-12, 0x1.caccdep-10))
    }
    /// The coefficients of u^1.
    @inline(__always) static var geluErfPieceC1: SIMD16<Int32> {
        floatTable(SIMD16(0x1.d8e882p-2, 0x1.a220a4p-2, 0x1.62c154p-2, 0x1.25b21ap-2,
                          0x1.b60772p-3, 0x1.2294cap-3, 0x1.88df46p-4, 0x1.5514f8p-5,
                          0x1.526dd4p-5, 0x1.7c881p-6, 0x1.120416p-7, 0x1.4c16c6p-10,
                          0x1p-1, 0x1.ff8af6p-2, 0x1.fc1a32p-2, 0x1.f2c388p-2))
    }
    /// The coefficients of u^2.
    @inline(__always) static var geluErfPieceC2: SIMD16<Int32> {
        floatTable(SIMD16(-0x1.3d8da8p-2, -0x1.e77ae6p-3, -0x1.6783dcp-3, -0x1.050746p-3,
                          -0x1.47589p-4, -0x1.6217ecp-5, -0x1.92b122p-6, -0x1.caf678p-8,
                          -0x1.f11b0ap-8, -0x1.c7fd3ep-9, -0x1.b6e908p-11, -0x1.8d4958p-14,
                          -0x1.9882c6p-2, -0x1.952e64p-2, -0x1.879e16p-2, -0x1.6ec19cp-2))
    }
    /// The coefficients of u^3.
    @inline(__always) static var geluErfPieceC3: SIMD16<Int32> {
        floatTable(SIMD16(0x1.0e903cp-3, 0x1.54df88p-4, 0x1.a66482p-5, 0x1.0729d8p-5,
                          0x1.0faf5p-6, 0x1.d7b1cep-8, 0x1.be96e6p-9, 0x1.22d2e2p-11,
                          0x1.828202p-11, 0x1.1ade54p-12, 0x1.1f4396p-15, 0,
                          0x1.ff5f8p-3, 0x1.e5b74ep-3, 0x1.af735cp-3, 0x1.6cd394p-3))
    }
    /// The coefficients of u^4.
    @inline(__always) static var geluErfPieceC4: SIMD16<Int32> {
        floatTable(SIMD16(-0x1.0edf84p-5, -0x1.0c4efap-6, -0x1.10d54p-7, -0x1.1fa21ap-8,
                          -0x1.e255a8p-10, -0x1.4d4014p-11, -0x1.05a3c2p-12, -0x1.2446fep-16,
                          -0x1.3d0f1p-15, -0x1.751d54p-17, -0x1.3adfd8p-21, 0,
                          -0x1.0a7508p-3, -0x1.aa72e6p-4, -0x1.3c3ba8p-4, -0x1.c4bc44p-5))
    }
    /// The coefficients of u^5.
    @inline(__always) static var geluErfPieceC5: SIMD16<Int32> {
        floatTable(SIMD16(0x1.e364bap-9, 0x1.6d92dep-10, 0x1.2c5a2ap-11, 0x1.096d12p-12,
                          0x1.661104p-14, 0x1.879bfcp-16, 0x1.fc549ap-18, 0,
                          0x1.ad4752p-21, 0x1.960316p-23, 0, 0,
                          0x1.8d0486p-5, 0x1.9a8a3ap-6, 0x1.c96f52p-7, 0x1.0636b8p-7))
    }

    /// u, with its piece in [0, 14.5] (the index, whose low four bits `lookup16` reads).
    @inline(__always)
    static func geluErfPiece(_ u: Self) -> (u: Self, index: Bits) {
        (u, (u + 1).bits &>> Bits(repeating: 21))
    }

    /// h(u) from u's piece: the piece's quintic in u by Horner's rule.
    @inline(__always)
    static func geluErfTailFactor(_ piece: (u: Self, index: Bits)) -> Self {
        func entry(_ table: SIMD16<Int32>) -> Self { Self(bits: lookup16(table, piece.index)) }
        var h = entry(geluErfPieceC4).addingProduct(entry(geluErfPieceC5), piece.u)
        h = entry(geluErfPieceC3).addingProduct(h, piece.u)
        h = entry(geluErfPieceC2).addingProduct(h, piece.u)
        h = entry(geluErfPieceC1).addingProduct(h, piece.u)
        return entry(geluErfPieceC0).addingProduct(h, piece.u)
    }

    /// K·2^(j/32) for j = 0…31 (`lookup32`'s halves), K = λ²/2 with λ = ln2/L: e's table, with
    /// the quadratic's leading coefficient in it.
    @inline(__always) static var geluErfExpTable: (lo: SIMD16<Int32>, hi: SIMD16<Int32>) {
        (floatTable(SIMD16(0x1.ffafcap-4, 0x1.057212p-3, 0x1.0b2ba4p-3, 0x1.11055p-3,
                           0x1.16ffc8p-3, 0x1.1d1bc2p-3, 0x1.2359fap-3, 0x1.29bb32p-3,
                           0x1.30402ep-3, 0x1.36e9b6p-3, 0x1.3db896p-3, 0x1.44adap-3,
                           0x1.4bc9aap-3, 0x1.530d8ep-3, 0x1.5a7a2ep-3, 0x1.62106ap-3)),
         floatTable(SIMD16(0x1.69d12ep-3, 0x1.71bd68p-3, 0x1.79d60cp-3, 0x1.821c12p-3,
                           0x1.8a907ap-3, 0x1.933446p-3, 0x1.9c088p-3, 0x1.a50e3ap-3,
                           0x1.ae4686p-3, 0x1.b7b282p-3, 0x1.c1534ep-3, 0x1.cb2a12p-3,
                           0x1.d538p-3, 0x1.df7e48p-3, 0x1.e9fe2ap-3, 0x1.f4b8e6p-3)))
    }
    /// 2^(-s/L) = e^τ (τ = -λs, |s| ≤ L/64) ≈ 1 + c1·τ + τ²/2 (c1 = 1 + 1.43e-5, 5.9e-8 relative)
    /// in the argument a = s + α, as K·(a² + β): α = -c1/λ on the grid of 2^-16 (so that it joins
    /// the reduction's exact step), β = (2 - c1²)/λ², the float nearest it for which K·(α² + β)
    /// rounds to 1 exactly (scripts/fit/fit_gelu_erf_pieces.py).
    @inline(__always) static var geluErfExpAlpha: Float { -0x1.0015p+1 }
    @inline(__always) static var geluErfExpBeta: Float { 0x1.002642p+2 }
    /// L = 355/256, 2ln2 to nine significant bits: for every scale = k/32 the reduction meets
    /// (|k| < 4900), scale·L + α lies on the grid of 2^-16 below 256: one float, formed by one FMA
    /// without rounding.
    @inline(__always) static var geluErfExpL: Float { 0x1.63p+0 }

    /// GELU-erf from the pieces (see the extension's comment), as its three stages; the array
    /// kernels run two pipelines of them (`forEachVectorInPairs`, with an empty fourth stage).
    ///
    /// u = min(|x|, 14.5) (`magnitudeMinimum`: one vrangeps with AVX512DQ; a NaN x gives 14.5 or
    /// NaN, and the result keeps NaN through K).
    /// u²/L = -(k/32) + s/L with k/32 = scale rounded from hi = u·u by the constant 1.5·2^18 (whose
    /// float spacing is 1/32), so the sum's low five bits are j = k mod 32 and scale comes back
    /// exact. The quadratic's argument a = s + α = u² + scale·L + α takes two FMAs: p = scale·L + α
    /// exactly, then a = u·u + p (the exact square, rounded once near α). No low part of u² and no
    /// low part of L are formed: L is exact by definition, and e^(-u²/2)/2^(-u²/L) = e^(γu²) is in h.
    /// e = scalef(K·2^(j/32)·(a² + β), scale): the scaling by 2^⌊k/32⌋ rounds once, so e is the
    /// subnormal it should be below 2^-126 and 0 below 2^-150. At u = 14.5, 2^(-u²/L) < 2^-151:
    /// -inf gives -0, +inf gives +inf. Tiny x give p = α, a = α, K·(α² + β) = 1, e = 1 and h = u/2:
    /// x/2 as it rounds.
    ///
    /// The quadratic's factored form is one FMA where 1 + τ·(c1 + c2·τ) scaled by the table takes
    /// three, and scalef applies 2^n in one instruction where integer arithmetic on the exponent
    /// takes a shift, an add and a maximum to clear its wrap. With 2ln2 in place of L the
    /// reduction needs a third FMA for 2ln2's low part (results/kernels/README.md).
    /// Stage 2 holds the whole exponential and stage 3 h and the result: this cut carries seven
    /// vectors per pipeline, so two pipelines fit the 32 registers without a spill (u's clamp is
    /// one vrangeps, which needs no mask constant), and they run 1.05× as fast as one pipeline of
    /// four stages (results/kernels/gelu-erf-pipelines-1M.txt). Cuts that carry fewer vectors
    /// lengthen a stage's chain and ran slower (the other cuts and their figures:
    /// results/kernels/README.md).
    @inline(__always)
    static func fastGeluErfPieces(_ x: Self) -> Self {
        geluErfStage3(geluErfStage2(geluErfStage1(x)))
    }

    /// Stage 1: K = x for x ≥ 0 and -0 below (NaN for NaN), and u.
    @inline(__always)
    static func geluErfStage1(_ x: Self) -> (k: Self, u: Self) {
        (greaterOrSecond(Self(repeating: -0.0), x), magnitudeMinimum(x, Self(repeating: 14.5)))
    }

    /// Stage 2: e = 2^(-x²/L) (the reduction of u²/L in two FMAs) and u's piece.
    @inline(__always)
    static func geluErfStage2(_ p: (k: Self, u: Self))
        -> (k: Self, e: Self, piece: (u: Self, index: Bits)) {
        let magic = Self(repeating: 0x1.8p18)
        let shifted = magic.addingProduct(p.u * p.u, Self(repeating: -1 / geluErfExpL))
        let scale = shifted - magic
        let a = Self(repeating: geluErfExpAlpha).addingProduct(scale, Self(repeating: geluErfExpL))
            .addingProduct(p.u, p.u)
        let b = Self(repeating: geluErfExpBeta).addingProduct(a, a)
        let entry = Self(bits: lookup32(geluErfExpTable.lo, geluErfExpTable.hi, shifted.bits))
        return (p.k, scaled(entry * b, byPowerOfTwoFloorOf: scale), geluErfPiece(p.u))
    }

    /// Stage 3: h, then K - e·h, rounded once.
    @inline(__always)
    static func geluErfStage3(_ p: (k: Self, e: Self, piece: (u: Self, index: Bits))) -> Self {
        p.k.addingProduct(p.e.negated, geluErfTailFactor(p.piece))
    }
}
