import Testing
@testable import BenchKit

@Suite struct CountReportAssemblyTests {
    @Test func avx512KernelsAreExcludedWithTheReason() {
        let (counted, excluded) = CountReport.partition(Registry.standard.kernels)
        #expect(!counted.contains { $0.isa.hasPrefix("avx512") })
        #expect(excluded.contains(.init(implementation: "c-sleef-u10-avx512", reason: CountReport.avx512Reason)))
        #expect(counted.contains { $0.implementation == "swift-naive" })
    }

    @Test func eachKernelLosesTheHarness() throws {
        let kernels = Registry.standard.select(functions: [.sigmoid, .elu], implementations: ["swift-naive"])
        var dumps: [String: UInt64] = [:]
        for r in 1...2 {
            dumps[CountWorker.label("harness-kernel", repeat: r)] = 70
            dumps[CountWorker.label("sigmoid/swift-naive", repeat: r)] = 1070
            dumps[CountWorker.label("elu/swift-naive", repeat: r)] = 2070
        }
        let report = try CountReport.assemble(dumps: dumps, kernels: kernels, size: 100, repeats: 2, machine: ReportFixture.machine,
                                              toolchain: CountFixture.toolchain, configuration: ("bench count", 42, "u", 1), excluded: [])
        #expect(report.results.map(\.instructionsPerElement) == [10, 20])
        #expect(report.configuration.harnessInstructions == ["kernel": 70])
    }

    @Test func aMissingDumpIsAnError() {
        let kernels = Registry.standard.select(functions: [.tanh], implementations: ["swift-naive"])
        #expect(throws: CallgrindRun.RunError.self) {
            try CountReport.assemble(dumps: [:], kernels: kernels, size: 100, repeats: 1, machine: ReportFixture.machine,
                                     toolchain: CountFixture.toolchain, configuration: ("bench count", 42, "u", 1), excluded: [])
        }
    }

    @Test func theValgrindLogIsExplained() {
        #expect(CallgrindRun.explain(log: "vex amd64->IR: unhandled instruction bytes: 0x62").contains("AVX-512"))
        #expect(CallgrindRun.explain(log: "Valgrind: debuginfo reader: Possibly corrupted debuginfo file.").contains("DWARF"))
    }
}
