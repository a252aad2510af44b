import Foundation
import Testing
import TestSupport
@testable import BenchKit

@Suite struct ThroughputReportRejudgingTests {
    static let results = PluginBuilder.packageRoot.appendingPathComponent("results")

    static func committed(_ name: String) throws -> ThroughputReport {
        try ThroughputReport.load(path: results.appendingPathComponent(name).path)
    }

    /// Committed runs made with today's rules (five processes at 1M, one process over eight sizes, two
    /// threads), re-judged by the rules they record, are themselves: every verdict, every row's
    /// samples, summary and process, every figure and note. The 1M table is the one the run printed.
    @Test func aRunRejudgedByItsOwnRulesIsItself() throws {
        for name in ["throughput-1M.json", "throughput-1M-repeat.json", "throughput-python-peers-1M.json",
                     "throughput-sizes.json", "threads-16M-2.json"] {
            let saved = try Self.committed(name)
            #expect(saved.configuration.rules == .standard, "\(name)")
            #expect(try saved.rejudged(by: saved.configuration.rules) == saved, "\(name)")
        }
        let printed = try String(contentsOf: Self.results.appendingPathComponent("throughput-1M.txt"), encoding: .utf8)
        #expect(try Self.committed("throughput-1M.json").rejudged(by: .standard).tableText() == printed)
    }

    /// A changed constant changes what it governs: a wider quiet band keeps more samples, a narrower
    /// one fewer; a state split wider than the gap between a run's two speed states puts its five
    /// processes in one state, and its rows may come from the process in the other state again. The
    /// two-state run is a fixture (a 1M run of the whole matrix whose process 1 read 1.80 ns against
    /// 1.56-1.58 ns), since whether a new run catches two states is up to the host.
    @Test func aChangedConstantChangesWhatItGoverns() throws {
        let saved = try Self.committed("throughput-1M.json")
        func quiet(_ tolerance: Double) throws -> Int {
            try saved.rejudged(by: ScreeningRules(quietTolerance: tolerance)).rounds.map { $0.quiet.filter { $0 }.count }.reduce(0, +)
        }
        let standard = saved.rounds.map { $0.quiet.filter { $0 }.count }.reduce(0, +)
        #expect(try quiet(0.01) < standard && standard < quiet(0.1))
        let wide = try saved.rejudged(by: ScreeningRules(quietTolerance: 0.1))
        #expect(wide.configuration.rules.quietTolerance == 0.1 && wide.tableText().contains("(screen: probe 10%, round 5.0%"))

        let repeatRun = try ThroughputReport.load(path: PluginBuilder.packageRoot
            .appendingPathComponent("Tests/Fixtures/throughput-1M-two-speed-states.json").path)
        #expect(repeatRun.speedStateNotes.count == 1 && !repeatRun.results.contains { $0.process == 1 })
        for rules in [ScreeningRules(stateSplit: 0.2), ScreeningRules(selectsSpeedState: false)] {
            let rejudged = try repeatRun.rejudged(by: rules)
            #expect(rejudged.speedStateNotes.isEmpty && rejudged.rowSources(at: 1 << 20).usual == [0, 1, 2, 3, 4])
            #expect(rejudged.rounds.map(\.quiet) == repeatRun.rounds.map(\.quiet))   // the samples' verdicts are the same
        }
        // Unscreened: every sample counts, no round logs, no warning.
        let all = try saved.rejudged(by: .standard, screened: false)
        #expect(all.configuration.screening == nil && all.rounds.isEmpty && all.screeningWarnings.isEmpty)
        #expect(all.results.allSatisfy { $0.rejectedNsPerElement.isEmpty && ($0.processes ?? []).allSatisfy(\.rejectedNsPerElement.isEmpty) })
    }

    /// A report that lacks, or contradicts, what re-judging needs is refused, saying where.
    @Test func aReportWithoutWhatRejudgingNeedsIsRefused() throws {
        let saved = try Self.committed("throughput-1M.json")
        func refusal(_ change: (inout ThroughputReport) -> Void) -> String? {
            var report = saved
            change(&report)
            do { _ = try report.rejudged(by: .standard); return nil } catch { return (error as? RejudgeError)?.description }
        }
        #expect(refusal { $0.results[3].processes = nil }?.contains("has 0 processes' samples, but the run had 5 processes") == true)
        #expect(refusal { $0.rounds.remove(at: 2) } == "size 1M, process 3: no round log (probe readings) in the report")
        #expect(refusal { $0.rounds[0].probeNsPerElement.removeLast() }?.hasPrefix("size 1M, process 1: the round log's") == true)
        #expect(refusal { $0.results[5].processes?[1].rejectedNsPerElement.append(1) }?.contains(", process 2: ") == true)
        #expect(refusal { $0.results.remove(at: 4) }?.contains("pieces per round, but the report has 68 rows") == true)
        #expect(refusal { $0.results = [] } == "the report holds no results")
    }
}
