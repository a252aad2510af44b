import Foundation
import Testing
@testable import BenchKit

@Suite struct ThroughputReportCombiningTests {
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
        #expect(ScreeningRules.lowerMedianIndex([3, 1, 2, 0]) == 1)   // 0, 1, 2, 3: the lower median is 1
        #expect(ScreeningRules.lowerMedianIndex([2, 1, 1]) == 2)      // equal values in index order: 1, 1, 2
        #expect(ScreeningRules.lowerMedianIndex([1, 1]) == 0)
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

    @Test func processFieldsRoundTripThroughJSON() throws {
        let combined = try combine([process(slow: ["exp/swift-simd16": 1.5]), process()])
        let decoded = try ThroughputReport.decode(from: combined.jsonData())
        #expect(decoded == combined)
        // A one-process report has no process fields at all.
        let single = String(decoding: try ReportFixture.report().jsonData(), as: UTF8.self)
        #expect(!single.contains("\"processes\"") && !single.contains("\"process\""))
    }

    /// Two of five processes with every kernel 12% slow and the probe alike: the rows come from the
    /// other three (the plain lower median would take a slow process for any kernel one of the three
    /// was slow for), a NOTE names them, and the disagreement NOTE looks at the three only.
    @Test func processesWhoseKernelsRanSlowDoNotSetTheRows() throws {
        let combined = try ReportFixture.combine([
            ReportFixture.process(all: 1.12, band: 5.3), ReportFixture.process(all: 1.12, band: 5.31),
            ReportFixture.process(band: 5.3), ReportFixture.process(slow: ["exp/swift-naive": 1.6], band: 5.32),
            ReportFixture.process(band: 5.29)])
        let naive = try #require(combined.results.first { $0.function == "exp" && $0.implementation == "swift-naive" })
        #expect(naive.process == 5)
        #expect(naive.summary.medianNsPerElement == ReportFixture.report().results[0].samplesNsPerElement.sorted()[2])
        #expect(combined.results.allSatisfy { [3, 4, 5].contains($0.process ?? 0) })
        #expect(combined.speedStateNotes.isEmpty)
        #expect(combined.kernelStateNotes == [
            "NOTE: size 1M: kernels ran at another pace in process 1 (12% slower) and process 2 (12% slower) than in "
                + "processes 3, 4, 5 (median over kernels), with the probe reading alike; the rows come from processes "
                + "3, 4, 5, the fastest pace two processes share."])
        #expect(combined.processDisagreements.count == 1 && combined.processDisagreements[0].contains("(2.02, 3.23, 2.02 ns/elem)"))
        #expect(combined.tableText().contains("kernels ran at another pace in process 1"))
        // The notes come from the JSON's figures alone, so a reloaded report says the same.
        #expect(try ThroughputReport.decode(from: combined.jsonData()).kernelStateNotes == combined.kernelStateNotes)
        // Three slower processes are listed with commas and one "and"; the rows come from the two.
        let three = try ReportFixture.combine([
            ReportFixture.process(all: 1.07), ReportFixture.process(), ReportFixture.process(all: 1.09),
            ReportFixture.process(all: 1.11), ReportFixture.process()])
        #expect(three.kernelStateNotes.first?.contains(
            "in process 1 (7.0% slower), process 3 (9.0% slower) and process 4 (11% slower) than in processes 2, 5") == true)
        #expect(three.results.allSatisfy { [2, 5].contains($0.process ?? 0) })
        // Processes at one pace: no NOTE, and the plain lower median.
        let alike = try ReportFixture.combine([ReportFixture.process(), ReportFixture.process(all: 1.03), ReportFixture.process()])
        #expect(alike.kernelStateNotes.isEmpty)
    }

    /// Unscreened processes (no round logs) are still grouped by pace.
    @Test func unscreenedProcessesAreGroupedByPaceToo() throws {
        var processes = [ReportFixture.process(all: 1.15), ReportFixture.process(), ReportFixture.process()]
        for k in processes.indices { processes[k].rounds = [] }
        let combined = try ReportFixture.combine(processes)
        #expect(combined.results.allSatisfy { $0.process == 2 })
        #expect(combined.kernelStateNotes.count == 1 && combined.kernelStateNotes[0].contains("process 1 (15% slower)"))
    }
}
