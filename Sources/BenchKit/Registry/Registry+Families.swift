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
    /// Why a family written as a kernel set lacks a function.
    static let notWritten = "no kernel written for it in this family"

    /// A family written as an `ActivationKernelSet`: a kernel per function the set has, in the
    /// table's order, and the others listed as missing. A set keyed by an id that names no function
    /// is a mistake in the set, which stops the registry here.
    static func family(_ set: ActivationKernelSet, implementation: String, isa: String, isAvailable: Bool,
                       library: String? = nil, tinyResultBound: Double? = nil,
                       budget: (ActivationFunction) -> Double?) -> KernelFamily {
        let unknown = set.functions.subtracting(ActivationFunction.allCases.map(\.rawValue))
        precondition(unknown.isEmpty, "\(implementation) has kernels for unknown functions \(unknown.sorted())")
        var family = KernelFamily(kernels: [])
        for function in ActivationFunction.allCases {
            guard let body = set[function.rawValue] else {
                family.missing.append(MissingKernel(function: function, implementation: implementation, reason: notWritten))
                continue
            }
            family.kernels.append(Kernel(function: function, implementation: implementation, isa: isa, isAvailable: isAvailable,
                                         ulpBudget: budget(function), tinyResultBound: tinyResultBound, library: library,
                                         body: body))
        }
        return family
    }

    /// A C entry point that takes the function as its code: `entry(code, input, output, count, alpha)`.
    typealias CodedEntry = @Sendable (Int32, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, Float) -> Void

    /// A family behind one coded C entry point. `provides` says which functions the library has (the
    /// others become `missing`, with `lacking` as the reason); `isa` and `note` may differ per function.
    static func codedFamily(implementation: String, library: String, isAvailable: Bool,
                            provides: (ActivationFunction) -> Bool = { _ in true },
                            lacking: (ActivationFunction) -> String = { _ in "" }, isa: (ActivationFunction) -> String,
                            note: (ActivationFunction) -> String?,
                            positionDependence: (ActivationFunction) -> Kernel.PositionDependence? = { _ in nil },
                            entry: @escaping CodedEntry) -> KernelFamily {
        var family = KernelFamily(kernels: [])
        for function in ActivationFunction.allCases {
            guard provides(function) else {
                family.missing.append(MissingKernel(function: function, implementation: implementation, reason: lacking(function)))
                continue
            }
            let code = function.code
            family.kernels.append(Kernel(function: function, implementation: implementation, isa: isa(function),
                                         isAvailable: isAvailable, ulpBudget: nil, library: library,
                                         note: note(function), positionDependence: positionDependence(function),
                                         body: { entry(code, $0, $1, $2, $3.alpha) }))
        }
        return family
    }
}
