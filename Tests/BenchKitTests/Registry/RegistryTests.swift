import CKernels
import CReference
import SwiftKernels
import Testing
@testable import BenchKit

@Suite struct RegistryTests {
    let registry = Registry.standard

    @Test func idsAreUnique() {
        let ids = registry.kernels.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    /// Our families have all of the first five functions; a later one may come with a kernel in
    /// some families only (the others list it as not provided).
    @Test func everyFamilyCoversTheFiveFunctions() {
        for implementation in ["swift-naive", "swift-libm", "swift-simd8", "swift-simd16", "swift-simd8-fast",
                               "swift-simd16-fast", "c-sleef-u10-avx2", "c-sleef-u10-avx512"] {
            for function in [ActivationFunction.sigmoid, .tanh, .elu, .geluErf, .geluTanh] {
                #expect(registry.kernel(function, implementation) != nil, "\(function)/\(implementation)")
            }
        }
        #expect(registry.kernel(.tanh, "c-sleef-u35-avx2") != nil)
        #expect(registry.kernel(.tanh, "c-sleef-u35-avx512") != nil)
        #expect(registry.kernel(.sigmoid, "c-sleef-u35-avx2") == nil)
    }

    /// Each (function, implementation) pair of a family is either a kernel or a gap with its reason,
    /// and every function has at least one kernel.
    @Test func everyPairIsAKernelOrAGap() {
        for implementation in registry.implementations where implementation != "c-sleef-u35-avx2" && implementation != "c-sleef-u35-avx512" {
            for function in ActivationFunction.allCases {
                let kernels = registry.kernels.filter { $0.function == function && $0.implementation == implementation }
                let gaps = registry.missing.filter { $0.function == function && $0.implementation == implementation }
                #expect(kernels.count + gaps.count == 1, "\(function)/\(implementation)")
                #expect(gaps.allSatisfy { !$0.reason.isEmpty }, "\(function)/\(implementation)")
            }
        }
        for function in ActivationFunction.allCases {
            #expect(registry.kernels.contains { $0.function == function }, "\(function) has no kernel")
        }
    }

    /// The other lists key their entries by the table's ids: each must name a function, and each
    /// function must have its MPFR form.
    @Test func everyListNamesTheTablesFunctions() {
        let ids = Set(ActivationFunction.allCases.map(\.rawValue))
        for set in [NaiveKernels.set, LibmKernels.set, SIMDKernels.simd8, SIMDKernels.simd16, FastKernels.simd8, FastKernels.simd16] {
            #expect(set.functions.isSubset(of: ids), "\(set.functions.subtracting(ids))")
        }
        #expect(Set(Registry.vectorMathFunctions).isSubset(of: ids), "\(Registry.vectorMathFunctions)")
        for function in ActivationFunction.allCases {
            #expect(cr_function_named(function.rawValue) >= 0, "no MPFR form for \(function)")
        }
    }

    /// The C peers take a function as its position in the table (`code`; `enum cp_function` in
    /// CPeers.h): the codes they were written against must still name the same functions, so a new
    /// function goes last.
    @Test func peerCodesAreStable() {
        let written: [ActivationFunction] = [.sigmoid, .tanh, .elu, .geluErf, .geluTanh]
        #expect(written.map(\.code) == [0, 1, 2, 3, 4])
    }

    /// The table's rows are complete: a formula, a Double reference that agrees with MPFR at a
    /// few points, and a derivative that agrees with a central difference of the reference.
    @Test func tableRowsAreConsistent() {
        for function in ActivationFunction.allCases {
            let d = function.definition
            #expect(!d.formula.isEmpty && d.latex.hasPrefix("$"), "\(function)")
            for x: Float in [-3, -0.5, 0.25, 2] {
                let r = Reference.evaluate(.activation(function), x, alpha: 1.5)
                let v = d.reference(Double(x), KernelParameters(alpha: 1.5))
                #expect(abs(v - r.hi) <= abs(r.hi) * 1e-14, "\(function)(\(x)): \(v) vs MPFR \(r.hi)")
                if let derivative = d.derivative {
                    let h = 1e-6, xd = Double(x)
                    let difference = (d.reference(xd + h, KernelParameters(alpha: 1.5)) - d.reference(xd - h, KernelParameters(alpha: 1.5))) / (2 * h)
                    #expect(abs(derivative.value(xd, KernelParameters(alpha: 1.5)) - difference) <= 1e-6, "\(function)'(\(x))")
                }
            }
        }
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
                          isAvailable: false, ulpBudget: 1, body: { _, _, _, _ in fatalError("called") })
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
