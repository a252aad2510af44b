import Foundation
import Testing
@testable import BenchKit

@Suite struct ThroughputReportNotesTests {
    /// A report's band comes from its probe log; an unscreened report has none.
    @Test func aReportCarriesItsQuietBand() {
        var report = ReportFixture.report()
        #expect(report.probeQuietBand == nil && report.screeningWarnings.isEmpty)
        report.configuration.screening = Screening()
        report.configuration.samples = 2
        report.rounds = [RoundLog(size: 1024, piecesPerRound: 1, probeNsPerElement: [5.3, 5.3, 7.0, 5.3],
                                  quiet: [true, false, false], duration: 1)]
        #expect(report.probeQuietBand == 5.3...(5.3 * 1.03))
        #expect(report.screeningWarnings == ["WARNING: size 1K: a kernel got only 1 quiet samples in 3 rounds, 1.0 s of sampling "
                                             + "(2 wanted; sampling stops at 60 s once 2 rounds are done); the machine was busy and these medians may be more than 5% off, high or low."])
        #expect(report.unscreenedRows == nil)
        report.rounds[0].quiet = [false, false, false]
        #expect(report.unscreenedRows == "had no quiet sample for some kernel at 1K, so its figures come from a busy machine")
        // Readings mostly under an anchored band: the host's other speed state, not a busy machine.
        report.rounds[0].band = 5.29...5.45
        report.rounds[0].probeNsPerElement = [4.45, 4.46, 4.46, 5.3]
        #expect(report.unscreenedRows == "had no quiet sample for some kernel at 1K, the machine running faster than "
                    + "the band it was screened against (probe median 4.46 ns against 5.29-5.45): another speed state")
    }

    /// In a multi-process report a row counts as unscreened when the process its figures come from
    /// had no quiet sample for it; another process's empty piece does not count.
    @Test func unscreenedRowsFollowEachRowsProcess() {
        var report = syntheticReport([("sigmoid", [1, 1], nil), ("tanh", [1, 1], nil)])
        report.configuration.screening = Screening()
        func log(_ process: Int, _ quiet: [Bool]) -> RoundLog {
            var log = RoundLog(size: 1 << 18, piecesPerRound: 2, probeNsPerElement: [5, 5, 5, 5, 5], quiet: quiet, duration: 1)
            log.process = process
            return log
        }
        // Process 2 had no quiet sample for piece 0 (sigmoid); process 1 had for both.
        report.rounds = [log(1, [true, true, true, true]), log(2, [false, true, false, true])]
        report.results[0].process = 1
        report.results[1].process = 2
        #expect(report.unscreenedRows == nil)
        report.results[0].process = 2
        #expect(report.unscreenedRows == "had no quiet sample for sigmoid/swift-simd16 at 256K, so its figures come from a busy machine")
    }

    /// Processes more than the disagreement tolerance apart on some kernel get one NOTE per size,
    /// under the table, naming the worst; processes that agree get none, and the copy row is never
    /// noted. The footer names the rule; rules other than the standard ones add what differs.
    @Test func disagreeingProcessesAreNoted() throws {
        let agreeing = try ReportFixture.combine([ReportFixture.process(slow: ["exp/swift-simd16": 1.04, "copy/memcpy": 1.2]), ReportFixture.process()])
        #expect(agreeing.processDisagreements.isEmpty)
        var apart = try ReportFixture.combine([ReportFixture.process(slow: ["exp/swift-simd16": 1.2, "gelu/swift-naive": 1.5]), ReportFixture.process()])
        apart.fillRelativeFigures()
        #expect(apart.processDisagreements == [
            "NOTE: size 1M: 2 of 5 rows' process medians differ by more than 5.0%; worst gelu/swift-naive, 50% "
                + "(6.06, 4.04 ns/elem); each row shows the lower median of its processes."])
        let table = apart.tableText()
        #expect(table.contains("lower median over 2 processes of the median of 5 samples"))
        #expect(table.contains("NOTE: size 1M: 2 of 5 rows"))
        apart.configuration.rules.disagreementTolerance = 0.3
        #expect(apart.processDisagreements.count == 1 && apart.processDisagreements[0].contains("1 of 5 rows' process medians differ by more than 30%"))
        #expect(apart.tableText().contains("median of 5 samples (rules: disagreement tolerance 30%)"))
        apart.configuration.screening = Screening()
        apart.configuration.rules.ownTolerance = nil
        apart.configuration.rules.stateSplit = 0.1
        #expect(apart.sampleCountText.hasSuffix("(screen: probe 3.0%, round 5.0%, off-CPU 2.0%; state split 10%, disagreement tolerance 30%)"))
    }

    /// Processes that ran out of their budget get one WARNING per size, counting them and naming the
    /// one with the fewest quiet samples.
    @Test func processesShortOfQuietSamplesShareOneWarning() throws {
        var combined = try ReportFixture.combine([ReportFixture.process(band: 5.3), ReportFixture.process(band: 5.3), ReportFixture.process(band: 5.3)])
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

    /// Python rows beside the round trip alone get one NOTE per size with its share of them; a row
    /// with no round trip for its function, our rows and the round trip's own are left out, and a
    /// run without `py-noop` gets none.
    @Test func theBridgesShareOfPythonRowsIsNoted() {
        var report = ReportFixture.report(sizes: [1 << 10, 1 << 20])
        #expect(report.bridgeNotes.isEmpty)
        func row(_ function: String, _ implementation: String, _ ns: Double, _ size: Int) -> KernelResult {
            KernelResult(function: function, implementation: implementation, isa: "python", size: size, threads: 1, batch: 1,
                         samplesNsPerElement: [ns], samplesCyclesPerElement: [3 * ns],
                         summary: .init(nsPerElement: [ns], cyclesPerElement: [3 * ns]))
        }
        report.results += [row("exp", PythonPeers.noopImplementation, 0.05, 1 << 20), row("exp", "py-onnxruntime", 0.4, 1 << 20),
                           row("exp", "py-numpy", 5, 1 << 20), row("gelu", "py-torch", 0.1, 1 << 20),
                           row("gelu", "py-torch", 60, 1 << 10)]
        #expect(report.bridgeNotes == ["NOTE: size 1M: the Python bridge's round trip (py-noop) is 1.0-12.5% of the Python "
                                       + "rows' times (most: exp/py-onnxruntime); each Python row includes it."])
        report.results += [row("gelu", PythonPeers.noopImplementation, 54, 1 << 10)]
        #expect(report.bridgeNotes.count == 2)
        #expect(report.bridgeNotes.first == "NOTE: size 1K: the Python bridge's round trip (py-noop) is 90.0% of the Python "
                    + "rows' times (most: gelu/py-torch); each Python row includes it.")
        #expect(report.tableText().contains("(most: exp/py-onnxruntime)"))
    }
}
