import CLanes

/// The fast GELU-erf where the build reads eight-entry tables but not larger ones (AVX2: one
/// `vpermd` on ymm per eight lanes): x·Φ(x) = K - e·h(|x|), the sixteen pieces' form
/// (FloatVector+GELUErfPieces.swift) on eight pieces, with an eight-entry exponential. No division.
/// Its speed follows its count of vector operations (28 a vector), so it spends none it can avoid:
/// the pieces are polynomials in u itself, named by the octave of the reduction's own argument, the
/// reduction's offset is one FMA, and u's clamp keeps the scale's exponent from wrapping without a
/// maximum.
///
/// e = 2^(-x²/L), L = 11357/8192 (2ln2 to within 6e-5, thirteen fraction bits: see the reduction),
/// and h(u) = u·Φ(-u)·2^(u²/L), which takes the difference e^(-u²/2)/2^(-u²/L) = e^(γu²)
/// (γ = ln2/L - 1/2 ≈ -2e-5), a smooth factor its pieces absorb. h is a sextic in u itself on each
/// of eight pieces, the octaves of q = u² + c rounded (c = 0x1.b13e6p+0 ≈ 1.692; (bits(q) >> 23)
/// mod 8: u in [0, 0.555), [0.555, 1.52), [1.52, 2.51), [2.51, 3.78), [3.78, 5.51), [5.51, 7.89),
/// [7.89, 11.2), [11.2, √(127·L - c)]), within 8.06·2^-24 relative in float32 (scripts/fit/
/// fit_gelu_erf_eight_pieces.py, gelu_erf_eight_pieces_coefficients.md). q is what the reduction
/// rounds, so the piece costs one shift; c near 1.69 balances the first two pieces (a smaller c
/// widens the first, a larger one the second) and keeps q below 256, eight octaves. Piece 0 has no
/// constant term and the linear term 1/2 exactly, so tiny x give x/2 as it rounds. Each
/// coefficient is one eight-entry read but the top one: c6, kept to its thirteen high bits, sits in
/// the low thirteen bits of c5's entry and is read by a shift, which changes c5 by at most 2^-10
/// relative (the fit fixes both first and fits the others to what they leave). On Zen 4 a ymm
/// permute takes a slot of the pipes the FMAs use and a shift does not, so the loop, bound by those
/// pipes, runs faster with the shift (results/kernels/README.md).
///
/// The reduction in steps of L/8: -q/L = k/8 - s/L, k/8 = -q/L rounded by the constant
/// M = 1.5·2^20 + 127 + 1024, whose float spacing is 1/8, and a = s + α = u·u + p with
/// p = (k/8)·L + α + c formed by one FMA of the rounded sum itself, sum·L + C (C = α + c - M·L): the
/// product and C are exact inside the FMA and the result, below 256 with sixteen fraction bits, is
/// a float, so p is exact; C is a float only if α + c lies on M·L's lattice of 0.25, so c is the
/// lattice point nearest α + 1.69 less α, with α the cubic's own (M's 1024 moves the lattice in
/// steps of 1/16). The second FMA holds the square exactly and rounds once near α ≈ -2. The sum's
/// bits shifted left by 20 are the float 2^n·(1 + j/8) (n = ⌊k/8⌋, j = k mod 8: the exponent field
/// n + 127, then j in the top three mantissa bits), so the table holds c3·2^(j/8 + c/L)/(1 + j/8)
/// (2^(c/L) undoes q's c) and no mask is needed. u is clamped at √(127·L - c), where k = -1016
/// exactly: the shifted bits there are those of +0, so e is 0, and no smaller k occurs, so the field
/// never wraps; for k in (-1016, -1008) it is 0 and the scale a subnormal, within the budget's
/// absolute 2^-126 where results are not normal. 2^(-s/L) is a cubic with its square term shifted
/// away, c3·((a² + P)·a + Q): two FMAs, its leading coefficient in the table, 0.32·2^-24 relative;
/// e within 4.40·2^-24 in float32 where GELU's result is normal, and exactly 1 at u = 0 (q = c
/// gives k = -10 there, and entry 6 is moved by the rounding that makes it so). e is formed as
/// (entry·cubic)·2^n·(1 + j/8), so the product is near 1 before the scaling.
///
/// u = min(|x|, √(127·L - c)) by integer operations (NaN becomes the clamp and keeps NaN through
/// K = max(-0, x)), written here rather than through `magnitudeMinimum`, whose C form changes this
/// loop's AVX2 code (the count gate's instructions per element move by 2–4%);
/// e is 0 at the clamp, so +inf gives +inf and -inf gives -0.
extension FloatVector {
    /// An eight-entry table of floats as the bit patterns `lookup8` reads.
    @inline(__always) static func floatTable(_ values: SIMD8<Float>) -> SIMD8<Int32> {
        unsafeBitCast(values, to: SIMD8<Int32>.self)
    }

    /// The coefficients of u^0 … u^5 (entry (7 + j) mod 8 holds piece j); c5's entries hold c6 too.
    @inline(__always) static var geluErfOctaveC0: SIMD8<Int32> {
        floatTable(SIMD8(0x1.a62ed6p-11, 0x1.20bc24p-6, 0x1.0de90ep-4, 0x1.28cfa8p-3,
                         0x1.0bf178p-2, 0x1.475c8p-2, 0x1.72b87p-2, 0))
    }
    @inline(__always) static var geluErfOctaveC1: SIMD8<Int32> {
        floatTable(SIMD8(0x1.f9518p-2, 0x1.b6a0cp-2, 0x1.40fe5p-2, 0x1.7f7d5ap-3,
                         0x1.084d56p-4, 0x1.badf1ap-6, 0x1.03f1a6p-7, 0x1p-1))
    }
    @inline(__always) static var geluErfOctaveC2: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.81519ep-2, -0x1.12da3p-2, -0x1.39ad34p-3, -0x1.18118p-4,
                         -0x1.c95ac6p-7, -0x1.1316fp-8, -0x1.7f6892p-11, -0x1.988302p-2))
    }
    @inline(__always) static var geluErfOctaveC3: SIMD8<Int32> {
        floatTable(SIMD8(0x1.a542fap-3, 0x1.b929cep-4, 0x1.733778p-5, 0x1.e045e6p-7,
                         0x1.aa5a3cp-10, 0x1.6ca2bep-12, 0x1.06b274p-15, 0x1.ffa406p-3))
    }
    @inline(__always) static var geluErfOctaveC4: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.43069ap-4, -0x1.c0b0d8p-6, -0x1.0ba1ccp-7, -0x1.ebcba4p-10,
                         -0x1.a0abcep-14, -0x1.f93a52p-17, -0x1.1cd592p-21, -0x1.0d259ap-3))
    }
    /// The coefficients of u^5, each with the piece's c6 in its low thirteen bits (`geluErfPackedTop`).
    @inline(__always) static var geluErfOctaveC5: SIMD8<Int32> {
        floatTable(SIMD8(0x1.346ec2p-6, 0x1.076e62p-8, 0x1.b1ee06p-11, 0x1.176da2p-13,
                         0x1.5p-19, 0x1.2p-22, 0, 0x1.ccaf1cp-5))
    }
    /// c3·2^(j/8 + c/L)/(1 + j/8), j = 0…7 (c3 the cubic's leading coefficient; entry 6 makes e(0) = 1).
    @inline(__always) static var geluErfEighthExpTable: SIMD8<Int32> {
        floatTable(SIMD8(-0x1.8dace2p-5, -0x1.817b9p-5, -0x1.7a55acp-5, -0x1.7711e4p-5,
                         -0x1.76ee9p-5, -0x1.796a36p-5, -0x1.7e2cfcp-5, -0x1.84fb3p-5))
    }
    /// L, 11357/8192.
    @inline(__always) static var geluErfEighthL: Float { 0x1.62e8p+0 }
    /// C = α + c - M·L (α = -0x1.00133p+1), so that the sum times L plus C is (k/8)·L + α + c.
    @inline(__always) static var geluErfEighthC: Float { -0x1.0a5fep+21 }
    /// c, q = u² + c.
    @inline(__always) static var geluErfEighthShift: Float { 0x1.b13e6p+0 }
    /// P and Q of the cubic c3·((a² + P)·a + Q), a = s + α.
    @inline(__always) static var geluErfEighthP: Float { 0x1.7fe96ep+3 }
    @inline(__always) static var geluErfEighthQ: Float { -0x1.00084p+4 }
    /// M = 1.5·2^20 + 127 + 1024: float spacing 1/8, low twelve bits 1016 = 127·8.
    @inline(__always) static var geluErfEighthMagic: Self { Self(repeating: 0x1.8p20 + 127 + 1024) }
    /// u's clamp, √(127·L - c) rounded: k = -1016 there.
    @inline(__always) static var geluErfEighthClamp: Float { 0x1.a6901ap+3 }

    /// q = u² + c, rounded: what the reduction rounds, and the octave that names u's piece.
    @inline(__always)
    static func geluErfEighthSquare(_ u: Self) -> Self { Self(repeating: geluErfEighthShift).addingProduct(u, u) }

    /// u and the index of its piece, the octave of q, which reads piece j's entries.
    @inline(__always)
    static func geluErfOctavePiece(_ u: Self, _ q: Self) -> (u: Self, index: Bits) {
        (u, q.bits &>> Bits(repeating: 23))
    }

    /// The form's seven tables, as the kernels read them (`withTables`).
    @inline(__always) static var geluErfEightTables: GELUErfEightTables {
        GELUErfEightTables(c0: geluErfOctaveC0, c1: geluErfOctaveC1, c2: geluErfOctaveC2, c3: geluErfOctaveC3,
                           c4: geluErfOctaveC4, c5: geluErfOctaveC5, exp: geluErfEighthExpTable)
    }

    /// h(u) on its piece: the sextic by Horner's rule, c6 read from c5's entry by a shift.
    @inline(__always)
    static func geluErfOctaveTailFactor(_ piece: (u: Self, index: Bits), _ tables: UnsafePointer<GELUErfEightTables>) -> Self {
        func entry(_ table: SIMD8<Int32>) -> Self { Self(bits: lookup8(table, piece.index)) }
        let u = piece.u, t = tables.pointee
        let c5 = lookup8(t.c5, piece.index)
        var h = Self(bits: c5).addingProduct(Self(bits: geluErfPackedTop(c5)), u)
        h = entry(t.c4).addingProduct(h, u)
        h = entry(t.c3).addingProduct(h, u)
        h = entry(t.c2).addingProduct(h, u)
        h = entry(t.c1).addingProduct(h, u)
        return entry(t.c0).addingProduct(h, u)
    }

    /// The reduction of q/L (see the extension's comment): the sum that rounds k/8 from q, and the
    /// cubic's argument a = u·u + (sum·L + C), sum·L + C = (k/8)·L + α + c exactly.
    @inline(__always)
    static func geluErfEighthReduction(_ u: Self, _ q: Self) -> (shifted: Self, a: Self) {
        let magic = geluErfEighthMagic
        let shifted = magic.addingProduct(q, Self(repeating: -1 / geluErfEighthL))
        let p = Self(repeating: geluErfEighthC).addingProduct(shifted, Self(repeating: geluErfEighthL))
        return (shifted, p.addingProduct(u, u))
    }

    /// e = 2^(-u²/L) from its reduction: (entry·cubic)·2^n·(1 + j/8).
    @inline(__always)
    static func geluErfEighthExponential(_ reduced: (shifted: Self, a: Self), _ tables: UnsafePointer<GELUErfEightTables>) -> Self {
        let (shifted, a) = reduced
        let cubic = Self(repeating: geluErfEighthQ).addingProduct(Self(repeating: geluErfEighthP).addingProduct(a, a), a)
        let entry = Self(bits: lookup8(tables.pointee.exp, shifted.bits))
        return (entry * cubic) * Self(bits: shifted.bits &<< Bits(repeating: 20))
    }

    /// Stage 1 of the form's two (the array kernels run stage 1 of one vector beside stage 2 of the
    /// one before, `forEachVector(…, stages:)` with the input again): u, the reduction and the
    /// piece, four vectors carried.
    @inline(__always)
    static func geluErfEightStage1(_ x: Self) -> (reduced: (shifted: Self, a: Self), piece: (u: Self, index: Bits)) {
        let u = Self(bits: bitsMinimum(x.bits & ~signBit, Self(repeating: geluErfEighthClamp).bits))
        let q = geluErfEighthSquare(u)
        return (geluErfEighthReduction(u, q), geluErfOctavePiece(u, q))
    }

    /// Stage 2: e, h and K - e·h, rounded once; x is the vector's input, read again rather than
    /// carried, and the tables are read through `tables`.
    @inline(__always)
    static func geluErfEightStage2(_ s: (reduced: (shifted: Self, a: Self), piece: (u: Self, index: Bits)), _ x: Self,
                                   _ tables: UnsafePointer<GELUErfEightTables>) -> Self {
        greaterOrSecond(Self(repeating: -0.0), x).addingProduct(geluErfEighthExponential(s.reduced, tables).negated,
                                                                geluErfOctaveTailFactor(s.piece, tables))
    }

    /// GELU-erf from the eight pieces (see the extension's comment): its two stages on one vector.
    @inline(__always)
    static func fastGeluErfEightPieces(_ x: Self) -> Self {
        withTables(geluErfEightTables, inMemory: false) { geluErfEightStage2(geluErfEightStage1(x), x, $0) }
    }
}

/// The eight pieces' tables in one value, so that a kernel reads all of them through one pointer
/// (`withTables`): c0 … c5, h's coefficients (c5's entries holding c6), and exp, e's.
struct GELUErfEightTables {
    var c0, c1, c2, c3, c4, c5, exp: SIMD8<Int32>
}
