@testable import BenchKit
import Foundation
import Testing

@Suite struct ResultsDirectoryTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("results-\(UUID().uuidString)").path

    @Test(arguments: [
        ("AMD EPYC | avx2 | 2 cores", "amd-epyc-avx2-2-cores"),
        ("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz | avx512f | 8 cores", "intel-r-xeon-r-platinum-8375c-cpu-2-90ghz-avx512f-8-cores"),
        ("  ", "unknown-machine"),
        ("Ünïcode ✓ CPU", "n-code-cpu"),
    ])
    func slugIsAPlainDirectoryName(key: String, slug: String) {
        #expect(ResultsDirectory.slug(key) == slug)
    }

    @Test(arguments: ["default", "v1.2", "main_2025-01"])
    func goodBaselineNames(name: String) throws { try ResultsDirectory.checkBaselineName(name) }

    @Test(arguments: ["", ".hidden", "a/b", "..", "x y", "é"])
    func badBaselineNames(name: String) {
        #expect(throws: UsageError.self) { try ResultsDirectory.checkBaselineName(name) }
    }

    @Test func layout() {
        let dir = ResultsDirectory(path: root)
        #expect(dir.baselinePath(name: "default", machineKey: "AMD EPYC | avx2 | 2 cores")
                == root + "/baselines/amd-epyc-avx2-2-cores/default.json")
        #expect(dir.latestPath(machineKey: "AMD EPYC | avx2 | 2 cores") == root + "/latest/amd-epyc-avx2-2-cores.json")
    }

    @Test func historyFilesAreNeverOverwritten() throws {
        let dir = ResultsDirectory(path: root)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var report = ReportFixture.report()
        report.machine.gitCommit = "abc1234+dirty"
        let first = dir.newHistoryPath(for: report)
        #expect(first == root + "/history/20250102T030405Z-abc1234-dirty.json")
        try dir.write(report, to: first)
        let second = dir.newHistoryPath(for: report)
        #expect(second == root + "/history/20250102T030405Z-abc1234-dirty-2.json")
        try dir.write(report, to: second)
        #expect(try ThroughputReport.load(path: second) == report)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/history").sorted()
                == ["20250102T030405Z-abc1234-dirty-2.json", "20250102T030405Z-abc1234-dirty.json"])
    }
}
