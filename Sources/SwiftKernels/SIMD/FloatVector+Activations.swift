/// Sigmoid on one vector and its exponential: one body for both tiers, which differ in one FMA
/// (`ln2Low`; SIMDKernels and FastKernels list it).
extension FloatVector {
    /// σ(x) for x clamped to [-104, 60] (NaN stays NaN): one quotient of positive normal floats, no
    /// mirror, no compare, no blend. At the clamp's ends σ has rounded to 0 (e^-104 < 2^-150, less
    /// than half the least subnormal) and to 1 (σ(17.33) already does), so the clamp changes no
    /// result, and a subnormal σ is one quotient rounded once.
    ///
    /// With tables (`readsTables`): σ = N/(N + M), N/M = e^x, from the reduction
    /// x = (32n + j)·ln2/32 + t (|t| ≤ ln2/64):
    /// - N = c·2^(n+26)·2^(j/32): the entry of a table of c·2^(j/32) (`sigmoidTableLo`) scaled by the
    ///   reduction's integer add, with no arithmetic (a normal float on the whole range).
    /// - M = c·2^26·e^-t as the quadratic c·2^26 + t·(p1 + p2·t), 5.3e-8 relative: two FMAs, where
    ///   e^t on N's side costs three (a polynomial and its product with the entry).
    /// - c = 0x1.fa2p-1 keeps M in [0.978, 0.9993]·2^26, the top of its binade, where its rounding
    ///   is at most 2^-25 relative, and its entries round within 0.966·2^-25 relative (the best c
    ///   of [0.985, 0.98923]; the entries of 2^(j/32) reach 1.6·2^-25).
    /// - ln2 is one float in the reduction, so t is off by k·ℓ (k = 32n + j, ℓ = `ln2Lo32`). With
    ///   `ln2Low` (the accurate tier) M's leading term is c·2^26·(1 - k·ℓ), one FMA beside the
    ///   chain, which puts it back: 2.992 ulp over every float. Without it (the fast tier) the
    ///   error grows with |n|, to 5.803 ulp near -86.7 where σ is still normal
    ///   (results/accuracy-exhaustive.txt); where |x| ≤ 10, k·ℓ·c·2^26 is below half an ulp of
    ///   c·2^26 and both give the same bits.
    /// c, p1, p2 and c·2^26·ℓ: scripts/fit/fit_sigmoid_table.py (sigmoid_table_coefficients.md).
    ///
    /// Without tables: E/(E + 2^25), E = e^x·2^25 (`fastExpParts`), in both tiers where the build
    /// reads no table, and in the accurate tier where it reads eight-entry ones (the fast tier's
    /// is `fastSigmoid`). E is a normal float on the whole range (2^25·e^-104 = 2^-125.04,
    /// 2^25·e^60 < 2^112), so no operand of the division is ever subnormal; on the positive side
    /// E's relative error reaches σ scaled by 1 - σ ≤ 1/2.
    @inline(__always)
    static func sigmoid(_ x: Self, ln2Low: Bool = true) -> Self {
        guard readsTables else {
            return sigmoidTableFreeStage4(sigmoidTableFreeStage3(sigmoidTableFreeStage2(sigmoidTableFreeStage1(x))))
        }
        return sigmoidStage4(sigmoidStage3(sigmoidStage2(sigmoidStage1(x), ln2Low: ln2Low)))
    }

    /// The fast tier's sigmoid: the table's form without ln2's low part where the build reads
    /// tables, the eight-entry form where it reads those only (FloatVector+SigmoidEighth.swift),
    /// the table-free form elsewhere.
    @inline(__always)
    static func fastSigmoid(_ x: Self) -> Self {
        guard readsTables || !readsEightEntryTables else {
            return sigmoidEighthStage4(sigmoidEighthStage3(sigmoidEighthStage2(sigmoidEighthStage1(x))))
        }
        return sigmoid(x, ln2Low: false)
    }

    /// The table-free sigmoid's stages, which the array kernels run on four consecutive vectors at
    /// once: the reduction, the polynomial, E and E + 2^25, the quotient.
    @inline(__always)
    static func sigmoidTableFreeStage1(_ x: Self) -> (t: Self, shifted: Self) {
        fastExpReduction(x.clamped(-104, 60), bias: 25)
    }
    @inline(__always)
    static func sigmoidTableFreeStage2(_ r: (t: Self, shifted: Self)) -> (p: Self, shifted: Self) {
        (fastExpPolynomial(r.t), r.shifted)
    }
    @inline(__always)
    static func sigmoidTableFreeStage3(_ r: (p: Self, shifted: Self)) -> (e: Self, d: Self) {
        let e = r.p * fastExpScale(r.shifted)
        return (e, e + 0x1p25)
    }
    @inline(__always)
    static func sigmoidTableFreeStage4(_ r: (e: Self, d: Self)) -> Self { r.e / r.d }

    /// The sigmoid's stages where the build reads tables, which the array kernels run on four
    /// consecutive vectors at once (`forEachVector(…, stages:)`): the clamp, reduction and N, M,
    /// N + M, the quotient.
    @inline(__always)
    static func sigmoidStage1(_ x: Self) -> (t: Self, n: Self, k: Self) {
        let (t, shifted, k) = tableReduction(x.clamped(-104, 60), bias: 26, splitLn2: false)
        return (t, tableScale(shifted, table: (sigmoidTableLo, sigmoidTableHi)), k)
    }
    @inline(__always)
    static func sigmoidStage2(_ r: (t: Self, n: Self, k: Self), ln2Low: Bool) -> (n: Self, m: Self) {
        let scale = Self(repeating: 0x1.fa2p+25)
        let lead = ln2Low ? scale.addingProduct(r.k, Self(repeating: -0x1.02c51ap-8)) : scale
        let p = Self(repeating: -0x1.fa21e6p+25).addingProduct(r.t, Self(repeating: 0x1.fa204cp+24))
        // lead + p·t in this operand order: lead + t·p makes LLVM split a lane off into scalar FMAs
        // (41 instructions in the loop for 20; scripts/asm/kernel_loop.py shows it).
        return (r.n, lead.addingProduct(p, r.t))
    }
    @inline(__always)
    static func sigmoidStage3(_ r: (n: Self, m: Self)) -> (n: Self, d: Self) { (r.n, r.n + r.m) }
    @inline(__always)
    static func sigmoidStage4(_ r: (n: Self, d: Self)) -> Self { r.n / r.d }

    /// c·2^(j/32) for j = 0…31, c = 0x1.fa2p-1, laid out as `expTableLo`/`expTableHi` (bits less
    /// j·2^18, entries 0–15 then 16–31; scripts/fit/fit_sigmoid_table.py).
    @inline(__always) static var sigmoidTableLo: SIMD16<Int32> {
        SIMD16(0x3f7d_1000, 0x3f7d_4d4b, 0x3f7c_221e, 0x3f7b_06d0, 0x3f79_fbba, 0x3f79_0137, 0x3f78_17a4, 0x3f77_3f60,
               0x3f76_78cc, 0x3f75_c44b, 0x3f75_2242, 0x3f74_9319, 0x3f74_173a, 0x3f73_af11, 0x3f73_5b0c, 0x3f73_1b9c)
    }
    @inline(__always) static var sigmoidTableHi: SIMD16<Int32> {
        SIMD16(0x3f72_f135, 0x3f72_dc4c, 0x3f72_dd5a, 0x3f72_f4db, 0x3f73_234b, 0x3f73_692c, 0x3f73_c701, 0x3f74_3d50,
               0x3f74_cca2, 0x3f75_7584, 0x3f76_3885, 0x3f77_1637, 0x3f78_0f31, 0x3f79_240a, 0x3f7a_555f, 0x3f7b_a3d0)
    }

    /// E = e^z·2^25 for z in [-104, 60]: the primitives table's `swift-simd16` e^x (`tableExp`, the
    /// entry's rounding added back, where the build reads tables; elsewhere the table-free sigmoid's
    /// exponential, which its stages form the same way). A normal float on the whole range; callers clamp.
    @inline(__always)
    static func scaledExp(_ z: Self) -> Self {
        if readsTables { return tableExp(z, bias: 25) }
        let (p, s) = fastExpParts(z, bias: 25)
        return p * s
    }
}
