import Testing
@testable import SwiftKernels

/// Both tiers list sigmoid, tanh and ELU from SharedKernels: the same results bit for bit, at both
/// widths, and each tier still has all five functions.
@Suite struct SharedKernelsTests {
    @Test func bothTiersRunTheSharedBodies() {
        var xs: [Float] = stride(from: Float(-110), through: 110, by: 0.173).map { $0 }
        xs += [.nan, .infinity, -.infinity, 0, -0.0, 0x1p-149, -0x1p-149, .greatestFiniteMagnitude]
        for (accurate, fast) in [(SIMDKernels.simd8, FastKernels.simd8), (SIMDKernels.simd16, FastKernels.simd16)] {
            #expect(Set(accurate.kernels.keys) == ["sigmoid", "tanh", "elu", "gelu-erf", "gelu-tanh"])
            #expect(Set(fast.kernels.keys) == Set(accurate.kernels.keys))
            for function in ["sigmoid", "tanh", "elu"] {
                var a = [Float](repeating: 1, count: xs.count), f = [Float](repeating: 2, count: xs.count)
                let parameters = KernelParameters(alpha: 0.75)
                accurate.kernels[function]!.run(xs, &a, xs.count, parameters)
                fast.kernels[function]!.run(xs, &f, xs.count, parameters)
                #expect(a.map(\.bitPattern) == f.map(\.bitPattern), "\(function)")
            }
        }
    }
}
