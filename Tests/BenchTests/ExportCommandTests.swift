import BenchKit
import Foundation
import Testing

@Suite struct ExportCommandTests {
    @Test func githubActionBenchmarkJSON() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let report = try files.write(ReportFiles.report(ns: 0.5), as: "r.json")
        let o = try BenchProcess.run(["export", "--github-action-benchmark", report])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let entries = try JSONDecoder().decode([GitHubActionBenchmarkEntry].self, from: Data(o.stdout.utf8))
        #expect(entries.map(\.name) == ["sigmoid/swift-simd8@256K", "tanh/swift-simd8@256K"])
        #expect(entries.allSatisfy { $0.unit == "Gelem/s" && $0.value == 2 })
    }

    @Test func exitCodes() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let bad = try files.write("{", as: "bad.json")
        #expect(try BenchProcess.run(["export", "--github-action-benchmark", bad]).status == 65)
        #expect(try BenchProcess.run(["export", "--github-action-benchmark", files.path("none.json")]).status == 66)
        #expect(try BenchProcess.run(["export", bad]).status == 64)
    }
}
