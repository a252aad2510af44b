import Foundation
import Testing
@testable import SwiftKernels

/// The fast tier's vector pieces against Double libm: the polynomials on their reduced ranges, the
/// shift-built powers of two, and the activations' special values and hard inputs. The full budgets
/// are checked over all 2^32 inputs (results/kernels/README.md) and on a sample in BenchKitTests.
@Suite struct FastMathTests {
    typealias V = SIMD16<Float>

    func ulps(_ y: Float, _ exact: Double) -> Double {
        abs(Double(y) - exact) / Double(max(Float(exact).ulp, Float.leastNonzeroMagnitude))
    }

    func same(_ a: Float, _ b: Float) -> Bool { (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern }

    @Test func expPolynomialOnTheReducedRange() {
        let ts = stride(from: Float(-0.3467), through: 0.3467, by: 1e-4).map { $0 }
        let worst = zip(ts, each(ts) { V.fastExpPolynomial($0) }).map { ulps($1, Foundation.exp(Double($0))) }.max()!
        #expect(worst <= 3, "max \(worst) ulp")
    }

    /// `scale: -0.5` takes w = -2t and gives e^t bit for bit (the fast GELU-erf's reduction).
    @Test func scaledPolynomialsGiveTheUnscaledResultsBitForBit() {
        let ts = stride(from: Float(-0.3467), through: 0.3467, by: 3.7e-5).map { $0 }
        let ws = ts.map { -2 * $0 }
        #expect(zip(each(ts) { V.fastExpPolynomial($0) }, each(ws) { V.fastExpPolynomial($0, scale: -0.5) }).allSatisfy(same))
        let ss: [Float] = [1, 0x1.6a09e6p-1, 0x1.8p-100, 0x1p-126, 0x1.fffffep+127].flatMap { s in Array(repeating: s, count: 16) }
        let small = ss.indices.map { ts[($0 * 97) % ts.count] / 32 }   // |t| ≤ ln2/64, the table form's range
        for block in stride(from: 0, to: ss.count, by: 16) {
            let t = V(small[block..<(block + 16)]), s = V(ss[block..<(block + 16)])
            let a = V.tableExpFinish(t, s), b = V.tableExpFinish(t * -2, s, scale: -0.5)
            #expect((0..<16).allSatisfy { same(a[$0], b[$0]) }, "s = \(s[0])")   // s·t subnormal included: one rounding
        }
    }

    /// Both reductions with `scale: -0.5` take w = -2z and return -2t and the same scale, bit for bit
    /// (the fast GELU-erf's reduction of -x²/2 from x²).
    @Test func scaledReductionsAreTheUnscaledOnesScaled() {
        let zs = stride(from: Float(-87.3), through: 0, by: 0.0137).map { $0 }
        let ws = zs.map { -2 * $0 }
        func agree(_ plain: (V) -> V, _ scaled: (V) -> V, times factor: Float) -> Bool {
            zip(each(zs, plain).map { factor * $0 }, each(ws, scaled)).allSatisfy(same)
        }
        #expect(agree({ V.fastExpReduction($0, bias: 0).t }, { V.fastExpReduction($0, bias: 0, scale: -0.5).t }, times: -2))
        #expect(agree({ V.fastExpScale(V.fastExpReduction($0, bias: 0).shifted) },
                      { V.fastExpScale(V.fastExpReduction($0, bias: 0, scale: -0.5).shifted) }, times: 1))
        #expect(agree({ V.tableExpParts($0, bias: 0).t }, { V.tableExpParts($0, bias: 0, scale: -0.5).t }, times: -2))
        #expect(agree({ V.tableExpParts($0, bias: 0).s }, { V.tableExpParts($0, bias: 0, scale: -0.5).s }, times: 1))
    }

    @Test func expm1KeepsTinyArgumentsAndIsCloseElsewhere() {
        var xs = stride(from: Float(-20), through: 18.5, by: 0.00731).map { $0 }
        xs += [1e-7, -1e-7, 1e-30, -1e-30, 0x1p-149, -0x1p-149, 0x1p-126]
        let ys = each(xs) { V.fastExpm1($0) }
        let worst = zip(xs, ys).map { ulps($1, Foundation.expm1(Double($0))) }.max()!
        #expect(worst <= 2, "max \(worst) ulp")
        #expect(ys[ys.count - 3] == 0x1p-149 && ys[ys.count - 2] == -0x1p-149)
    }

    @Test func tableExpm1KeepsTinyArgumentsAndIsCloseElsewhere() {
        var xs = stride(from: Float(-20), through: 18.5, by: 0.00731).map { $0 }
        xs += [0.0216, -0.0216, 0.0217, -0.0217, 0.0433, -0.0433, 1e-7, -1e-7, 1e-30, -1e-30, 0x1p-149, -0x1p-149, 0x1p-126]
        let ys = each(xs) { V.tableExpm1($0) }
        let worst = zip(xs, ys).map { ulps($1, Foundation.expm1(Double($0))) }.max()!
        #expect(worst <= 3.1, "max \(worst) ulp")   // 3.067 over every float of [-20, 18.5] (results/accuracy-exhaustive.txt)
        #expect(ys[ys.count - 3] == 0x1p-149 && ys[ys.count - 2] == -0x1p-149)
        let halves: [Float] = [0.01, 9.1, 0x1p-140]
        let doubled = each(halves) { V.tableExpm1($0, times: 2) }
        for k in 0..<2 { #expect(ulps(doubled[k], Foundation.expm1(2 * Double(halves[k]))) <= 1) }
        #expect(doubled[2] == 0x1p-139)
    }

    @Test func tableExpIsCloseAndKeepsTheBiasedRangeNormal() {
        let zs = stride(from: Float(-103.97), through: 0, by: 0.00373).map { $0 }
        let ys = each(zs) { V.tableExp($0, bias: 24) }
        let worst = zip(zs, ys).map { z, y in ulps(y, Foundation.exp(Double(z)) * 0x1p24) }.max()!
        #expect(worst <= 1.5, "max \(worst) ulp")
        #expect(ys.allSatisfy { $0 >= 0x1p-126 })
    }

    /// Each lane reads table[index & 31] (`lookup32`), table[index & 15] (`lookup16`) or
    /// table[index & 7] (`lookup8`), whatever the index's other bits, at both widths.
    @Test func lookupReadsTheLowBitsOfEachIndex() {
        let lo = SIMD16<Int32>((0..<16).map { Int32($0 * 7 + 100) })
        let hi = SIMD16<Int32>((16..<32).map { Int32($0 * 7 + 100) })
        var index16 = SIMD16<Int32>()
        for lane in 0..<16 { index16[lane] = Int32(lane * 5 + 3) &+ Int32(lane) << 20 &- (lane % 3 == 0 ? 1 << 30 : 0) }
        let got16 = SIMD16<Float>.lookup32(lo, hi, index16)
        let got8 = SIMD8<Float>.lookup32(lo, hi, index16.highHalf)
        for lane in 0..<16 { #expect(got16[lane] == Int32(index16[lane] & 31) * 7 + 100) }
        for lane in 0..<8 { #expect(got8[lane] == Int32(index16[lane + 8] & 31) * 7 + 100) }
        let one16 = SIMD16<Float>.lookup16(lo, index16)
        let one8 = SIMD8<Float>.lookup16(lo, index16.highHalf)
        for lane in 0..<16 { #expect(one16[lane] == Int32(index16[lane] & 15) * 7 + 100) }
        for lane in 0..<8 { #expect(one8[lane] == Int32(index16[lane + 8] & 15) * 7 + 100) }
        let eight = lo.lowHalf
        let small16 = SIMD16<Float>.lookup8(eight, index16)
        let small8 = SIMD8<Float>.lookup8(eight, index16.highHalf)
        for lane in 0..<16 { #expect(small16[lane] == Int32(index16[lane] & 7) * 7 + 100) }
        for lane in 0..<8 { #expect(small8[lane] == Int32(index16[lane + 8] & 7) * 7 + 100) }
    }

    /// The low tables are each entry's rounding: entry·(1 + low) is 2^(j/32) (2^(j/16)) to about 2^-48.
    @Test func tablesHoldPowersOfTwo() {
        for j in 0..<16 {
            let entry = Double(Float(bitPattern: UInt32(bitPattern: V.expm1Table[j] &+ Int32(j << 19))))
            let low = Double(Float(bitPattern: UInt32(bitPattern: V.expm1TableLow[j])))
            let exact = Foundation.exp2(Double(j) / 16)
            #expect(abs(entry - exact) <= exact * 0x1p-24)
            #expect(abs(entry * (1 + low) - exact) <= exact * 0x1p-45)
        }
        // The eight-entry reads (`tableExpm1Reads` in AVX2 builds) take the even halves, whose
        // entry j holds 2^(j/8) in the layout whose bits move up by 20.
        for j in 0..<8 {
            let entry = Float(bitPattern: UInt32(bitPattern: V.expm1Table.evenHalf[j] &+ Int32(j << 20)))
            #expect(entry == Float(bitPattern: UInt32(bitPattern: V.expm1Table[2 * j] &+ Int32((2 * j) << 19))))
            #expect(abs(Double(entry) - Foundation.exp2(Double(j) / 8)) <= Foundation.exp2(Double(j) / 8) * 0x1p-24)
        }
        for j in 0..<32 {
            let bits = j < 16 ? V.expTableLo[j] : V.expTableHi[j - 16]
            let lowBits = j < 16 ? V.expTableLowLo[j] : V.expTableLowHi[j - 16]
            let entry = Double(Float(bitPattern: UInt32(bitPattern: bits &+ Int32(j << 18))))
            let low = Double(Float(bitPattern: UInt32(bitPattern: lowBits)))
            let exact = Foundation.exp2(Double(j) / 32)
            #expect(abs(entry - exact) <= exact * 0x1p-24)
            #expect(abs(entry * (1 + low) - exact) <= exact * 0x1p-45)
        }
    }

    /// The sigmoid's table is c·2^(j/32), c = 0x1.fa2p-1, each entry within 0.966·2^-25 relative
    /// (the fit's figure), and every entry keeps the exponent field the integer add scales.
    @Test func sigmoidTableHoldsScaledPowers() {
        let c = Double(Float(0x1.fa2p-1))
        for j in 0..<32 {
            let bits = j < 16 ? V.sigmoidTableLo[j] : V.sigmoidTableHi[j - 16]
            let entry = Double(Float(bitPattern: UInt32(bitPattern: bits &+ Int32(j << 18))))
            let exact = c * Foundation.exp2(Double(j) / 32)
            #expect(abs(entry / exact - 1) <= 0.967 * 0x1p-25, "entry \(j)")
        }
    }

    @Test func shiftBuildsThePowerOfTwoWithTheBias() {
        let z = V(repeating: -87.33654022216797)
        let (p, s) = V.fastExpParts(z, bias: 0)
        #expect(s[0] == 0x1p-126)
        #expect(abs(Double(p[0] * s[0]) - Foundation.exp(Double(z[0]))) <= 3 * 0x1p-149)
        let (_, s24) = V.fastExpParts(V(repeating: -103.9), bias: 24)
        #expect(s24[0] == 0x1p-126)   // n = -150
    }

    @Test func specialValues() {
        let xs: [Float] = [.nan, .infinity, -.infinity, 0, -0.0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        let sigmoid = each(xs) { V.sigmoid($0) }
        let tanh = each(xs) { V.fastTanh($0) }
        let elu = each(xs) { V.fastELU($0, alpha: 1) }
        let erf = each(xs) { V.fastGeluErf($0) }
        let gtanh = each(xs) { V.fastGeluTanh($0) }
        let want: [[Float]] = [
            [.nan, 1, 0, 0.5, 0.5, 1, 0],
            [.nan, 1, -1, 0, -0.0, 1, -1],
            [.nan, .infinity, -1, 0, -0.0, .greatestFiniteMagnitude, -1],
            [.nan, .infinity, -0.0, 0, -0.0, .greatestFiniteMagnitude, -0.0],
            [.nan, .infinity, -0.0, 0, -0.0, .greatestFiniteMagnitude, -0.0],
        ]
        for (got, expected) in zip([sigmoid, tanh, elu, erf, gtanh], want) {
            for (g, e) in zip(got, expected) { #expect(same(g, e), "\(got) vs \(expected)") }
        }
    }

    /// Where the fast forms change regime: σ across the normal/subnormal edge (no flush in the
    /// sigmoid) and at its clamps, GELU's tails past where e^-|w| alone would underflow,
    /// GELU-tanh above 2^100 (where x·2^24 would overflow), ELU's and tanh's clamps.
    @Test func hardInputs() {
        let edge: Float = -87.33654022216797
        let inputs: [Float] = [edge, edge.nextDown, -100, -103.972076, -103.972084, -104, -1e30, 17.5, 60, 1e30]
        let s = each(inputs) { V.sigmoid($0) }
        #expect(s[0] >= 0x1p-126 && s[1] > 0 && s[1] < 0x1p-126)
        #expect(abs(Double(s[2]) - Foundation.exp(-100.0)) <= 0x1p-150)
        // Either side of -150·ln2, where e^x crosses 2^-150 (half the least subnormal), and
        // the clamp's ends, where σ has rounded to 0 and to 1.
        #expect(s[3] == 0x1p-149 && s[4] == 0 && s[5] == 0 && s[6] == 0)
        #expect(s[7] == 1 && s[8] == 1 && s[9] == 1)
        // The fast tier's sigmoid (ln2 as one float): the same clamps, and σ at the edge stays a
        // normal float's neighbour, not a flush.
        let f = each(inputs) { V.sigmoid($0, ln2Low: false) }
        #expect(f[5] == 0 && f[6] == 0 && f[7] == 1 && f[8] == 1 && f[9] == 1)
        #expect(ulps(f[0], Foundation.exp(Double(edge)) / (1 + Foundation.exp(Double(edge)))) <= 6, "\(f[0])")
        #expect(each([0x1p101, 0x1p127]) { V.fastGeluTanh($0) } == [0x1p101, 0x1p127])
        // GELU-tanh at x = -10.05: e^-|w| ≈ 2^-127.6 but x·σ(w) ≈ 2^-124.3, a normal float.
        let x: Float = -10.05
        let w = 2 * GELUConstants.sqrtTwoOverPi * (Double(x) + GELUConstants.cubic * pow(Double(x), 3))
        let exact = Double(x) / (1 + Foundation.exp(-w))
        let g = each([x]) { V.fastGeluTanh($0) }[0]
        #expect(exact < -0x1p-126 && abs(Double(g) / exact - 1) < 1e-4, "\(g) vs \(exact)")
        // GELU-erf at x = -13: a normal result of 2^-123.2 from e^(-x²/2)·S.
        let e = each([-13]) { V.fastGeluErf($0) }[0]
        let ref = -13 * erfc(13 / 2.0.squareRoot()) / 2
        #expect(ulps(e, ref) <= 8, "\(e) vs \(ref)")
        #expect(each([-20, -1e-30, (-20 as Float).nextDown, -1e30, -.greatestFiniteMagnitude]) { V.fastELU($0, alpha: 1) }
                == [-1, -1e-30, -1, -1, -1])
        #expect(each([-1e30, -.infinity, 3]) { V.fastELU($0, alpha: 0.5) } == [-0.5, -0.5, 3])
        let nans = each([-Float.nan, .nan]) { V.fastELU($0, alpha: 1) }
        #expect(nans[0].isNaN && nans[1].isNaN)
        #expect(each([9.1, -9.1, 1e-30]) { V.fastTanh($0) } == [1, -1, 1e-30])
    }
}
