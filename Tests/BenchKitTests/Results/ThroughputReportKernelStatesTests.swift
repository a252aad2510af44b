import Foundation
import Testing
@testable import BenchKit

@Suite struct ThroughputReportKernelStatesTests {
    /// Paces as recorded: run 08 of series processes-5-kernel-states (every process's probe band
    /// 4.45-4.48 ns) had processes 1 and 2 running every kernel 12-14% slower than processes 3-5.
    @Test func theFastestSharedPaceIsChosen() {
        let states = { (medians: [[Double]], among: [Int]) in ThroughputReport.kernelStates(medians: medians, among: among).sources }
        let run08 = [[14.43, 14.44, 12.31, 20.31, 12.5],   // sigmoid/swift-libm
                     [5.57, 5.65, 4.57, 4.57, 4.6],        // sigmoid/swift-naive
                     [2.03, 2.04, 1.87, 1.88, 1.85]]       // sigmoid/swift-simd16
        #expect(states(run08, [0, 1, 2, 3, 4]) == [2, 3, 4])
        #expect(states(run08, [0, 1, 4]) == [0, 1])           // the lone fast process is not shared
        #expect(states(run08, [0, 1, 2, 3]) == [2, 3])
        // A lone fast process does not set the figures: the fastest *shared* pace does.
        #expect(states([[0.85, 1, 1.01, 1, 1.02]], [0, 1, 2, 3, 4]) == [1, 2, 3, 4])
        #expect(states([[1, 1.1, 1.2, 1.3]], [0, 1, 2, 3]) == [0, 1, 2, 3])   // every process its own pace
        #expect(states([[1, 1.04, 1.08, 1.12]], [0, 1, 2, 3]) == [0, 1, 2, 3]) // a chain of steps under 6%: one state
        #expect(states([[1, 1.2]], [0, 1]) == [0, 1])                         // two processes: both count
        #expect(states([], [0, 1, 2]) == [0, 1, 2])
        #expect(states([[1, 0, 1.2, 1.2]], [0, 1, 2, 3]) == [0, 1, 2, 3])     // a row with no figure is left out
        let pace = ThroughputReport.kernelStates(medians: run08, among: [0, 1, 2, 3, 4]).pace
        #expect(pace.count == 5 && pace[0]! > 1.1 * pace[2]! && pace[3]! < 1.02 * pace[2]!)
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
