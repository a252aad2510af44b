/// Activations on one vector from the fast exponentials: tanh and ELU (both tiers use them; every
/// result within the accurate tier's 4 ulp) and the fast tier's GELUs (FastKernels.swift), whose
/// budget (Registry+Swift.swift) is an ulp bound where the exact result is a normal float and an
/// absolute bound of 2^-126 where it is below 2^-126: results that would be subnormal may come out
/// as 0 (or as a nearby subnormal), results that are normal never do. NaN gives NaN, ±inf the
/// limits, ±0 the zero of the right sign.
extension FloatVector {
    @inline(__always) static var signBit: Bits { Bits(repeating: Int32(bitPattern: 0x8000_0000)) }

    /// -|x|: the sign bit set.
    @inline(__always) var negativeMagnitude: Self { Self(bits: bits | Self.signBit) }

    /// tanh x = E/(E + 2), E = e^(2x) - 1 (no cancellation for small |x|), x clamped to
    /// [-9.1, 9.1], beyond which tanh rounds to ±1; the clamp keeps NaN.
    /// - With a table (16 entries where the build reads tables, 8 where it reads only eight-entry
    ///   ones: `readsExpm1Table`) the form is odd by itself: E is accurate on both sides of 0 and
    ///   keeps the sign of ±0 (`tableExpm1`), so no magnitude is taken and no sign copied.
    ///   For x < 0, E's relative error reaches the result scaled by 2/(E + 2) ≤ 2 (above 0, by ≤ 1).
    ///   The array kernels run it in the four `tanhStage` steps (SharedKernels).
    /// - Without tables, tanh|x| with the sign copied from x: the table-free e^x - 1
    ///   (`fastExpm1`) is not used below 0 here.
    @inline(__always)
    static func fastTanh(_ x: Self) -> Self {
        guard readsExpm1Table else {
            let e = fastExpm1(minimum(x.magnitude, 9.1), times: 2)
            return (e / (e + 2)).withSign(of: x)
        }
        return tanhStage4(tanhStage3(tanhStage2(tanhStage1(x))))
    }

    /// tanh's stages where it reads a table: e^(2x) - 1's reduction, its table reads and
    /// polynomial, E and E + 2, the quotient. The reads sit in the second stage so that the first
    /// carries two vectors, not three: the array kernels run these stages in two pipelines
    /// (`forEachVectorInPairs`) or one (SharedKernels), which keep every carried vector in registers.
    @inline(__always)
    static func tanhStage1(_ x: Self) -> (t: Self, shifted: Self) {
        tableExpm1Reduction(x.clamped(-9.1, 9.1), times: 2)
    }
    @inline(__always)
    static func tanhStage2(_ p: (t: Self, shifted: Self)) -> (u: Self, s: Self) {
        let (s, low) = tableExpm1Reads(p.shifted)
        return (expm1Polynomial(p.t, low: low, times: 2), s)
    }
    @inline(__always)
    static func tanhStage3(_ p: (u: Self, s: Self)) -> (e: Self, d: Self) {
        let e = expm1Combined(p.u, p.s)
        return (e, e + 2)
    }
    @inline(__always)
    static func tanhStage4(_ p: (e: Self, d: Self)) -> Self { p.e / p.d }

    /// ELU: x for x ≥ 0 (±0 and NaN pass through), α·(e^x - 1) below; x < 0 is clamped at -20,
    /// where e^x - 1 rounds to -1. In builds that read tables (AVX-512) the clamp is an integer
    /// minimum (`negativeMaximum`: the other lanes are the ones x replaces), one operation off the
    /// FP pipes; elsewhere a float maximum, because with AVX2's 16 registers the integer form costs
    /// the 16-lane loop a constant reload. The results are the same bit for bit. The array kernels
    /// of builds that read tables run it in the four `eluStage` steps.
    @inline(__always)
    static func fastELU(_ x: Self, alpha: Float) -> Self {
        guard readsTables else { return x.replacing(with: eluExpm1(x) * alpha, where: lanesLess(x, .zero)) }
        return eluStage4(eluStage3(eluStage2(eluStage1(x))), alpha: alpha)
    }

    /// ELU with α = 1, the kernels' default: `fastELU(x, alpha: 1)` bit for bit (a product by 1 is
    /// exact) without the multiply, one FMA-pipe operation fewer per vector.
    @inline(__always)
    static func fastELU(_ x: Self) -> Self {
        guard readsTables else { return x.replacing(with: eluExpm1(x), where: lanesLess(x, .zero)) }
        return eluStage4(eluStage3(eluStage2(eluStage1(x))))
    }

    /// e^x - 1 for ELU's lanes with x < 0, x clamped at -20 as `fastELU` says, by the table-free
    /// form; the other lanes hold values the callers replace.
    @inline(__always)
    static func eluExpm1(_ x: Self) -> Self {
        fastExpm1(maximum(x, -20), times: 1)
    }

    /// ELU's stages where the build reads tables: e^x - 1's reduction and reads, its polynomial,
    /// e^x - 1, the lanes x < 0 replaced (by α·(e^x - 1) with α).
    @inline(__always)
    static func eluStage1(_ x: Self) -> (x: Self, t: Self, s: Self, low: Self) {
        let p = tableExpm1Parts(negativeMaximum(x, -20), times: 1)
        return (x, p.t, p.s, p.low)
    }
    @inline(__always)
    static func eluStage2(_ p: (x: Self, t: Self, s: Self, low: Self)) -> (x: Self, u: Self, s: Self) {
        (p.x, expm1Polynomial(p.t, low: p.low, times: 1), p.s)
    }
    @inline(__always)
    static func eluStage3(_ p: (x: Self, u: Self, s: Self)) -> (x: Self, e: Self) {
        (p.x, expm1Combined(p.u, p.s))
    }
    @inline(__always)
    static func eluStage4(_ p: (x: Self, e: Self)) -> Self {
        p.x.replacing(with: p.e, where: lanesLess(p.x, .zero))
    }
    @inline(__always)
    static func eluStage4(_ p: (x: Self, e: Self), alpha: Float) -> Self {
        p.x.replacing(with: p.e * alpha, where: lanesLess(p.x, .zero))
    }

    /// GELU-tanh = x·σ(w), w = 2√(2/π)(x + 0.044715x³), as x·S/(E + 2^24) with E = e^-|w|·2^24 and
    /// S = E where w < 0, 2^24 elsewhere: one product and one quotient, each rounded once. E is
    /// built as 2^(n+24)·e^t (where the build reads tables, n in steps of 1/32, by `tableExpParts`
    /// and `tableExpFinish` without the entry's rounding; `fastExpParts` elsewhere), a normal float
    /// down to e^-|w| = 2^-150, so x·E/(E + 2^24) stays accurate where x·σ is a normal float while
    /// σ is not (|x| up to ~12); E is set to 0 below that, where |x·σ| < 2^-126. w is formed in
    /// float: its relative error (~2^-23) becomes |w|·2^-23 relative in e, which is what the budget
    /// allows in the tail, and so is the one-float ln2 of the reduction (`splitLn2: false`). x is
    /// clamped at -20 (-inf·0 would be NaN), and x above 2^100, where x·2^24 could overflow and
    /// GELU(x) = x, is returned as it is.
    @inline(__always)
    static func fastGeluTanh(_ x: Self) -> Self {
        let k1 = Float(2 * GELUConstants.sqrtTwoOverPi)
        let k3 = Float(2 * GELUConstants.sqrtTwoOverPi * GELUConstants.cubic)
        let w = x * Self(repeating: k1).addingProduct(x * x, Self(repeating: k3))
        let z = w.negativeMagnitude
        let e: Self
        if readsTables {
            let (t, s, _) = tableExpParts(z, bias: 24, splitLn2: false)
            e = tableExpFinish(t, s).replacing(with: Self(), where: lanesLess(z, Self(repeating: -103.9)))
        } else {
            let (p, s) = fastExpParts(z, bias: 24, splitLn2: false)
            e = (p * s).replacing(with: Self(), where: lanesLess(z, Self(repeating: -103.9)))
        }
        let scale = Self(repeating: 0x1p24).replacing(with: e, where: lanesLess(w, .zero))
        let q = (maximum(x, -20) * scale) / (e + 0x1p24)
        return q.replacing(with: x, where: lanesLess(Self(repeating: 0x1p100), x))
    }

    /// GELU-erf: the sixteen pieces at 16 lanes where the build reads tables (`fastGeluErfPieces`,
    /// no division); at 8 lanes there the rational form (`fastGeluErfRational`), since each of the
    /// pieces' eight reads is a whole zmm permute for eight lanes
    /// (`gelu-erf-pieces-at-8-lanes.patch`, results/zen4/ablation-1M.txt). Where the build reads
    /// only eight-entry tables (AVX2), the eight pieces (`fastGeluErfEightPieces`) at both widths;
    /// elsewhere the rational form.
    @inline(__always)
    static func fastGeluErf(_ x: Self) -> Self {
        if readsTables { return scalarCount == 16 ? fastGeluErfPieces(x) : fastGeluErfRational(x) }
        return readsEightEntryTables ? fastGeluErfEightPieces(x) : fastGeluErfRational(x)
    }

    /// GELU-erf = x·Φ(x) = K - |x|·T, T = Φ(-|x|) = e^(-x²/2)·P(|x|)/Q(|x|) (a (4,5) rational of
    /// relative error 5e-9 on [0, 13.25], scripts/fit), K = x for x ≥ 0 and -0 for x < 0: x - x·T
    /// for x ≥ 0, x·T below, one FMA rounded once, with no compare or blend on x's sign. K is
    /// max(-0, x) as one maxps (`greaterOrSecond`: x wherever -0 is not greater), which keeps +0
    /// and -0 as they are (they compare equal), so both zeros keep their sign, and NaN. x² is
    /// split exactly (hi + lo, one FMA) and lo enters the reduced argument, so the exponent
    /// carries no rounding of x². -x²/2 is never formed: -hi/2 = n·ln2 + t is reduced as
    /// hi + n·2ln2 = -2t, whose FMAs are the -hi/2 ones scaled by -2 (exact), lo joins it by one
    /// add, and the polynomial takes w = -2t (`scale: -0.5`): no multiply by -1/2 and no FMA for
    /// lo. e^(-x²/2) is `tableExpFinish`'s form where the build reads tables (its quadratic, without
    /// the entry's rounding), the degree-5 polynomial elsewhere; both 10.660 ulp over every float
    /// where the result is normal. T is flushed where e^(-x²/2) < 2^-126 (|x| > 13.2), where
    /// |x·T| < 2^-127.
    /// |x| is clamped at 13.5 (T is 0 there), so +inf gives +inf and -inf gives -0.
    @inline(__always)
    static func fastGeluErfRational(_ x: Self) -> Self {
        let u = minimum(x.magnitude, 13.5)
        let hi = u * u
        let lo = hi.negated.addingProduct(u, u)
        let e: Self
        if readsTables {
            let (w, s, _) = tableExpParts(hi, bias: 0, scale: -0.5)
            e = tableExpFinish(w + lo, s, scale: -0.5)
        } else {
            let (w, shifted) = fastExpReduction(hi, bias: 0, scale: -0.5)
            e = fastExpPolynomial(w + lo, scale: -0.5) * fastExpScale(shifted)
        }
        let tailExp = e.replacing(with: Self(), where: lanesLess(Self(repeating: -2 * fastExpNormalLimit), hi))   // e^(-hi/2) < 2^-126
        var p = Self(repeating: 0x1.073c72p-8)
        p = Self(repeating: 0x1.475b22p-5).addingProduct(p, u)
        p = Self(repeating: 0x1.732c00p-3).addingProduct(p, u)
        p = Self(repeating: 0x1.be0b86p-2).addingProduct(p, u)
        p = Self(repeating: 0x1p-1).addingProduct(p, u)
        var q = Self(repeating: 0x1.49e9aep-7)
        q = Self(repeating: 0x1.9a4f6ep-4).addingProduct(q, u)
        q = Self(repeating: 0x1.db55bap-2).addingProduct(q, u)
        q = Self(repeating: 0x1.31b67ep+0).addingProduct(q, u)
        q = Self(repeating: 0x1.ab47f2p+0).addingProduct(q, u)
        q = Self(repeating: 1).addingProduct(q, u)
        let tail = tailExp * (p / q)
        return greaterOrSecond(Self(repeating: -0.0), x).addingProduct(u.negated, tail)
    }
}
