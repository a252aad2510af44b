import CKernels
import SwiftKernels

/// The one list of every kernel the suite knows. Tests, `bench` and the accuracy reports iterate it;
/// adding an implementation is adding its entries here.
public struct Registry: Sendable {
    public let kernels: [Kernel]

    public init(kernels: [Kernel]) { self.kernels = kernels }

    /// Every kernel built into this binary, with availability from this CPU.
    public static let standard = Registry(kernels: swiftKernels() + sleefKernels())

    /// Implementation ids in registry order, without repeats.
    public var implementations: [String] {
        var seen = Set<String>()
        return kernels.map(\.implementation).filter { seen.insert($0).inserted }
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
}

extension Registry {
    /// The Swift families. Their ISA is what the compiler targeted (`-target-cpu`, see Package.swift),
    /// which is this machine's when built with the default `native`.
    static func swiftKernels() -> [Kernel] {
        let simdISA = Machine.swiftVectorISA
        let families: [(String, String, Double?, ActivationKernelSet)] = [
            ("swift-naive", "scalar", nil, NaiveKernels.set),
            ("swift-libm", "scalar", 1, LibmKernels.set),
            ("swift-simd8", simdISA, 4, SIMDKernels.simd8),
            ("swift-simd16", simdISA, 4, SIMDKernels.simd16),
        ]
        return families.flatMap { id, isa, budget, set in
            kernels(of: set, implementation: id, isa: isa, isAvailable: true) { _ in budget }
        }
    }

    /// The SLEEF families, one per ISA, each available only where the CPU has that ISA.
    /// Budgets: the primitive's promise (u10: 1 ulp; SLEEF's erfc is u15) plus the activation's own
    /// roundings, measured over all 2^32 inputs (see results/).
    static func sleefKernels() -> [Kernel] {
        let avx2 = ck_cpu_has_avx2() != 0
        let avx512 = ck_cpu_has_avx512f() != 0
        let u10Budget: (ActivationFunction) -> Double? = { function in
            switch function {
            case .sigmoid: return 3
            case .tanh: return 1.5
            case .elu: return 2
            case .geluErf: return 4
            case .geluTanh: return 3
            }
        }
        let u10avx2 = ActivationKernelSet(
            sigmoid: { ck_sigmoid_u10_avx2($0, $1, $2) }, tanh: { ck_tanh_u10_avx2($0, $1, $2) },
            elu: { ck_elu_u10_avx2($0, $1, $2, $3) }, geluErf: { ck_gelu_erf_u10_avx2($0, $1, $2) },
            geluTanh: { ck_gelu_tanh_u10_avx2($0, $1, $2) })
        let u10avx512 = ActivationKernelSet(
            sigmoid: { ck_sigmoid_u10_avx512($0, $1, $2) }, tanh: { ck_tanh_u10_avx512($0, $1, $2) },
            elu: { ck_elu_u10_avx512($0, $1, $2, $3) }, geluErf: { ck_gelu_erf_u10_avx512($0, $1, $2) },
            geluTanh: { ck_gelu_tanh_u10_avx512($0, $1, $2) })
        return kernels(of: u10avx512, implementation: "c-sleef-u10-avx512", isa: "avx512f", isAvailable: avx512, budget: u10Budget)
            + kernels(of: u10avx2, implementation: "c-sleef-u10-avx2", isa: "avx2", isAvailable: avx2, budget: u10Budget)
            + [
                Kernel(function: .tanh, implementation: "c-sleef-u35-avx512", isa: "avx512f", isAvailable: avx512,
                       ulpBudget: 3.5, body: .unary { ck_tanh_u35_avx512($0, $1, $2) }),
                Kernel(function: .tanh, implementation: "c-sleef-u35-avx2", isa: "avx2", isAvailable: avx2,
                       ulpBudget: 3.5, body: .unary { ck_tanh_u35_avx2($0, $1, $2) }),
            ]
    }

    /// The five kernels of one family.
    static func kernels(of set: ActivationKernelSet, implementation: String, isa: String, isAvailable: Bool,
                        budget: (ActivationFunction) -> Double?) -> [Kernel] {
        ActivationFunction.allCases.map { function in
            let body: Kernel.Body
            switch function {
            case .sigmoid: body = .unary(set.sigmoid)
            case .tanh: body = .unary(set.tanh)
            case .elu: body = .elu(set.elu)
            case .geluErf: body = .unary(set.geluErf)
            case .geluTanh: body = .unary(set.geluTanh)
            }
            return Kernel(function: function, implementation: implementation, isa: isa,
                          isAvailable: isAvailable, ulpBudget: budget(function), body: body)
        }
    }
}
