import CLanes

/// e^x and e^x - 1 with a 16-entry table: x = (16n + j)·ln2/16 + t, e^x = 2^n·2^(j/16)·e^t with
/// |t| ≤ ln2/32 (+1e-6), so e^t needs only a cubic (e^t - 1 a quartic) where the table-free forms
/// (FloatVector+FastExp.swift) need a degree-5 polynomial on |t| ≤ ln2/2. The table is read with one
/// lane permute (`lookup16`, CLanes), and 2^n·2^(j/16) is built by one integer add.
///
/// The table forms run only where the lookup is one instruction (`readsTables`); elsewhere the
/// activations call the table-free forms, so each build compiles one form of each kernel.
///
/// The polynomials are Taylor's: on |t| ≤ 0.02167 the first omitted term bounds the error,
/// t^4/24 ≤ 9.2e-9 (0.15·2^-24) relative for e^t and t^4/120 ≤ 1.9e-9 relative for (e^t - 1)/t.
/// Each table entry is 2^(j/16) rounded to float (≤ 2^-25 relative), which the final FMA carries.
extension FloatVector {
    /// Whether this build reads tables: a build-time constant (CLanes), true with AVX-512F and VL.
    @inline(__always) static var readsTables: Bool { CK_LANES_LOOKUP16_IS_ONE_INSTRUCTION != 0 }

    /// e^(k·x) - 1 as the activations call it: `tableExpm1` where the build reads tables (1.787 ulp
    /// over every float of [-20, 18.5], the primitives table of results/accuracy-exhaustive.txt),
    /// `fastExpm1` elsewhere.
    @inline(__always)
    static func activationExpm1(_ x: Self, times k: Float = 1) -> Self {
        readsTables ? tableExpm1(x, times: k) : fastExpm1(x, times: k)
    }

    /// 2^(j/16) for j = 0…15 as float bits less j·2^19: the reduction leaves 16(n + bias) + j in the
    /// low bits of `shifted`; those bits moved up by 19 put n + bias in the exponent field and j·2^19
    /// in the mantissa, which the entry's -j·2^19 cancels, so one integer add gives 2^(n+bias+j/16).
    @inline(__always) static var expTable: SIMD16<Int32> {
        SIMD16(0x3f80_0000, 0x3f7d_aac3, 0x3f7b_95c2, 0x3f79_c3d3, 0x3f78_37f0, 0x3f76_f532, 0x3f75_fed7, 0x3f75_583f,
               0x3f75_04f3, 0x3f75_08a4, 0x3f75_672a, 0x3f76_248c, 0x3f77_44fd, 0x3f78_ccdf, 0x3f7a_c0c7, 0x3f7d_257d)
    }

    /// (2^(j/16) - T_j)/T_j for T_j the float entry of `expTable` (bits as Int32): the entry's
    /// rounding, relative. e^x - 1 adds it back (s·(t·q + L) = 2^n·(2^(j/16) - T_j)·… up to 2^-48),
    /// because there the entry's absolute error would not shrink with a small result.
    @inline(__always) static var expTableLow: SIMD16<Int32> {
        SIMD16(Int32(bitPattern: 0x0000_0000), Int32(bitPattern: 0x3346_cb6a), Int32(bitPattern: 0xb24e_0611), Int32(bitPattern: 0x334b_2482),
               Int32(bitPattern: 0x3309_2801), Int32(bitPattern: 0x331b_85f2), Int32(bitPattern: 0xb305_1aa8), Int32(bitPattern: 0xb200_6c56),
               Int32(bitPattern: 0x3293_02ae), Int32(bitPattern: 0xb302_e5a2), Int32(bitPattern: 0x31b3_d0e5), Int32(bitPattern: 0x31d1_daf2),
               Int32(bitPattern: 0xb27c_e182), Int32(bitPattern: 0xb1b4_b0da), Int32(bitPattern: 0xb1d2_90be), Int32(bitPattern: 0x31b0_a147))
    }

    /// 2^(n + bias)·2^(j/16) from the reduction's sum, whose low bits hold 16(n + bias) + j: the
    /// table entry plus those bits moved up by 19 (see `expTable`).
    @inline(__always)
    static func tableScale(_ shifted: Self) -> Self {
        Self(bits: lookup16(expTable, shifted.bits) &+ (shifted.bits &<< Bits(repeating: 19)))
    }

    /// 16·log2e and ln2/16 in two floats (ln2Hi/16·k is exact in the FMA's sum for |k| < 2^12).
    @inline(__always) static var sixteenLog2e: Self { Self(repeating: 16 * 0x1.715476p+0) }
    @inline(__always) static var ln2Hi16: Self { Self(repeating: -0x1.62e430p-5) }
    @inline(__always) static var ln2Lo16: Self { Self(repeating: 0x1.05c610p-33) }

    /// z = k·ln2/16 + t, k = 16n + j: returns t and s = 2^(n + bias)·2^(j/16) (a normal float when
    /// -126 ≤ n + bias ≤ 127; callers keep z in that range or replace the result outside it).
    /// `splitLn2: false` subtracts k·ln2/16 with ln2 as one float (one FMA fewer): t is then off by
    /// up to |n|·1.9e-9, which the caller's error budget must absorb.
    /// With `scale` σ (a power of two) the argument is w = z/σ and the returned t is t/σ: each
    /// constant is scaled by σ or 1/σ, so the steps are the σ = 1 steps scaled exactly, and a caller
    /// holding z only as a multiple of w saves the multiply (`tableExpFinish` takes the same σ).
    @inline(__always)
    static func tableExpParts(_ w: Self, bias: Float, splitLn2: Bool = true, scale σ: Float = 1) -> (t: Self, s: Self) {
        let magic = Self(repeating: 0x1.8p23 + 16 * bias)
        let shifted = magic.addingProduct(w, sixteenLog2e * σ)
        let k = shifted - magic
        let t1 = w.addingProduct(k, ln2Hi16 / σ)
        let t = splitLn2 ? t1.addingProduct(k, ln2Lo16 / σ) : t1
        let s = tableScale(shifted)
        return (t, s)
    }

    /// e^z·2^bias = s·e^t as s + (s·t)·(1 + t/2 + t²/6): the correction is 2% of s, so s's
    /// rounding and the final FMA's dominate (about 1 ulp with the table's).
    @inline(__always)
    static func tableExp(_ z: Self, bias: Float) -> Self {
        let (t, s) = tableExpParts(z, bias: bias)
        return tableExpFinish(t, s)
    }

    /// s·e^t from `tableExpParts`' parts. With `scale` σ (a power of two) the argument is w = t/σ:
    /// s + (s·w)·(σ + σ²w/2 + σ³w²/6), each step the σ = 1 step scaled by a power of two, so the
    /// result is the same bit for bit wherever s·w is a normal float.
    @inline(__always)
    static func tableExpFinish(_ w: Self, _ s: Self, scale σ: Float = 1) -> Self {
        var q = Self(repeating: 0x1.555556p-3 * σ * σ * σ)
        q = Self(repeating: 0.5 * σ * σ).addingProduct(q, w)
        q = Self(repeating: σ).addingProduct(q, w)
        return s.addingProduct(s * w, q)
    }

    /// e^(k·x) - 1 for k·x in [-20, 18.5] (callers clamp), k = 1 or 2, as (s - 1) + s·u with
    /// u = (k·t + L) + t²·(k²/2 + k³t/6 + k⁴t²/24) ≈ e^(k·t) - 1 + L, t = x - i·ln2/(16k) for the
    /// index i = 16n + j of k·x, and L = `expTableLow`[j]. Reducing x rather than k·x keeps the
    /// doubling inside one FMA (k·t + L). s - 1 is exact for n ≥ -1 (and n ≤ 23), within 2^-25
    /// absolute below, where |e^x - 1| ≥ 0.5. For |k·x| < ln2/32, s = 1 and L = 0, so the result is
    /// k·x + x²·(…) rounded once: tiny x (subnormals included) give k·x. The quadratic's two halves
    /// and t² are independent, which keeps the chain from x to the result five FMAs long. ln2 is one
    /// float: the error |n|·1.9e-9 in k·t moves e^(k·x) by that relative amount, which the callers
    /// shrink below 0.1 ulp: ELU's n ≤ 0 multiplies it by 2^n, tanh's E/(E + 2) by 2/(E + 2).
    ///
    /// Operand order is part of the codegen: these forms compile to one instruction per operation
    /// (check with scripts/asm/kernel_loop.py); other orders of the same FMAs can make LLVM split a
    /// lane off the vector into scalar FMAs, nearly tripling the loop.
    @inline(__always)
    static func tableExpm1(_ x: Self, times k: Float = 1) -> Self {
        let magic = Self(repeating: 0x1.8p23)
        let shifted = magic.addingProduct(x, Self(repeating: k * 16 * 0x1.715476p+0))
        let index = shifted - magic
        let t = x.addingProduct(index, ln2Hi16 / Self(repeating: k))
        let s = tableScale(shifted)
        let low = Self(bits: lookup16(expTableLow, shifted.bits))
        let half = Self(repeating: k * k / 2).addingProduct(t, Self(repeating: k * k * k / 6))
        let r = half.addingProduct(t * t, Self(repeating: k * k * k * k / 24))
        let linear = k == 1 ? t + low : low.addingProduct(t, Self(repeating: k))
        let u = linear.addingProduct(t * t, r)
        return (s - 1).addingProduct(u, s)
    }
}
