import CKernels
import SwiftKernels

/// The one list of every kernel the suite knows. Tests, `bench` and the accuracy reports iterate it;
/// adding an implementation is adding its family to `families` (or loading a plugin).
public struct Registry: Sendable {
    public let kernels: [Kernel]
    /// Pairs a family does not provide (its library has no such function), listed so a table can say
    /// so instead of leaving a silent gap.
    public let missing: [MissingKernel]

    public init(kernels: [Kernel], missing: [MissingKernel] = []) {
        self.kernels = kernels
        self.missing = missing
    }

    /// Every kernel built into this binary, with availability from this CPU: our own families first,
    /// then the vector math libraries, then the peers.
    public static let standard: Registry = {
        let families = swiftKernels() + vectorMathKernels() + peerKernels()
        return Registry(kernels: families.flatMap(\.kernels), missing: families.flatMap(\.missing))
    }()

    /// This registry with more kernels (plugins, worker peers) after its own.
    public func adding(_ other: Registry) -> Registry {
        Registry(kernels: kernels + other.kernels, missing: missing + other.missing)
    }

    /// Implementation ids in registry order, without repeats.
    public var implementations: [String] {
        var seen = Set<String>()
        return (kernels.map(\.implementation) + missing.map(\.implementation)).filter { seen.insert($0).inserted }
    }

    public func kernel(_ function: ActivationFunction, _ implementation: String) -> Kernel? {
        kernels.first { $0.function == function && $0.implementation == implementation }
    }

    /// The kernels of the given functions and implementations (nil: all), in registry order.
    public func select(functions: [ActivationFunction]? = nil, implementations: [String]? = nil) -> [Kernel] {
        kernels.filter { kernel in
            (functions?.contains(kernel.function) ?? true) && (implementations?.contains(kernel.implementation) ?? true)
        }
    }

    /// Library versions of the families in this registry, e.g. `["oneDNN 2.6.3 (OpenMP)", ...]`.
    public var libraries: [String] {
        var seen = Set<String>()
        return kernels.compactMap(\.library).filter { seen.insert($0).inserted }
    }
}

/// A (function, implementation) pair a family lacks, and why.
public struct MissingKernel: Sendable {
    public let function: ActivationFunction
    public let implementation: String
    public let reason: String
}
