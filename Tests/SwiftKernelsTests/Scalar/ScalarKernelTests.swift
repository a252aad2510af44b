import Testing
@testable import SwiftKernels

/// Spot checks of the scalar families on values known in closed form; the full MPFR comparison is in
/// BenchKitTests.
@Suite struct ScalarKernelTests {
    func apply(_ kernel: ActivationKernel?, _ xs: [Float]) -> [Float] {
        guard let kernel else { return [] }
        var out = [Float](repeating: .nan, count: xs.count)
        xs.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { kernel(i.baseAddress!, $0.baseAddress!, xs.count, KernelParameters()) }
        }
        return out
    }

    @Test func closedFormValues() {
        for set in [NaiveKernels.set, LibmKernels.set, SIMDKernels.simd8, SIMDKernels.simd16] {
            #expect(apply(set["sigmoid"], [0]) == [0.5])
            #expect(apply(set["tanh"], [0]) == [0])
            #expect(apply(set["elu"], [0]) == [0])
            #expect(apply(set["gelu-erf"], [0]) == [0])
            #expect(apply(set["gelu-tanh"], [0]) == [0])
        }
    }

    @Test func libmIsStableWhereNaiveIsNot() {
        #expect(apply(LibmKernels.set["sigmoid"], [-100]) == [Float(bitPattern: 27)])   // e^-100 = 26.55·2^-149, rounded
        #expect(apply(NaiveKernels.set["sigmoid"], [-100]) == [0])
        #expect(apply(LibmKernels.set["tanh"], [100]) == [1])
        #expect(apply(NaiveKernels.set["tanh"], [100]).first?.isNaN == true)
    }

    @Test func eluReadsAlphaFromTheParameters() {
        let kernel = NaiveKernels.set["elu"]!
        var out: [Float] = [0, 0]
        [Float(-100), 2].withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { kernel(i.baseAddress!, $0.baseAddress!, 2, KernelParameters(alpha: 0.5)) }
        }
        #expect(out == [-0.5, 2])
    }
}
