import SwiftKernels

extension Registry {
    /// The Swift families. Their ISA is what the compiler targeted (`-target-cpu`, see Package.swift),
    /// which is this machine's when built with the default `native`.
    static func swiftKernels() -> [KernelFamily] {
        let simdISA = Machine.swiftVectorISA
        let families: [(String, String, Double?, ActivationKernelSet)] = [
            ("swift-naive", "scalar", nil, NaiveKernels.set),
            ("swift-libm", "scalar", 1, LibmKernels.set),
            ("swift-simd8", simdISA, 4, SIMDKernels.simd8),
            ("swift-simd16", simdISA, 4, SIMDKernels.simd16),
        ]
        return families.map { id, isa, budget, set in
            family(set, implementation: id, isa: isa, isAvailable: true) { _ in budget }
        } + [("swift-simd8-fast", FastKernels.simd8), ("swift-simd16-fast", FastKernels.simd16)].map { id, set in
            family(set, implementation: id, isa: simdISA, isAvailable: true, tinyResultBound: Kernel.tinyResultLimit) {
                fastBudgets[$0]
            }
        }
    }

    /// The fast tier's budget: ulps where the exact result is a normal float (or not finite), and an
    /// absolute error of 2^-126 where it is below 2^-126, so subnormal results may flush to 0 and normal
    /// ones may not (`Kernel.tinyResultBound`). Each ulp figure is the kernel's exhaustive maximum
    /// (results/kernels/README.md) rounded up. The sigmoid's grows as x falls, where the reduction's
    /// one-float ln2 puts |n|·1.9e-9 relative into e^x; GELU-tanh's grows in its tail, where the
    /// float argument w's relative error (~2^-23) becomes |w|·2^-23 relative in e^-|w| (|w| reaches
    /// 104). A fast kernel of a function not listed here promises nothing.
    static let fastBudgets: [ActivationFunction: Double] = [
        .sigmoid: 6, .tanh: 4, .elu: 4, .geluErf: 12, .geluTanh: 256,
    ]
}
