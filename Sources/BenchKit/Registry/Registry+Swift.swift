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
        }
    }
}
