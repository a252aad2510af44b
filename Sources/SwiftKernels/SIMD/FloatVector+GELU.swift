/// The accurate tier's GELU activations on Float lanes, within 4 ulp over all 2^32 inputs with every
/// tiny result rounded once (no flush).
///
/// Both are x·g with g = e^(-v)·(something smooth), and the negative tail of GELU is where Float
/// loses: e^(-v) for v up to 105 turns any rounding of v into |v|·2^-24 of relative error (hundreds
/// of ulps). So v is carried as a double-float (v = vHi + vLo, the low part from FMA error-free
/// transforms), vHi alone is reduced (n = round(vHi/ln2), t = vHi - n·ln2Hi, exact), and the
/// small rest c = vLo - n·ln2Lo, a few 1e-6 at most, multiplies the result as (1 + c). The products
/// and sums on the way to the result keep their error terms (FMA) except one to three single
/// roundings, chosen by what each error term costs in FMAs, the resource these loops are bound by;
/// the error budgets and the alternatives measured are in scripts/fit/gelu_float_coefficients.md.
///
/// Results down to the subnormal range round once: the result is built scaled by 2^40 (the
/// exponential's 2^n is made as 2^(n+40), a normal float for every n ≥ -166) and multiplied by
/// 2^-40 as the last operation, the same trick as the sigmoid's 2^(n+24).
extension FloatVector {
    /// 2^40 and 2^-40: the scale the GELU results are built at, and the last multiplication.
    @inline(__always) static var geluScale: Self { Self(repeating: 0x1p40) }
    @inline(__always) static var geluUnscale: Self { Self(repeating: 0x1p-40) }

    /// `fastExpMagic(bias: 40)`: shifting its sum's low bits into the exponent gives 2^(n+40).
    @inline(__always) static var geluExpMagic: Self { Self(repeating: 0x1.8p23 + 127 + 40) }

    /// e^t for |t| ≤ ln2/2 + 1e-3 as hi + lo, hi = 1 + t rounded, lo = the rest (|lo| ≤ 0.08·hi, not
    /// normalised): 1 + t is split exactly (Fast2Sum) and only t²·q(t) is approximated, so q's
    /// errors are weighted by t²q/e^t ≤ 0.08. q is a degree-4 minimax fit of (e^t - 1 - t)/t² in
    /// Estrin form (0.07·2^-24 relative to e^t; scripts/fit/fit_gelu_float.py), so hi + lo is within
    /// about 0.2·2^-24 of e^t.
    @inline(__always)
    static func expReducedParts(_ t: Self) -> (hi: Self, lo: Self) {
        let hi = 1 + t
        let tail = (1 - hi) + t
        let t2 = t * t
        let q01 = Self(repeating: 0x1.fffffcp-2).addingProduct(t, Self(repeating: 0x1.555490p-3))
        let q23 = Self(repeating: 0x1.5558fcp-5).addingProduct(t, Self(repeating: 0x1.123b8ap-7))
        let q = q01.addingProduct(t2, q23.addingProduct(t2, Self(repeating: 0x1.6a2176p-10)))
        return (hi, tail.addingProduct(t2, q))
    }

    /// GELU-erf = x·h, h = T for x < 0 and 1 - T for x ≥ 0, T = Φ(-|x|) = e^(-u²/2)·R(u), u = |x|,
    /// so the negative tail keeps its relative accuracy (no 1 + erf cancellation).
    ///
    /// R is the Mills-ratio factor Φ(-u)·e^(u²/2), written R = Q/(D·Q + P) with D = √(2π)·u + 2,
    /// D's asymptote: P/Q = 1/R - D is a (4,4) rational (P(0) = 0, relative error of 1/R 0.33·2^-24
    /// on [0, 14.5] with float coefficients) whose size is at most 0.19 of 1/R, so the roundings
    /// inside P and Q reach the result at a fifth of their size. D·Q + P is formed as
    /// 2Q + u·(√(2π)·Q + P/u), whose inner FMA and outer FMA are one rounding each, the largest
    /// terms of the budget.
    ///
    /// e^(-u²/2): u² = hi + lo exactly (one FMA), -hi/2 is reduced exactly, and the rest c = -(lo/2 +
    /// n·ln2Lo) joins the division's residual. Scaled by 2^40, the result is K + N/den with
    /// N = -|x|·2^(n+40)·e^t·Q (a double-float, negative on both sides), den = D·Q + P, and K = x·2^40
    /// for x ≥ 0, 0 for x < 0. The quotient y = N·(1/den) is added to K with its rounding error
    /// (Fast2Sum: exact, since |y| ≤ K/2 where K ≠ 0), and the reciprocal's residual 1 - den·(1/den),
    /// c and N's low part enter as one correction, so quotient and sum round once.
    ///
    /// x is clamped at -14.5, where |GELU| < 2^-151 rounds to -0 (so -∞ gives -0); above 14.5
    /// GELU(x) rounds to x, which the last line selects (+∞ included). NaN fails every compare and
    /// propagates through the arithmetic.
    @inline(__always)
    static func geluErf(_ x: Self) -> Self {
        let limit: Float = 14.5
        let xc = maximum(x, -limit)
        let u = xc.magnitude
        let hi = u * u
        let lo = hi.negated.addingProduct(u, u)
        let shifted = geluExpMagic.addingProduct(hi, Self(repeating: -0x1.715476p-1))  // -hi/2·log2e
        let n = shifted - geluExpMagic
        let t = (hi * -0.5).addingProduct(n, -ln2Hi)
        let minusTwoC = lo.addingProduct(n, ln2Lo + ln2Lo)  // lo + 2n·ln2Lo = -2c
        let (eHi, eLo) = expReducedParts(t)
        let scale = fastExpScale(shifted)  // 2^(n+40)

        let p01 = Self(repeating: -0x1.d25bf0p-1).addingProduct(u, Self(repeating: -0x1.1df242p-1))
        let p23 = Self(repeating: -0x1.41c16ap-3).addingProduct(u, Self(repeating: -0x1.3b94a8p-6))
        let pOverU = p01.addingProduct(hi, p23)
        let q01 = Self(repeating: 1).addingProduct(u, Self(repeating: 0x1.d382a0p-1))
        let q23 = Self(repeating: 0x1.934882p-2).addingProduct(u, Self(repeating: 0x1.72f930p-4))
        let q = q01.addingProduct(hi, q23.addingProduct(hi, Self(repeating: 0x1.3b9efap-7)))
        // D·Q + P = 2Q + u·(√(2π)·Q + P/u): one FMA fewer than forming D, and the same two roundings.
        let den = (q + q).addingProduct(u, pOverU.addingProduct(q, Self(repeating: 0x1.40d932p+1)))

        // A = e^t·Q and N = -|x|·2^(n+40)·A, each with its error term.
        let a = eHi * q
        let aLo = a.negated.addingProduct(eHi, q).addingProduct(eLo, q)
        let negative = xc.bits &>> Bits(repeating: 31)  // all ones where the sign bit is set
        let scaledX = xc.negativeMagnitude * scale
        let nHi = scaledX * a
        let nLo = nHi.negated.addingProduct(scaledX, a).addingProduct(scaledX, aLo)
        let k = Self(bits: (xc * geluScale).bits & ~negative)

        let inverse = 1 / den
        let residual = Self(repeating: 1).addingProduct(inverse.negated, den)  // exact: 1 - den/den's rounding
        let relative = residual.addingProduct(minusTwoC, Self(repeating: -0.5))  // + c
        let correction = nLo.addingProduct(nHi + nLo, relative) * inverse
        let sum = k.addingProduct(nHi, inverse)
        let sumError = (k - sum).addingProduct(nHi, inverse)
        let scaled = sum + (sumError + correction)
        // The sign is put back for -0 (whose sum is +0); every other result already has x's sign.
        let y = Self(bits: (scaled * geluUnscale).bits | (xc.bits & signBit))
        return y.replacing(with: x, where: lanesLess(Self(repeating: limit), x))
    }

    /// GELU-tanh = 0.5·x·(1 + tanh u), u = √(2/π)(x + 0.044715x³), as x·σ(w), w = 2u: with
    /// e = e^(-|w|), x/(1 + e) for x ≥ 0 and x·e/(1 + e) for x < 0 (no 1 + tanh cancellation).
    ///
    /// -|w| = -|x|·(k1 + k3·x²), k1 = 2√(2/π), k3 = 0.044715·k1, is a double-float: x² = hi + lo
    /// exactly, k1 and k3 are double-float constants (k1's high part has 21 bits, so k1h - (k1h +
    /// k3h·hi)'s rounding is exact for every clamped x and the FMA error term is one more FMA), so
    /// its error is about 2^-40·|w| and e^(-|w|) loses nothing to it even at |w| = 109.1 (|x| = 10.875).
    ///
    /// With c the small rest of the reduction, e·(1 + c) = 2^n·(eHi + eLo)·(1 + c); the numerator
    /// N = x·2^(n+40)·e for x < 0 and x·2^40 for x ≥ 0 is formed before the division, and the result
    /// (scaled by 2^40) is N/(1 + e)·(1 + κ) with κ = c/(1 + e) for x < 0 and -c·e/(1 + e) for
    /// x ≥ 0: the -c of x ≥ 0 goes into N, the c/(1 + e) of both sides into the division's residual
    /// correction, and the quotient rounds once. 1 + e, e's hi + lo sum (weighted by e/(1 + e) ≤ 1/2)
    /// and N's high product are single roundings, at most about 2.5·2^-24 together.
    ///
    /// x is clamped at -10.875, where |GELU| < 2^-150 rounds to -0 (so -∞ gives -0); above 10.875
    /// GELU(x) rounds to x, which the last line selects (+∞ included). NaN propagates.
    @inline(__always)
    static func geluTanh(_ x: Self) -> Self {
        let limit: Float = 10.875
        let xc = maximum(x, -limit)
        let hi = xc * xc
        let lo = hi.negated.addingProduct(xc, xc)
        let k1Hi = Self(repeating: 0x1.98845p+0), k1Lo = Self(repeating: 0x1.9ea1b2p-23)
        let k3Hi = Self(repeating: 0x1.2444f2p-4), k3Lo = Self(repeating: 0x1.49b16ap-29)
        let innerHi = k1Hi.addingProduct(k3Hi, hi)
        let innerLo = ((k1Hi - innerHi).addingProduct(k3Hi, hi) + k1Lo).addingProduct(k3Lo, hi).addingProduct(k3Hi, lo)
        let negativeMagnitude = xc.negativeMagnitude
        let zHi = negativeMagnitude * innerHi
        let zLo = zHi.negated.addingProduct(negativeMagnitude, innerHi).addingProduct(negativeMagnitude, innerLo)
        // n from -|x|·log2e·innerHi, which rounds to the same n up to ties (t stays inside the fit's
        // range) and does not wait for zHi.
        let shifted = geluExpMagic.addingProduct(negativeMagnitude * log2e, innerHi)
        let n = shifted - geluExpMagic
        let t = zHi.addingProduct(n, -ln2Hi)
        let c = zLo.addingProduct(n, -ln2Lo)
        let (eHi, eLo) = expReducedParts(t)
        let scale = fastExpScale(shifted)  // 2^(n+40)
        let one = Self(repeating: 1)
        let den = one.addingProduct(scale * geluUnscale, eHi + eLo)  // 1 + e; 2^n is 0 or subnormal only where e ≪ 2^-24

        let negative = xc.bits &>> Bits(repeating: 31)
        let numeratorHi = Self(bits: (eHi.bits & negative) | (one.bits & ~negative))
        let numeratorLo = Self(bits: eLo.bits & negative)
        let scaledX = xc * Self(bits: (scale.bits & negative) | (geluScale.bits & ~negative))
        let cPositive = Self(bits: c.bits & ~negative)
        let nHi = scaledX * numeratorHi
        let nLo0 = scaledX * numeratorLo
        let nSum = nHi + nLo0
        let nLo = nLo0.addingProduct(nSum, cPositive.negated)

        let inverse = 1 / den
        let relative = one.addingProduct(inverse.negated, den).addingProduct(inverse, c)
        let correction = nLo.addingProduct(nSum, relative) * inverse
        let scaled = correction.addingProduct(nHi, inverse)
        let y = Self(bits: (scaled * geluUnscale).bits | (xc.bits & signBit))
        return y.replacing(with: x, where: lanesLess(Self(repeating: limit), x))
    }
}
