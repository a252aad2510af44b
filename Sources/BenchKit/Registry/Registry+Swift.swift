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
        } + [fastFamily("swift-simd8-fast", FastKernels.simd8, isa: simdISA),
             fastFamily("swift-simd16-fast", FastKernels.simd16, isa: simdISA)]
    }

    /// The fast tier's budget: ulps where the exact result is a normal float (or not finite), and an
    /// absolute error of 2^-126 where it is below 2^-126, so subnormal results may flush to 0 and normal
    /// ones may not (`Kernel.tinyResultBound`). Each ulp figure is the kernel's exhaustive maximum
    /// (results/kernels/README.md) rounded up; GELU-tanh's grows in its tail, where the float argument
    /// w's relative error (~2^-23) becomes |w|·2^-23 relative in e^-|w| (|w| reaches 104).
    static func fastBudget(_ function: ActivationFunction) -> Double {
        switch function {
        case .sigmoid: return 4
        case .tanh: return 4
        case .elu: return 4
        case .geluErf: return 12
        case .geluTanh: return 256
        }
    }

    static func fastFamily(_ id: String, _ set: ActivationKernelSet, isa: String) -> KernelFamily {
        let plain = family(set, implementation: id, isa: isa, isAvailable: true) { fastBudget($0) }
        return KernelFamily(kernels: plain.kernels.map { k in
            Kernel(function: k.function, implementation: k.implementation, isa: k.isa, isAvailable: k.isAvailable,
                   ulpBudget: k.ulpBudget, tinyResultBound: Kernel.tinyResultLimit, body: k.body)
        })
    }
}
