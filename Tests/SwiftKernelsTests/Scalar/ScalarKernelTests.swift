import Testing
@testable import SwiftKernels

/// Spot checks of the scalar families on values known in closed form; the full MPFR comparison is in
/// BenchKitTests.
@Suite struct ScalarKernelTests {
    func apply(_ kernel: UnaryKernel, _ xs: [Float]) -> [Float] {
        var out = [Float](repeating: .nan, count: xs.count)
        xs.withUnsafeBufferPointer { i in out.withUnsafeMutableBufferPointer { kernel(i.baseAddress!, $0.baseAddress!, xs.count) } }
        return out
    }

    @Test func closedFormValues() {
        for set in [NaiveKernels.set, LibmKernels.set, SIMDKernels.simd8, SIMDKernels.simd16] {
            #expect(apply(set.sigmoid, [0]) == [0.5])
            #expect(apply(set.tanh, [0]) == [0])
            #expect(apply(set.geluErf, [0]) == [0])
            #expect(apply(set.geluTanh, [0]) == [0])
        }
    }

    @Test func libmIsStableWhereNaiveIsNot() {
        #expect(apply(LibmKernels.set.sigmoid, [-100])[0] > 0)
        #expect(apply(NaiveKernels.set.sigmoid, [-100])[0] == 0)
        #expect(apply(LibmKernels.set.tanh, [100])[0] == 1)
        #expect(apply(NaiveKernels.set.tanh, [100])[0].isNaN)
    }
}
