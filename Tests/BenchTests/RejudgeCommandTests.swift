import BenchKit
import Foundation
import Testing

@Suite struct RejudgeCommandTests {
    static let results = RepositoryScript.root.appendingPathComponent("results")
    static let report = results.appendingPathComponent("throughput-1M.json").path

    /// By the rules it records, a committed run re-judged prints the table it printed, and writes
    /// the report it wrote; an option changes one constant.
    @Test func aCommittedRunRejudgedPrintsItsOwnTable() throws {
        let printed = try String(contentsOf: Self.results.appendingPathComponent("throughput-1M.txt"), encoding: .utf8)
        let o = try BenchProcess.run(["rejudge", Self.report])
        #expect(o.status == 0 && o.stdout == printed, "stderr: \(o.stderr)")
        let files = try ReportFiles(); defer { files.remove() }
        let out = try BenchProcess.run(["rejudge", Self.report, "--format", "json", "--output", files.path("r.json")])
        #expect(out.status == 0 && out.stdout == printed, "stderr: \(out.stderr)")
        #expect(try ThroughputReport.load(path: files.path("r.json")) == ThroughputReport.load(path: Self.report))
        let wide = try BenchProcess.run(["rejudge", Self.report, "--quiet-tolerance", "10%", "--disagreement-tolerance", "0.4",
                                         "--format", "markdown"])
        #expect(wide.status == 0 && wide.stdout.contains("(screen: probe 10%, round 5.0%, own 5.0%, off-CPU 2.0%; disagreement tolerance 40%)"))
        #expect(!wide.stdout.contains("rows' process medians differ"))
    }

    /// Malformed, truncated or incomplete reports exit 65 with one line naming the file; a missing one
    /// 66; a count report 68; contradictory or out-of-range options 64.
    @Test func exitCodes() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let text = try String(contentsOfFile: Self.report, encoding: .utf8)
        var incomplete = try ThroughputReport.load(path: Self.report)
        incomplete.results[2].processes = nil
        var unscreened = try ThroughputReport.load(path: Self.report)
        unscreened.configuration.screening = nil
        let cases: [([String], Int32)] = [
            ([try files.write("{", as: "bad.json")], 65),
            ([try files.write(String(text.prefix(text.count / 2)), as: "truncated.json")], 65),
            ([try files.write(incomplete, as: "incomplete.json")], 65),
            ([files.path("none.json")], 66),
            ([Self.results.appendingPathComponent("baselines").path + "/counts-swift-6-3-release-target-haswell-valgrind-3-19-0-sleef-3-5-1-glibc-2-36/default.json"], 68),
            ([Self.report, "--quiet-tolerance", "0"], 64),
            ([Self.report, "--own-tolerance", "5%", "--no-own-test"], 64),
            ([Self.report, "--pace-quorum", "0"], 64),
            // Screening options where nothing is screened: refused, not ignored.
            ([Self.report, "--no-screening", "--quiet-tolerance", "5%"], 64),
            ([try files.write(unscreened, as: "unscreened.json"), "--own-tolerance", "4%"], 64),
        ]
        for (arguments, status) in cases {
            let o = try BenchProcess.run(["rejudge"] + arguments)
            #expect(o.status == status, "\(arguments): stderr \(o.stderr)")
            if status == 65 || status == 66 {
                #expect(o.stderr.split(separator: "\n").count == 1 && o.stderr.contains(arguments[0]) && o.stdout.isEmpty, "\(o.stderr)")
            }
        }
        let o = try BenchProcess.run(["rejudge", files.path("incomplete.json")])
        #expect(o.stderr.contains("cannot re-judge: row ") && o.stderr.contains("has 0 processes' samples"))
    }
}
