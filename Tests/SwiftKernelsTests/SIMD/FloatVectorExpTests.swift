import Foundation
import Testing
@testable import SwiftKernels

/// The Float vector exp/expm1 against the C library's double versions (rounded once to Float, so within
/// 0.5 ulp of exact); the activations' own MPFR checks are in BenchKitTests.
@Suite struct FloatVectorExpTests {
    typealias V = SIMD16<Float>

    func ulps(_ y: Float, _ exact: Double) -> Double {
        let spacing = Double(Float(exact).ulp == 0 ? Float.leastNonzeroMagnitude : Swift.max(Float(exact).ulp, Float.leastNonzeroMagnitude))
        return abs(Double(y) - exact) / spacing
    }

    func evaluate(_ xs: [Float], _ f: (V) -> V) -> [Float] {
        var out: [Float] = []
        var i = 0
        while i < xs.count {
            var v = V()
            for lane in 0..<16 where i + lane < xs.count { v[lane] = xs[i + lane] }
            let y = f(v)
            for lane in 0..<16 where i + lane < xs.count { out.append(y[lane]) }
            i += 16
        }
        return out
    }

    @Test func expWithinOneULPIncludingSubnormalResults() {
        let xs = stride(from: Float(-105), through: 88.7, by: 0.0137).map { $0 }
        let ys = evaluate(xs) { V.exp($0) }
        let worst = zip(xs, ys).map { ulps($1, Foundation.exp(Double($0))) }.max()!
        #expect(worst <= 1.5, "max \(worst) ulp")
    }

    @Test func expm1WithinTwoULP() {
        var xs = stride(from: Float(-20), through: 18.5, by: 0.0031).map { $0 }
        xs += [1e-7, -1e-7, 1e-30, -1e-30, 0x1p-149, -0x1p-149]
        let ys = evaluate(xs) { V.expm1($0) }
        let worst = zip(xs, ys).map { ulps($1, Foundation.expm1(Double($0))) }.max()!
        #expect(worst <= 2, "max \(worst) ulp")
    }

    @Test func reducedExpPartsAreWithinAFractionOfAFloatULP() {
        // hi + lo against e^t in Double, over the reduced range the GELU kernels call it on.
        var worst = 0.0
        for t in stride(from: -0.3476, through: 0.3476, by: 0.0000173) {
            let v = V(repeating: Float(t))
            let (hi, lo) = V.expReducedParts(v)
            let exact = Foundation.exp(Double(v[0]))
            worst = max(worst, abs((Double(hi[0]) + Double(lo[0])) / exact - 1))
            #expect(hi[0] == 1 + v[0])
        }
        #expect(worst < 0.3 * 0x1p-24, "max relative \(worst)")  // the fit promises 0.07·2^-24, rounding ~0.1
    }

    @Test func pow2BuildsExactPowers() {
        let k = SIMD16<Int32>(-126, -100, -1, 0, 1, 2, 50, 127, -126, -126, -126, -126, -126, -126, -126, -126)
        let p = V.pow2(k)
        for lane in 0..<8 { #expect(p[lane] == Float(sign: .plus, exponent: Int(k[lane]), significand: 1)) }
    }
}
