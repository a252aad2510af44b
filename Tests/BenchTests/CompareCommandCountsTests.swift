import BenchKit
import Foundation
import Testing

/// `bench compare` on count reports end to end: the documented verdicts and exit codes.
@Suite struct CompareCommandCountsTests {
    @Test func equalCountsExit0() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let a = try files.write(ReportFiles.countReport(), as: "a.json")
        let o = try BenchProcess.run(["compare", a, a])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        #expect(o.stdout.hasPrefix("comparison passed: 0 regressed, 0 improved, 2 unchanged (2 identical)"))
    }

    @Test func aRiseAboveOnePercentExits1() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let base = try files.write(ReportFiles.countReport(), as: "base.json")
        let cur = try files.write(ReportFiles.countReport(tanhFactor: 1.02), as: "cur.json")
        let md = files.path("summary.md")
        let o = try BenchProcess.run(["compare", base, cur, "--format", "markdown", "--output", md])
        #expect(o.status == 1, "stderr: \(o.stderr)")
        #expect(o.stdout.contains("REGRESSED"))
        #expect(try String(contentsOfFile: md, encoding: .utf8).hasPrefix("## Instruction counts: FAILED"))
        // The threshold is the option's: 5% lets a 2% rise pass.
        #expect(try BenchProcess.run(["compare", base, cur, "--threshold", "5%"]).status == 0)
    }

    @Test func aFallIsAnImprovementAndExits0() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let base = try files.write(ReportFiles.countReport(), as: "base.json")
        let cur = try files.write(ReportFiles.countReport(tanhFactor: 0.9), as: "cur.json")
        let o = try BenchProcess.run(["compare", base, cur])
        #expect(o.status == 0)
        #expect(o.stdout.contains("1 improved"))
    }

    @Test func anotherToolchainExits67UnlessForced() throws {
        let files = try ReportFiles(); defer { files.remove() }
        var other = ReportFiles.toolchain
        other.swiftTargetCPU = "znver3"
        let base = try files.write(ReportFiles.countReport(toolchain: other), as: "base.json")
        let cur = try files.write(ReportFiles.countReport(), as: "cur.json")
        let o = try BenchProcess.run(["compare", base, cur])
        #expect(o.status == 67)
        #expect(o.stderr.contains("different toolchains") && o.stderr.contains("--force"))
        #expect(try BenchProcess.run(["compare", base, cur, "--force"]).status == 0)
    }

    @Test func countsAgainstTimesExit68EitherWay() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let counts = try files.write(ReportFiles.countReport(), as: "counts.json")
        let times = try files.write(ReportFiles.report(), as: "times.json")
        for (a, b) in [(times, counts), (counts, times)] {
            let o = try BenchProcess.run(["compare", a, b])
            #expect(o.status == 68, "stderr: \(o.stderr)")
            #expect(o.stderr.contains("compare counts with counts and timings with timings"))
        }
    }

    @Test func aTruncatedCountReportExits65() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let good = try files.write(ReportFiles.countReport(), as: "good.json")
        let text = String(decoding: try ReportFiles.countReport().jsonData(), as: UTF8.self)
        let cut = try files.write(String(text.prefix(text.count * 2 / 3)), as: "cut.json")
        for (a, b) in [(good, cut), (cut, good)] {
            let o = try BenchProcess.run(["compare", a, b])
            #expect(o.status == 65, "stderr: \(o.stderr)")
            #expect(o.stderr.contains("cut.json") && o.stderr.contains("not JSON"))
        }
    }

    @Test func aMissingCountBaselineExits66AndSaysHowToMakeOne() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let cur = try files.write(ReportFiles.countReport(), as: "cur.json")
        let o = try BenchProcess.run(["compare", "--baseline-name", "default", "--results-dir", files.path("results"), cur])
        #expect(o.status == 66)
        #expect(o.stderr.contains("bench count --save-baseline default"))
    }

    @Test func aStoredCountBaselineIsFoundByToolchain() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let results = ResultsDirectory(path: files.path("results"))
        let path = results.baselinePath(name: "default", machineKey: ReportFiles.toolchain.key)
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try ReportFiles.countReport().jsonData().write(to: URL(fileURLWithPath: path))
        let cur = try files.write(ReportFiles.countReport(tanhFactor: 1.5), as: "cur.json")
        let o = try BenchProcess.run(["compare", "--baseline-name", "default", "--results-dir", files.path("results"), cur])
        #expect(o.status == 1, "stderr: \(o.stderr)")
    }
}
