import BenchKit
import Foundation

/// Small hand-built report files in a fresh temporary directory, for the compare/export/baseline tests.
struct ReportFiles {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A report of sigmoid/tanh with every sample at `ns` times 1, 1.01, 0.99…; `ulp` as the max ulp.
    static func report(ns: Double = 1, ulp: Double = 1.5, machineKey: String = "Test CPU | avx2 | 2 cores") -> ThroughputReport {
        let machine = MachineInfo(cpuModel: "Test CPU", cpuFeatures: ["avx2"], logicalCores: 2, os: "Linux",
                                  swiftVersion: "6.3", buildConfiguration: "release", swiftTargetCPU: "native",
                                  swiftVectorISA: "avx2", sleefVersion: "3.5.1", mpfrVersion: "4.2.1",
                                  gitCommit: "abc1234", date: "2025-01-02T03:04:05Z", machineKey: machineKey)
        let configuration = RunConfiguration(command: "bench", sizes: [262_144], threads: 1, samples: 9, minSampleTime: 0.02,
                                             seed: 42, distribution: "uniform:-10:10", pinnedCPU: nil, quick: false,
                                             forcedDebugTiming: false, alpha: 1)
        let results = ["sigmoid", "tanh"].map { function in
            let samples = (0..<9).map { ns * (1 + 0.01 * Double($0 % 3 - 1)) }
            return KernelResult(function: function, implementation: "swift-simd8", isa: "avx2", size: 262_144, threads: 1,
                                batch: 4, samplesNsPerElement: samples, samplesCyclesPerElement: samples,
                                summary: .init(nsPerElement: samples, cyclesPerElement: samples), maxULP: ulp)
        }
        return ThroughputReport(machine: machine, configuration: configuration, results: results)
    }

    @discardableResult
    func write(_ report: ThroughputReport, as name: String) throws -> String {
        try write(String(decoding: try report.jsonData(), as: UTF8.self), as: name)
    }

    @discardableResult
    func write(_ text: String, as name: String) throws -> String {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        return path(name)
    }
}
