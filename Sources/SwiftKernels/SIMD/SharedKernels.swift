/// Tanh and ELU as array kernels at one width: one body each (FloatVector+FastActivations.swift),
/// listed by both tiers, SIMDKernels and FastKernels, whose `make` adds its own sigmoid and GELUs.
/// Inlined into each `make`, so every closure is specialised per width.
enum SharedKernels {
    @inline(__always)
    static func entries<V: FloatVector>(_: V.Type) -> [String: ActivationKernelSet.Entry] {
        [
            "tanh": .kernel { input, output, count, _ in forEachVector(input, output, count, as: V.self) { V.fastTanh($0) } },
            "elu": .kernel { input, output, count, parameters in
                let alpha = parameters.alpha
                forEachVector(input, output, count, as: V.self) { V.fastELU($0, alpha: alpha) }
            },
        ]
    }

    /// `entries` and a tier's own kernels in one set (a function listed twice is a programming error).
    @inline(__always)
    static func set<V: FloatVector>(_: V.Type, adding own: [String: ActivationKernelSet.Entry]) -> ActivationKernelSet {
        ActivationKernelSet(entries(V.self).merging(own) { _, _ in preconditionFailure("a function listed twice in a kernel set") })
    }
}
