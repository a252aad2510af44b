@testable import BenchKit

/// A small report with known figures, shared by the Results tests.
enum ReportFixture {
    static let machine = MachineInfo(
        cpuModel: "Test CPU 9000", cpuFeatures: ["avx2", "avx512f"], logicalCores: 2, os: "Linux 6.1",
        swiftVersion: "6.3.1", buildConfiguration: "release", swiftTargetCPU: "native", swiftVectorISA: "avx512",
        sleefVersion: "3.6", mpfrVersion: "4.2.1", gitCommit: "abc1234", date: "2025-01-02T03:04:05Z",
        machineKey: "test-cpu-9000/avx512/2")

    /// Per size: exp (naive 2 ns, simd 0.25 ns, sleef 0.3 ns), gelu (naive 4 ns, simd 0.5 ns) and the
    /// copy at 0.125 ns; each size below 1M runs twice as fast. Relative figures filled.
    static func report(sizes: [Int] = [1 << 20], samples: Int = 5) -> ThroughputReport {
        var results: [KernelResult] = []
        for size in sizes {
            let scale = size >= 1 << 20 ? 1.0 : 0.5
            let rows: [(String, String, String, Double, Double?)] = [
                ("exp", "swift-naive", "scalar", 2, 0.5),
                ("exp", "swift-simd16", "avx512", 0.25, 1.5),
                ("exp", "c-sleef-u10-avx512", "avx512", 0.3, .infinity),
                ("gelu", "swift-naive", "scalar", 4, nil),
                ("gelu", "swift-simd16", "avx512", 0.5, 2),
                ("copy", "memcpy", "libc", 0.125, nil),
            ]
            for (function, impl, isa, ns, ulp) in rows {
                let base = ns * scale
                let samples = (0..<samples).map { base * (1 + 0.01 * Double($0 % 3)) }
                results.append(KernelResult(
                    function: function, implementation: impl, isa: isa, size: size, threads: 1, batch: 16,
                    samplesNsPerElement: samples, samplesCyclesPerElement: samples.map { $0 * 3 },
                    // Summary of the base figure alone, so the expected table figures are exact.
                    summary: .init(nsPerElement: [base], cyclesPerElement: [base * 3]), maxULP: ulp))
            }
        }
        let configuration = RunConfiguration(
            command: "bench --all --size 1M", sizes: sizes, threads: 1, samples: samples, minSampleTime: 0.01,
            seed: 42, distribution: "uniform:-10:10", pinnedCPU: nil, quick: false, forcedDebugTiming: false,
            alpha: 1.0)
        var report = ThroughputReport(machine: machine, configuration: configuration, results: results)
        report.fillRelativeFigures()
        return report
    }

    /// One process's report for `combining`: the fixture with every row's samples scaled by `factor`
    /// for the rows `slow` names (function/implementation), or by `all` for every row but the copy,
    /// and a one-round probe log with `band`.
    static func process(slow: [String: Double] = [:], all: Double = 1, band: Double? = nil) -> ThroughputReport {
        var report = Self.report()
        for i in report.results.indices {
            let row = report.results[i]
            let factor = (slow["\(row.function)/\(row.implementation)"] ?? 1) * (row.function == "copy" ? 1 : all)
            let samples = row.samplesNsPerElement.map { $0 * factor }
            report.results[i].samplesNsPerElement = samples
            report.results[i].summary = .init(nsPerElement: samples, cyclesPerElement: samples.map { $0 * 3 })
        }
        report.rounds = [RoundLog(size: 1 << 20, piecesPerRound: 6, probeNsPerElement: [5, 5], quiet: [true],
                                  band: band.map { $0...($0 * 1.03) }, duration: 1)]
        return report
    }

    /// `processes` combined as `bench --processes N` does.
    static func combine(_ processes: [ThroughputReport]) throws -> ThroughputReport {
        var configuration = report().configuration
        configuration.processes = processes.count
        return try ThroughputReport.combining(processes, machine: machine, configuration: configuration)
    }
}
