import CLanes

/// e^x with a 32-entry table and e^x - 1 with a 16-entry one: x = (m·n + j)·ln2/m + t, e^x =
/// 2^n·2^(j/m)·e^t with |t| ≤ ln2/(2m) (+1e-6), so e^t needs only a quadratic (m = 32) and e^t - 1
/// a cubic or quartic (m = 16), where the table-free forms (FloatVector+FastExp.swift) need degree
/// 5 on |t| ≤ ln2/2. Each table is read with one lane permute (`lookup32`, `lookup16`, CLanes), and
/// 2^n·2^(j/m) is built by one integer add. The 16-entry read is a one-table permute, which on Zen 4
/// costs a loop of FMAs far less than the two-table permute of 32 entries (tanh and ELU with their
/// 16-entry reads made two-table permutes run 0.86–0.88× as fast, results/zen4/ablation-1M.txt):
/// e^x - 1 (tanh, ELU) takes the smaller table and one more polynomial term; e^x keeps 32 entries.
///
/// The table forms run only where the lookup is one instruction (`readsTables`); elsewhere the
/// activations call the table-free forms, so each build compiles one form of each kernel. The one
/// exception is tanh where the build reads only eight-entry tables (AVX2, one `vpermd` on ymm):
/// its e^(2x) - 1 reads the 16-entry table's even entries, 2^(j/8), with a quartic fitted to the
/// wider |t| (`expm1TableEntries`). ELU stays table-free there: its staged loop carries four
/// vectors a stage, which spill from AVX2's sixteen registers, and ran slower than the table-free
/// loop.
///
/// Tables and coefficients are from scripts/fit/fit_table_exp.py (figures and the exhaustive
/// choice in scripts/fit/table_exp_coefficients.md). e^t is 1 + t·(c1 + c2·t), the minimax pair:
/// 5.3e-8 relative on |t| ≤ 0.010831 (Taylor's c1 = 1, c2 = 1/2: 2.1e-7). Each table entry is
/// 2^(j/m) rounded to float (≤ 2^-25 relative); a second table holds that rounding, for the forms
/// whose result would otherwise carry it.
extension FloatVector {
    /// Whether this build reads tables: a build-time constant (CLanes), true with AVX-512F and VL.
    @inline(__always) static var readsTables: Bool { CK_LANES_LOOKUP_IS_ONE_INSTRUCTION != 0 }

    /// Whether this build reads eight-entry tables in one instruction (CLanes): AVX2.
    @inline(__always) static var readsEightEntryTables: Bool { CK_LANES_LOOKUP8_IS_ONE_INSTRUCTION != 0 }

    /// Whether tanh reads e^x - 1's table: where the build reads tables or eight-entry ones.
    @inline(__always) static var readsExpm1Table: Bool { readsTables || readsEightEntryTables }

    /// m, the entries of e^x - 1's table that `tableExpm1` reads: 16 where the build reads tables,
    /// else 8 (the 16-entry table's even entries).
    @inline(__always) static var expm1TableEntries: Float { readsTables ? 16 : 8 }

    /// e^(k·x) - 1 as the primitives table measures it (SIMDPrimitives.swift): `tableExpm1` where
    /// the build reads tables (3.067 ulp over every float of [-20, 18.5] with k = 1,
    /// results/accuracy-exhaustive.txt; its maximum is at x > 0, where ELU does not use it),
    /// `fastExpm1` elsewhere. Tanh and ELU run its steps themselves (`tanhStage1`, `eluStage1`).
    @inline(__always)
    static func activationExpm1(_ x: Self, times k: Float = 1) -> Self {
        readsTables ? tableExpm1(x, times: k) : fastExpm1(x, times: k)
    }

    /// 2^(j/32) for j = 0…31 as float bits less j·2^18, entries 0–15 then 16–31: the reduction leaves
    /// 32(n + bias) + j in the low bits of `shifted`; those bits moved up by 18 put n + bias in the
    /// exponent field and j·2^18 in the mantissa, which the entry's -j·2^18 cancels, so one integer
    /// add gives 2^(n+bias+j/32).
    @inline(__always) static var expTableLo: SIMD16<Int32> {
        SIMD16(0x3f80_0000, 0x3f7e_cd87, 0x3f7d_aac3, 0x3f7c_980f, 0x3f7b_95c2, 0x3f7a_a43a, 0x3f79_c3d3, 0x3f78_f4f0,
               0x3f78_37f0, 0x3f77_8d3a, 0x3f76_f532, 0x3f76_7043, 0x3f75_fed7, 0x3f75_a15b, 0x3f75_583f, 0x3f75_23f6)
    }
    @inline(__always) static var expTableHi: SIMD16<Int32> {
        SIMD16(0x3f75_04f3, 0x3f74_fbaf, 0x3f75_08a4, 0x3f75_2c4d, 0x3f75_672a, 0x3f75_b9be, 0x3f76_248c, 0x3f76_a81e,
               0x3f77_44fd, 0x3f77_fbb8, 0x3f78_ccdf, 0x3f79_b907, 0x3f7a_c0c7, 0x3f7b_e4ba, 0x3f7d_257d, 0x3f7e_83b3)
    }

    /// (2^(j/32) - T_j)/T_j for T_j the float entry of `expTableLo`/`expTableHi` (bits as Int32): the
    /// entry's rounding, relative, which s·(… + L) adds back to about 2^-48. Entry 0 is exact, and
    /// its rounding is -0 rather than +0 so that adding it keeps the sign of a zero (tanh(-0) = -0).
    @inline(__always) static var expTableLowLo: SIMD16<Int32> {
        SIMD16(Int32(bitPattern: 0x8000_0000), Int32(bitPattern: 0xb34a_3a0a), 0x3346_cb6a, Int32(bitPattern: 0xb36e_d17e),
               Int32(bitPattern: 0xb24e_0611), Int32(bitPattern: 0xb351_7dd9), 0x334b_2482, Int32(bitPattern: 0xb315_86de),
               0x3309_2801, Int32(bitPattern: 0xb2e6_f467), 0x331b_85f2, 0x3099_b6f1,
               Int32(bitPattern: 0xb305_1aa8), Int32(bitPattern: 0xb2e2_a0da), Int32(bitPattern: 0xb200_6c56), Int32(bitPattern: 0xb336_5942))
    }
    @inline(__always) static var expTableLowHi: SIMD16<Int32> {
        SIMD16(0x3293_02ae, 0x32c5_95dc, Int32(bitPattern: 0xb302_e5a2), Int32(bitPattern: 0xb28e_10a1),
               0x31b3_d0e5, Int32(bitPattern: 0xb31a_472b), 0x31d1_daf2, Int32(bitPattern: 0xb305_bf64),
               Int32(bitPattern: 0xb27c_e182), Int32(bitPattern: 0xb2f2_6443), Int32(bitPattern: 0xb1b4_b0da), Int32(bitPattern: 0xb1da_8a8f),
               Int32(bitPattern: 0xb1d2_90be), Int32(bitPattern: 0xb2d5_b899), 0x31b0_a147, Int32(bitPattern: 0xb215_6afc))
    }

    /// 2^(n + bias)·2^(j/32) from the reduction's sum, whose low bits hold 32(n + bias) + j: the
    /// table entry plus those bits moved up by 18 (see `expTableLo`). Another table laid out the
    /// same way scales its entries by 2^(n + bias) alike (the sigmoid's c·2^(j/32)).
    @inline(__always)
    static func tableScale(_ shifted: Self, table: (lo: SIMD16<Int32>, hi: SIMD16<Int32>) = (expTableLo, expTableHi)) -> Self {
        Self(bits: lookup32(table.lo, table.hi, shifted.bits) &+ (shifted.bits &<< Bits(repeating: 18)))
    }

    /// The rounding of the entry `tableScale` read, relative (`expTableLowLo`).
    @inline(__always)
    static func tableLow(_ shifted: Self) -> Self {
        Self(bits: lookup32(expTableLowLo, expTableLowHi, shifted.bits))
    }

    /// 32·log2e and ln2/32 in two floats. The FMA w - k·ln2Hi32 is exact: k·ln2Hi32 has no bit
    /// below 2^-25 (the constant's low four bits are zero), w none below 2^-30 where k ≠ 0, and the
    /// difference is under ln2/64, so it fits in 24 bits.
    @inline(__always) static var thirtyTwoLog2e: Self { Self(repeating: 32 * 0x1.715476p+0) }
    @inline(__always) static var ln2Hi32: Self { Self(repeating: -0x1.62e430p-6) }
    @inline(__always) static var ln2Lo32: Self { Self(repeating: 0x1.05c610p-34) }

    /// z = k·ln2/32 + t, k = 32n + j: returns t, s = 2^(n + bias)·2^(j/32) (a normal float when
    /// -126 ≤ n + bias ≤ 127; callers keep z in that range or replace the result outside it) and
    /// the entry's rounding L (`tableLow`; a caller that does not use it costs no lookup).
    /// `splitLn2: false` subtracts k·ln2/32 with ln2 as one float (one FMA fewer): t is then off by
    /// up to |n|·1.9e-9, which the caller's error budget must absorb.
    /// With `scale` σ (a power of two) the argument is w = z/σ and the returned t is t/σ: each
    /// constant is scaled by σ or 1/σ, so the steps are the σ = 1 steps scaled exactly, and a caller
    /// holding z only as a multiple of w saves the multiply (`tableExpFinish` takes the same σ).
    @inline(__always)
    static func tableExpParts(_ w: Self, bias: Float, splitLn2: Bool = true, scale σ: Float = 1) -> (t: Self, s: Self, low: Self) {
        let (t, shifted, _) = tableReduction(w, bias: bias, splitLn2: splitLn2, scale: σ)
        return (t, tableScale(shifted), tableLow(shifted))
    }

    /// `tableExpParts`' reduction alone: t, the sum `shifted` whose low bits hold 32(n + bias) + j
    /// (`tableScale` makes s of it) and the index k = 32n + j as a float.
    @inline(__always)
    static func tableReduction(_ w: Self, bias: Float, splitLn2: Bool = true, scale σ: Float = 1) -> (t: Self, shifted: Self, index: Self) {
        let magic = Self(repeating: 0x1.8p23 + 32 * bias)
        let shifted = magic.addingProduct(w, thirtyTwoLog2e * σ)
        let k = shifted - magic
        let t1 = w.addingProduct(k, ln2Hi32 / σ)
        return (splitLn2 ? t1.addingProduct(k, ln2Lo32 / σ) : t1, shifted, k)
    }

    /// e^z·2^bias = s·e^t as s + s·(t·(c1 + c2·t) + L): the entry's rounding L added back, so the
    /// polynomial (5.3e-8 relative) and the last FMA's rounding are what remain.
    @inline(__always)
    static func tableExp(_ z: Self, bias: Float) -> Self {
        let (t, s, low) = tableExpParts(z, bias: bias)
        return tableExpFinish(t, s, low: low)
    }

    /// e^t's quadratic, 1 + t·(c1 + c2·t) (scripts/fit/table_exp_coefficients.md).
    @inline(__always) static var expC1: Float { 0x1.0000f6p+0 }
    @inline(__always) static var expC2: Float { 0x1.000026p-1 }

    /// s·e^t from `tableExpParts`' parts, as s + s·(w·(σc1 + σ²c2·w) + L) for the argument w = t/σ
    /// (σ a power of two, so each step is the σ = 1 step scaled exactly); without `low` (the forms
    /// whose budget is wider than the entry's 2^-25) L is 0 and the lookup is not made. The last
    /// FMA rounds once, also where s·w would be subnormal.
    @inline(__always)
    static func tableExpFinish(_ w: Self, _ s: Self, low: Self = Self(), scale σ: Float = 1) -> Self {
        let q = Self(repeating: σ * expC1).addingProduct(w, Self(repeating: σ * σ * expC2))
        let y = low.addingProduct(q, w)
        return s.addingProduct(y, s)
    }

    /// 2^(j/16) for j = 0…15 as float bits less j·2^19 (`expTableLo`'s layout for 16 entries: the
    /// reduction leaves 16(n + bias) + j in the low bits, moved up by 19).
    @inline(__always) static var expm1Table: SIMD16<Int32> {
        SIMD16(0x3f80_0000, 0x3f7d_aac3, 0x3f7b_95c2, 0x3f79_c3d3, 0x3f78_37f0, 0x3f76_f532, 0x3f75_fed7, 0x3f75_583f,
               0x3f75_04f3, 0x3f75_08a4, 0x3f75_672a, 0x3f76_248c, 0x3f77_44fd, 0x3f78_ccdf, 0x3f7a_c0c7, 0x3f7d_257d)
    }

    /// The rounding of each `expm1Table` entry, relative; entry 0's is -0 (as `expTableLowLo`'s).
    @inline(__always) static var expm1TableLow: SIMD16<Int32> {
        SIMD16(Int32(bitPattern: 0x8000_0000), 0x3346_cb6a, Int32(bitPattern: 0xb24e_0611), 0x334b_2482,
               0x3309_2801, 0x331b_85f2, Int32(bitPattern: 0xb305_1aa8), Int32(bitPattern: 0xb200_6c56),
               0x3293_02ae, Int32(bitPattern: 0xb302_e5a2), 0x31b3_d0e5, 0x31d1_daf2,
               Int32(bitPattern: 0xb27c_e182), Int32(bitPattern: 0xb1b4_b0da), Int32(bitPattern: 0xb1d2_90be), 0x31b0_a147)
    }

    /// e^(k·x) - 1 for k·x in [-20, 18.5] (callers clamp), k = 1 or 2, with the m-entry table
    /// (`expm1TableEntries`), as s·u - (1 - s) with u ≈ e^(k·t) - 1 + L, t = x - i·ln2/(mk) for the
    /// index i = mn + j of k·x, and L the entry's rounding (`expm1TableLow`). Reducing x rather than
    /// k·x keeps the doubling inside an FMA. 1 - s is exact for n ≥ -1 (and n ≤ 23), within 2^-25
    /// absolute below, where |e^x - 1| ≥ 0.5. For |k·x| < ln2/(2m), s = 1 and L = -0, so the
    /// result is k·x + x²·(…) rounded once: tiny x (subnormals included) give k·x, and ±0 gives ±0
    /// (s·u - (1 - s) is -0 for u = -0, where (s - 1) + s·u is +0).
    /// ln2 is one float: the error |n|·1.9e-9 in k·t moves e^(k·x) by that relative amount, which
    /// the callers shrink below 0.1 ulp: ELU's n ≤ 0 multiplies it by 2^n; in tanh's E/(E + 2) it
    /// is E's error scaled by e^(2x)/|E|·2/(E + 2), small on both sides of 0.
    /// The three steps are separate functions so that a loop can run them on different vectors
    /// (`forEachVector(…, stages:)`).
    @inline(__always)
    static func tableExpm1(_ x: Self, times k: Float = 1) -> Self {
        let parts = tableExpm1Parts(x, times: k)
        return expm1Combined(expm1Polynomial(parts.t, low: parts.low, times: k), parts.s)
    }

    /// `tableExpm1`'s reduction and table reads: t, s = 2^n·2^(j/m) and L.
    @inline(__always)
    static func tableExpm1Parts(_ x: Self, times k: Float) -> (t: Self, s: Self, low: Self) {
        let (t, shifted) = tableExpm1Reduction(x, times: k)
        let (s, low) = tableExpm1Reads(shifted)
        return (t, s, low)
    }

    /// `tableExpm1`'s reduction: t and the sum `shifted` whose low bits hold the index mn + j.
    @inline(__always)
    static func tableExpm1Reduction(_ x: Self, times k: Float) -> (t: Self, shifted: Self) {
        let m = expm1TableEntries
        let magic = Self(repeating: 0x1.8p23)
        let shifted = magic.addingProduct(x, thirtyTwoLog2e * (m * k / 32))   // m·k·log2e
        let index = shifted - magic
        return (x.addingProduct(index, ln2Hi32 * (32 / (m * k))), shifted)      // ln2/(m·k), one float
    }

    /// `tableExpm1`'s table reads from the reduction's sum: s = 2^n·2^(j/m) and L. Entry 2j of the
    /// 16-entry tables is 2^(j/8) less (2j)·2^19 = j·2^20, so their even halves are the eight-entry
    /// tables in the layout whose bits move up by 20.
    @inline(__always)
    static func tableExpm1Reads(_ shifted: Self) -> (s: Self, low: Self) {
        guard readsTables else {
            return (Self(bits: lookup8(expm1Table.evenHalf, shifted.bits) &+ (shifted.bits &<< Bits(repeating: 20))),
                    Self(bits: lookup8(expm1TableLow.evenHalf, shifted.bits)))
        }
        return (Self(bits: lookup16(expm1Table, shifted.bits) &+ (shifted.bits &<< Bits(repeating: 19))),
         Self(bits: lookup16(expm1TableLow, shifted.bits)))
    }

    /// u = L + t·(k + t·(…)) ≈ e^(k·t) - 1 + L, Horner's form, the shortest chain of FMAs that ends
    /// in L (scripts/fit/table_exp_coefficients.md):
    /// - k = 1 (ELU) with 16 entries: a cubic, the minimax a, b (1.06e-7 relative);
    /// - k = 2 (tanh): a quartic (3.2e-10 with 16 entries, 5.2e-9 on the doubled |t| of 8), which
    ///   tanh's E/(E + 2) needs: it doubles E's error for x < 0, and the cubic's would take tanh
    ///   past 4 ulp. With 8 entries k = 1 takes the quartic too (its cubic: 8.6e-7), as the k = 2
    ///   coefficients scaled by (k/2)^j, exact.
    /// Operand order is part of the codegen: these forms compile to one instruction per operation
    /// (check with scripts/asm/kernel_loop.py); other orders of the same FMAs can make LLVM split a
    /// lane off the vector into scalar FMAs, nearly tripling the loop.
    @inline(__always)
    static func expm1Polynomial(_ t: Self, low: Self, times k: Float) -> Self {
        var r: Self
        if k == 1 && readsTables {
            r = Self(repeating: 0x1.0001ecp-1).addingProduct(t, Self(repeating: 0x1.555658p-3))
        } else {
            let h = k / 2
            let (b, c): (Float, Float) = readsTables ? (0x1.555708p+0, 0x1.5554dcp-1) : (0x1.555c1ep+0, 0x1.555372p-1)
            r = Self(repeating: b * h * h * h).addingProduct(t, Self(repeating: c * h * h * h * h))
            r = Self(repeating: 2 * h * h).addingProduct(r, t)
        }
        return low.addingProduct(Self(repeating: k).addingProduct(r, t), t)
    }

    /// s·u - (1 - s): e^(k·x) - 1 from `expm1Polynomial`'s u and the scale s.
    @inline(__always)
    static func expm1Combined(_ u: Self, _ s: Self) -> Self {
        (1 - s).negated.addingProduct(u, s)
    }
}
