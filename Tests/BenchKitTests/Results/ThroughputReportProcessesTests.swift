import Foundation
import Testing
@testable import BenchKit

@Suite struct ThroughputReportProcessesTests {
    func process(slow: [String: Double] = [:], band: Double? = nil) -> ThroughputReport {
        ReportFixture.process(slow: slow, band: band)
    }

    func combine(_ processes: [ThroughputReport]) throws -> ThroughputReport {
        try ReportFixture.combine(processes)
    }

    func row(_ report: ThroughputReport, _ id: String) throws -> KernelResult {
        try #require(report.results.first { "\($0.function)/\($0.implementation)" == id })
    }

    /// Of two processes the faster counts; a kernel slow in one process does not move the figure.
    @Test func twoProcessesTakeTheFaster() throws {
        let combined = try combine([process(slow: ["exp/swift-simd16": 1.6]), process(slow: ["gelu/swift-naive": 1.1])])
        let simd = try row(combined, "exp/swift-simd16")
        let median = 0.25 * (1 + 0.01 * 1)   // the fixture's median sample of this row
        #expect(simd.process == 2 && simd.summary.medianNsPerElement == median)
        #expect(simd.processes?.map(\.medianNsPerElement) == [median * 1.6, median])
        let naive = try row(combined, "gelu/swift-naive")
        #expect(naive.process == 1 && naive.samplesNsPerElement == ReportFixture.report().results[3].samplesNsPerElement)
        // Equal medians: the first process.
        #expect(try row(combined, "copy/memcpy").process == 1)
        #expect(combined.results.allSatisfy { $0.maxULP == nil && $0.processes?.count == 2 })
    }

    /// Of three, the middle one: neither one slow process nor one fast one sets the figure.
    @Test func threeProcessesTakeTheMiddle() throws {
        let combined = try combine([process(slow: ["exp/swift-naive": 0.8]), process(slow: ["exp/swift-naive": 1.5]),
                                    process()])
        let naive = try row(combined, "exp/swift-naive")
        #expect(naive.process == 3)
        #expect(naive.summary.medianNsPerElement == ReportFixture.report().results[0].samplesNsPerElement.sorted()[2])
        #expect(ThroughputReport.lowerMedianIndex([3, 1, 2, 0]) == 1)   // 0, 1, 2, 3: the lower median is 1
        #expect(ThroughputReport.lowerMedianIndex([2, 1, 1]) == 2)      // equal values in index order: 1, 1, 2
        #expect(ThroughputReport.lowerMedianIndex([1, 1]) == 0)
    }

    @Test func everyProcessesRoundLogIsKeptAndMarked() throws {
        let combined = try combine([process(), process(), process()])
        #expect(combined.rounds.map(\.process) == [1, 2, 3])
        #expect(combined.configuration.processes == 3)
    }

    @Test func processesThatMeasuredOtherKernelsAreRefused() throws {
        var other = process()
        other.results.removeLast()
        #expect(throws: ThroughputReport.CombineError.self) { try combine([process(), other]) }
        #expect(throws: ThroughputReport.CombineError.self) { try combine([]) }
    }

    /// Processes more than the round tolerance apart on some kernel get one NOTE per size, under the
    /// table, naming the worst; processes that agree get none, and the copy row is never noted.
    /// The footer names the rule.
    @Test func disagreeingProcessesAreNoted() throws {
        let agreeing = try combine([process(slow: ["exp/swift-simd16": 1.04, "copy/memcpy": 1.2]), process()])
        #expect(agreeing.processDisagreements.isEmpty)
        var apart = try combine([process(slow: ["exp/swift-simd16": 1.2, "gelu/swift-naive": 1.5]), process()])
        apart.fillRelativeFigures()
        #expect(apart.processDisagreements == [
            "NOTE: size 1M: 2 of 5 rows' process medians differ by more than 5.0%; worst gelu/swift-naive, 50% "
                + "(6.06, 4.04 ns/elem); each row shows the lower median of its processes."])
        let table = apart.tableText()
        #expect(table.contains("lower median over 2 processes of the median of 5 samples"))
        #expect(table.contains("NOTE: size 1M: 2 of 5 rows"))
    }

    /// Process bands as recorded: the fast state (4.4-4.5 ns) against the usual one (5.2-5.4) and a
    /// neighbour's busy spell (9.9). The usual state is the one most processes are in, within 25% of
    /// the fastest; of two as large, the slower.
    @Test func theUsualSpeedStateIsTheOneMostProcessesAreIn() {
        let usual = ThroughputReport.usualStateProcesses
        #expect(usual([5.38, 4.45, 4.46, 4.44, 4.47]) == [1, 2, 3, 4])    // run 01 of processes-5-fast-hour
        #expect(usual([5.25, 4.47, 4.47, 4.47, 4.46]) == [1, 2, 3, 4])    // run 09 of processes-5: fast again
        #expect(usual([5.28, 4.44, 5.3, 4.47, 5.26]) == [0, 2, 4])
        #expect(usual([5.28, 4.44, 4.45, 5.26]) == [0, 3])                // two and two: the slower
        #expect(usual([5.27, 5.33, 5.37, 5.38, 5.45]) == [0, 1, 2, 3, 4])  // 3.4% apart: one state
        #expect(usual([5.3, 9.9, 9.8, 9.9]) == [0])                      // a busy spell is beyond the reach
        #expect(usual([4.45, 5.3, 9.9]) == [1])                           // one each: the slowest within reach
        #expect(usual([9.9, 9.8]) == [0, 1])
        #expect(usual([5.3, nil, 4.4]) == [0, 1, 2])                      // a process without a band: all count
        #expect(usual([]) == [])
    }

    /// Two of five processes in the fast state: every row comes from the three usual ones (their lower
    /// median), a NOTE names the others, and the disagreement NOTE looks at the usual ones only.
    @Test func processesInTheLessCommonSpeedStateDoNotSetTheRows() throws {
        let combined = try combine([process(slow: ["exp/swift-naive": 1.02], band: 5.28), process(slow: ["exp/swift-naive": 0.85], band: 4.44),
                                    process(band: 5.3), process(slow: ["exp/swift-naive": 0.85], band: 4.47),
                                    process(band: 5.26)])
        let naive = try row(combined, "exp/swift-naive")
        let medians = try #require(naive.processes).map(\.medianNsPerElement)
        #expect(naive.process == 5 && naive.summary.medianNsPerElement == medians[4] && medians[4] < medians[0])
        #expect(combined.results.allSatisfy { [1, 3, 5].contains($0.process ?? 0) })
        #expect(combined.speedStateNotes == [
            "NOTE: size 1M: processes 2, 4 ran in another speed state of the machine (probe band 4.44-4.47 ns, "
                + "against 5.26-5.30 ns); the rows come from processes 1, 3, 5."])
        #expect(combined.processDisagreements.isEmpty)
        // The band to anchor later runs to is a usual process's, not the fast state's.
        #expect(combined.probeQuietBand.map { ($0.lowerBound * 100).rounded() } == 528)
        #expect(try combine([process(band: 5.3), process(band: 5.4), process(band: 5.35)]).speedStateNotes.isEmpty)
        #expect(try combine([process(), process()]).speedStateNotes.isEmpty)
    }

    /// Processes that ran out of their budget get one WARNING per size, counting them and naming the
    /// one with the fewest quiet samples.
    @Test func processesShortOfQuietSamplesShareOneWarning() throws {
        var combined = try combine([process(band: 5.3), process(band: 5.3), process(band: 5.3)])
        combined.configuration.screening = Screening(maxDuration: 12)
        combined.configuration.samples = 1
        combined.rounds[0].quiet = Array(repeating: true, count: 6)
        combined.rounds[1].quiet = Array(repeating: false, count: 6)
        combined.rounds[2].quiet = Array(repeating: false, count: 6)
        #expect(combined.screeningWarnings == [
            "WARNING: size 1M: 2 of 3 processes ran out of their 12 s before every kernel had 1 quiet samples "
                + "(fewest: 0 in 1 rounds, process 2); the machine was busy and these medians may be more than 5% off, high or low "
                + "(a kernel with no quiet sample is summarised from all its samples)."])
    }

    @Test func processFieldsRoundTripThroughJSON() throws {
        let combined = try combine([process(slow: ["exp/swift-simd16": 1.5]), process()])
        let decoded = try ThroughputReport.decode(from: combined.jsonData())
        #expect(decoded == combined)
        // A one-process report has no process fields at all.
        let single = String(decoding: try ReportFixture.report().jsonData(), as: UTF8.self)
        #expect(!single.contains("\"processes\"") && !single.contains("\"process\""))
    }
}
