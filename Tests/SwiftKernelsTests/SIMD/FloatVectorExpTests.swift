import Foundation
import Testing
@testable import SwiftKernels

/// The accurate GELUs' reduced exponential against the C library's double exp; the activations' own
/// MPFR checks are in BenchKitTests, the other exponentials' in FastMathTests.
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
}
