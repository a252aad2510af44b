import CKernels
import Testing
@testable import BenchKit

@Suite struct RegistryTests {
    let registry = Registry.standard

    @Test func idsAreUnique() {
        let ids = registry.kernels.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func everyFamilyCoversEveryFunction() {
        for implementation in ["swift-naive", "swift-libm", "swift-simd8", "swift-simd16",
                               "c-sleef-u10-avx2", "c-sleef-u10-avx512"] {
            for function in ActivationFunction.allCases {
                #expect(registry.kernel(function, implementation) != nil, "\(function)/\(implementation)")
            }
        }
        #expect(registry.kernel(.tanh, "c-sleef-u35-avx2") != nil)
        #expect(registry.kernel(.tanh, "c-sleef-u35-avx512") != nil)
        #expect(registry.kernel(.sigmoid, "c-sleef-u35-avx2") == nil)
    }

    @Test func availabilityFollowsTheCPU() {
        for kernel in registry.kernels {
            switch kernel.isa {
            case "avx512f" where kernel.implementation.hasPrefix("c-"):
                #expect(kernel.isAvailable == (ck_cpu_has_avx512f() != 0))
            case "avx2" where kernel.implementation.hasPrefix("c-"):
                #expect(kernel.isAvailable == (ck_cpu_has_avx2() != 0))
            default:
                #expect(kernel.isAvailable, "\(kernel.id)")
            }
        }
    }

    /// Our own families promise a budget except the naive one; a kernel without one is either that
    /// or comes from a library (a peer, libmvec), whose accuracy is measured instead of promised.
    @Test func onlyTheNaiveFamilyAndLibrariesHaveNoBudget() {
        for kernel in registry.kernels where kernel.ulpBudget == nil {
            #expect(kernel.implementation == "swift-naive" || kernel.library != nil, "\(kernel.id)")
        }
        for kernel in registry.kernels where kernel.implementation.hasPrefix("swift-") && kernel.implementation != "swift-naive" {
            #expect(kernel.ulpBudget != nil, "\(kernel.id)")
        }
    }

    @Test func unavailableKernelIsReportedNotRun() {
        // A kernel that would crash if called: the accuracy run must list it and leave it alone.
        let trap = Kernel(function: .sigmoid, implementation: "test-missing-isa", isa: "imaginary",
                          isAvailable: false, ulpBudget: 1, body: .unary { _, _, _ in fatalError("called") })
        let run = AccuracyRun(sample: AccuracySample(inputs: [0, 1]))
        let entries = run.measure([trap])
        #expect(entries.count == 1)
        #expect(entries[0].stats == nil)
    }

    @Test func unavailableRegistryKernelsAreListedNotRun() {
        let missing = registry.kernels.filter { !$0.isAvailable }
        let entries = AccuracyRun(sample: AccuracySample(inputs: [1])).measure(missing)
        #expect(entries.allSatisfy { $0.stats == nil })
        #expect(entries.count == missing.count)
    }

    @Test func referenceValueMatchesTheCLayout() {
        #expect(MemoryLayout<ReferenceValue>.stride == 16)
        #expect(MemoryLayout<ReferenceValue>.offset(of: \.lo) == 8)
    }

    @Test func selectionFilters() {
        let picked = registry.select(functions: [.elu], implementations: ["swift-libm", "swift-simd8"])
        #expect(picked.map(\.id) == ["elu/swift-libm", "elu/swift-simd8"])
    }
}
