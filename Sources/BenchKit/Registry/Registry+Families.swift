import SwiftKernels

/// The kernels of one implementation family, and the functions it lacks.
struct KernelFamily {
    var kernels: [Kernel]
    var missing: [MissingKernel] = []

    /// The family with every kernel marked as choosing its code path at run time.
    func dispatchingAtRunTime() -> KernelFamily {
        var family = self
        for i in family.kernels.indices { family.kernels[i].dispatchesAtRunTime = true }
        return family
    }
}

extension Registry {
    /// The five kernels of a family written as an `ActivationKernelSet`.
    static func family(_ set: ActivationKernelSet, implementation: String, isa: String, isAvailable: Bool,
                       library: String? = nil, budget: (ActivationFunction) -> Double?) -> KernelFamily {
        KernelFamily(kernels: ActivationFunction.allCases.map { function in
            let body: Kernel.Body
            switch function {
            case .sigmoid: body = .unary(set.sigmoid)
            case .tanh: body = .unary(set.tanh)
            case .elu: body = .elu(set.elu)
            case .geluErf: body = .unary(set.geluErf)
            case .geluTanh: body = .unary(set.geluTanh)
            }
            return Kernel(function: function, implementation: implementation, isa: isa, isAvailable: isAvailable,
                          ulpBudget: budget(function), library: library, body: body)
        })
    }

    /// A C entry point that takes the function as its code: `entry(code, input, output, count, alpha)`.
    typealias CodedEntry = @Sendable (Int32, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Float) -> Void

    /// A family behind one coded C entry point. `provides` says which functions the library has (the
    /// others become `missing` with `lacking` as the reason); `isa` and `note` may differ per function.
    static func codedFamily(implementation: String, library: String, isAvailable: Bool,
                            provides: (ActivationFunction) -> Bool = { _ in true },
                            lacking: String = "", isa: (ActivationFunction) -> String,
                            note: (ActivationFunction) -> String?,
                            positionDependence: (ActivationFunction) -> Kernel.PositionDependence? = { _ in nil },
                            entry: @escaping CodedEntry) -> KernelFamily {
        var family = KernelFamily(kernels: [])
        for function in ActivationFunction.allCases {
            guard provides(function) else {
                family.missing.append(MissingKernel(function: function, implementation: implementation, reason: lacking))
                continue
            }
            let code = function.code
            let body: Kernel.Body = function == .elu
                ? .elu { entry(code, $0, $1, $2, $3) }
                : .unary { entry(code, $0, $1, $2, 1) }
            family.kernels.append(Kernel(function: function, implementation: implementation, isa: isa(function),
                                         isAvailable: isAvailable, ulpBudget: nil, library: library,
                                         note: note(function), positionDependence: positionDependence(function),
                                         body: body))
        }
        return family
    }
}
