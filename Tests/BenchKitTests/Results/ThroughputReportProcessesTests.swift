import Foundation
import Testing
@testable import BenchKit

@Suite struct ThroughputReportProcessesTests {
    /// The fixture's report with every row's samples scaled by `factor` for the rows `slow` names
    /// (function/implementation), and a one-round probe log.
    func process(slow: [String: Double] = [:]) -> ThroughputReport {
        var report = ReportFixture.report()
        for i in report.results.indices {
            let row = report.results[i]
            let factor = slow["\(row.function)/\(row.implementation)"] ?? 1
            let samples = row.samplesNsPerElement.map { $0 * factor }
            report.results[i].samplesNsPerElement = samples
            report.results[i].summary = .init(nsPerElement: samples, cyclesPerElement: samples.map { $0 * 3 })
        }
        report.rounds = [RoundLog(size: 1 << 20, piecesPerRound: 6, probeNsPerElement: [5, 5], quiet: [true], duration: 1)]
        return report
    }

    func combine(_ processes: [ThroughputReport]) throws -> ThroughputReport {
        var configuration = ReportFixture.report().configuration
        configuration.processes = processes.count
        return try ThroughputReport.combining(processes, machine: ReportFixture.machine, configuration: configuration)
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

    @Test func processFieldsRoundTripThroughJSON() throws {
        let combined = try combine([process(slow: ["exp/swift-simd16": 1.5]), process()])
        let decoded = try ThroughputReport.decode(from: combined.jsonData())
        #expect(decoded == combined)
        // A one-process report has no process fields at all.
        let single = String(decoding: try ReportFixture.report().jsonData(), as: UTF8.self)
        #expect(!single.contains("\"processes\"") && !single.contains("\"process\""))
    }
}
