import Testing
@testable import BenchKit

/// The shared accuracy sample: 60,000 random bit patterns + 60,000 grid points over [-20, 20] + the
/// special values, with MPFR references per function, computed once for every test here.
enum AccuracyFixture {
    static let run = AccuracyRun(sample: AccuracySample(randomCount: 60_000, gridCount: 60_000))
    static let references: [ActivationFunction: [ReferenceValue]] = {
        var refs: [ActivationFunction: [ReferenceValue]] = [:]
        for function in ActivationFunction.allCases { refs[function] = run.references(for: function) }
        return refs
    }()

    static func stats(_ kernel: Kernel) -> AccuracyStats {
        AccuracyStats(inputs: run.sample.inputs, outputs: run.run(kernel), references: references[kernel.function]!)
    }

    /// Kernels this CPU can run that promise a budget. Unavailable ones (e.g. AVX-512 on an AVX2
    /// machine) cannot be checked here; RegistryTests checks they are listed and never called.
    static var budgetedKernels: [String] {
        Registry.standard.kernels.filter { $0.ulpBudget != nil && $0.isAvailable }.map(\.id)
    }

    static var availableKernels: [String] {
        Registry.standard.kernels.filter(\.isAvailable).map(\.id)
    }

    static func kernel(_ id: String) -> Kernel {
        Registry.standard.kernels.first { $0.id == id }!
    }
}

@Suite struct KernelAccuracyTests {
    @Test func sampleIsLargeEnough() {
        #expect(AccuracyFixture.run.sample.inputs.count >= 100_000)
    }

    @Test(arguments: AccuracyFixture.budgetedKernels)
    func withinBudgetAgainstMPFR(id: String) throws {
        let kernel = AccuracyFixture.kernel(id)
        try #require(kernel.isAvailable, "\(id) is unavailable on this CPU")
        let stats = AccuracyFixture.stats(kernel)
        let budget = try #require(kernel.budgetText)
        let normal = stats.maxULPNormalResult ?? 0, tiny = stats.maxTinyResultError ?? 0
        #expect(kernel.meetsBudget(stats) == true,
                "\(id): max \(stats.maxULP) ulp at \(stats.maxULPInput.debugDescription), \(normal) ulp where normal, \(tiny) where tiny (budget \(budget))")
        #expect(stats.finitenessMismatches == 0, "\(id): \(stats.finitenessMismatches) finiteness mismatches")
        print("accuracy \(id): max \(stats.maxULP) ulp at \(stats.maxULPInput) mean \(stats.meanULP) cr \(stats.correctlyRoundedShare)")
    }
}
