/// The table-free exponentials on Float lanes: sigmoid's, tanh's, ELU's and the fast GELUs' in builds
/// that do not read tables (FloatVector+TableExp.swift). |t| ≤ ln2/2 takes a degree-5
/// polynomial, and 2^n is the reduction's integer shifted into the exponent field (callers keep it
/// a normal power of two).
///
/// Coefficients and error figures: scripts/fit/fit_fast_float.py, recorded in
/// scripts/fit/fast_float_coefficients.md.
extension FloatVector {
    /// The largest float below which e^x < 2^-126: e^x is a normal float exactly when x ≥ this.
    @inline(__always) static var fastExpNormalLimit: Float { -87.33654022216797 }

    /// 1.5·2^23 + 127 + bias: adding it to a float of magnitude < 2^22 leaves round(value) + 127 +
    /// bias in the low mantissa bits, so shifting those bits left by 23 gives the float 2^(n + bias)
    /// (the higher bits of the constant shift out of the 32-bit lane).
    @inline(__always) static func fastExpMagic(bias: Float) -> Self { Self(repeating: 0x1.8p23 + 127 + bias) }

    /// e^t for |t| ≤ ln2/2 + 1e-4 as 1 + t·(c1 + … + c5·t^4), minimax relative, float coefficients:
    /// 1.5e-7 (2.5·2^-24) relative in float evaluation.
    ///
    /// With `scale` σ (a power of two) the argument is w = t/σ and each c_k becomes c_k·σ^k: every
    /// step is the σ = 1 step scaled by a power of two, so the result is the same bit for bit, and a
    /// caller that has t only as a multiple of itself saves the multiply.
    @inline(__always)
    static func fastExpPolynomial(_ w: Self, scale σ: Float = 1) -> Self {
        var p = Self(repeating: 0x1.0fa7fap-7 * σ * σ * σ * σ * σ)
        p = Self(repeating: 0x1.573a9cp-5 * σ * σ * σ * σ).addingProduct(p, w)
        p = Self(repeating: 0x1.555a6cp-3 * σ * σ * σ).addingProduct(p, w)
        p = Self(repeating: 0x1.fffdc4p-2 * σ * σ).addingProduct(p, w)
        p = Self(repeating: 0x1.fffff6p-1 * σ).addingProduct(p, w)
        return Self(repeating: 1).addingProduct(p, w)
    }

    /// e^z for z in [-87.34, 0] as (p, s) with e^z = p·s·2^-bias, p = e^t near 1 and s = 2^(n + bias)
    /// a normal float (z·log2e ≥ -126.5 keeps n + 127 ≥ 1 for bias ≥ 0). Cody–Waite reduction with ln2
    /// in two floats, so t carries one rounding. Other z give garbage the callers replace.
    /// `splitLn2: false` reduces with ln2 as one float (one FMA fewer): t is then off by up to
    /// |n|·1.9e-9, so p by that relative amount (under 4.9·2^-24 for n ≥ -150); callers whose budget
    /// absorbs it say so.
    @inline(__always)
    static func fastExpParts(_ z: Self, bias: Float, splitLn2: Bool = true) -> (p: Self, s: Self) {
        let (t, shifted) = fastExpReduction(z, bias: bias, splitLn2: splitLn2)
        return (fastExpPolynomial(t), fastExpScale(shifted))
    }

    /// `fastExpParts`' reduction alone: t and the sum `shifted` whose low bits hold n + bias + 127,
    /// for z = n·ln2 + t (`fastExpScale` makes 2^(n + bias) of it; callers form it last, which keeps
    /// it out of registers while the polynomial runs). With `scale` σ (a power of two) the argument
    /// is w = z/σ and the returned t is t/σ, each constant scaled by σ or 1/σ, so the steps are the
    /// σ = 1 steps scaled exactly (`fastExpPolynomial` takes the same σ).
    @inline(__always)
    static func fastExpReduction(_ w: Self, bias: Float, splitLn2: Bool = true, scale σ: Float = 1) -> (t: Self, shifted: Self) {
        let magic = fastExpMagic(bias: bias)
        let shifted = magic.addingProduct(w, log2e * σ)
        let n = shifted - magic
        let t1 = w.addingProduct(n, -ln2Hi / Self(repeating: σ))
        return (splitLn2 ? t1.addingProduct(n, -ln2Lo / Self(repeating: σ)) : t1, shifted)
    }

    /// 2^(n + bias) from `fastExpReduction`'s sum: its low bits moved into the exponent field.
    @inline(__always)
    static func fastExpScale(_ shifted: Self) -> Self { Self(bits: shifted.bits &<< Bits(repeating: 23)) }

    /// e^t - 1 for |t| ≤ ln2/2 + 1e-4 as t + t²·(q0 + … + q4·t^4): 8.5e-8 (1.4·2^-24) relative in
    /// float evaluation; the leading t is exact, so tiny t (subnormals included) give t.
    @inline(__always)
    static func fastExpm1Polynomial(_ t: Self) -> Self {
        var q = Self(repeating: 0x1.6bebfep-10)
        q = Self(repeating: 0x1.122792p-7).addingProduct(q, t)
        q = Self(repeating: 0x1.555674p-5).addingProduct(q, t)
        q = Self(repeating: 0x1.5554b0p-3).addingProduct(q, t)
        q = Self(repeating: 0x1.fffffep-2).addingProduct(q, t)
        return t.addingProduct(t * t, q)
    }

    /// e^(k·x) - 1 for k·x in [-20, 18.5] (callers clamp), k = 1 or 2: 2^n·(e^t - 1) + (2^n - 1),
    /// one FMA. 2^n - 1 is exact for -24 ≤ n ≤ 24; beyond, down to n = -29 and up to 27, it rounds
    /// by 2^n (to -1) or by 1 (to 2^n), at most half an ulp of the result there (within 2^-24.5 of
    /// -1, or above 2^24): tanh's E/(E + 2) shrinks that by 2/(E + 2), and ELU's exhaustive figure
    /// without tables (results/kernels/README.md) includes it. k scales the exponent's constant, so
    /// tanh's 2|x| is formed off the chain that picks n. ln2 is one float (t = k·x - n·ln2Hi, one
    /// FMA): the constant's error, |n|·1.9e-9 in t, moves e^(k·x) by that relative amount, which
    /// the callers shrink below 0.1 ulp: ELU's n ≤ 0 multiplies it by 2^n, tanh's E/(E + 2) by
    /// 2/(E + 2).
    @inline(__always)
    static func fastExpm1(_ x: Self, times k: Float = 1) -> Self {
        let magic = fastExpMagic(bias: 0)
        let shifted = magic.addingProduct(x, Self(repeating: k * 0x1.715476p+0))
        let n = shifted - magic
        let t = (k == 1 ? x : x * Self(repeating: k)).addingProduct(n, -ln2Hi)
        let s = fastExpScale(shifted)
        return (s - 1).addingProduct(s, fastExpm1Polynomial(t))
    }
}
