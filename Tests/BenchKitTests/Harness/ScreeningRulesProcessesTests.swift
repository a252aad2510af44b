import Foundation
import Testing
@testable import BenchKit

@Suite struct ScreeningRulesProcessesTests {
    /// Process bands as recorded: the fast state (4.4-4.5 ns) against the usual one (5.2-5.4) and a
    /// neighbour's busy spell (9.9). The usual state is the one most processes are in, within 25% of
    /// the fastest; of two as large, the slower.
    @Test func theUsualSpeedStateIsTheOneMostProcessesAreIn() {
        let usual = ScreeningRules.standard.usualStateProcesses
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

    /// Medians of a recorded five-process 1M run (archived under results/screening/) in which every
    /// process's probe band was the same (4.45-4.48 ns) but processes 1 and 2 ran every kernel
    /// 12-14% slower than processes 3-5: the rows must come from the faster pace that two share.
    @Test func theFastestSharedPaceIsChosen() {
        let states = { (medians: [[Double]], among: [Int]) in ScreeningRules.standard.kernelStates(medians: medians, among: among).sources }
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
        let pace = ScreeningRules.standard.kernelStates(medians: run08, among: [0, 1, 2, 3, 4]).pace
        #expect(pace.count == 5 && pace[0]! > 1.1 * pace[2]! && pace[3]! < 1.02 * pace[2]!)
    }

    /// With a selection turned off, rows may come from every process it would have left out; with a
    /// quorum of three, two processes sharing the fastest pace no longer set the rows.
    @Test func eachSelectionCanBeTurnedOff() {
        let bands: [Double?] = [5.28, 4.44, 5.3, 4.47, 5.26]
        #expect(ScreeningRules(selectsSpeedState: false).usualStateProcesses(bands: bands) == [0, 1, 2, 3, 4])
        let run08 = [[14.43, 14.44, 12.31, 20.31, 12.5], [5.57, 5.65, 4.57, 4.57, 4.6], [2.03, 2.04, 1.87, 1.88, 1.85]]
        #expect(ScreeningRules(selectsKernelPace: false).kernelStates(medians: run08, among: [0, 1, 2, 3, 4]).sources == [0, 1, 2, 3, 4])
        #expect(ScreeningRules(paceQuorum: 3).kernelStates(medians: run08, among: [0, 1, 2, 3, 4]).sources == [2, 3, 4])
        #expect(ScreeningRules(paceQuorum: 3).kernelStates(medians: run08, among: [0, 1, 2, 3]).sources == [0, 1, 2, 3])
        // A wider split joins the fast and usual bands into one state.
        #expect(ScreeningRules(stateSplit: 0.25).usualStateProcesses(bands: bands) == [0, 1, 2, 3, 4])
        let sources = ScreeningRules.standard.rowSources(bands: bands, medians: [], processes: 5)
        #expect(sources.usual == [0, 2, 4] && sources.sources == [0, 2, 4] && sources.pace.isEmpty)
        #expect(ScreeningRules.standard.rowSources(bands: [], medians: [], processes: 3).usual == [0, 1, 2])
    }
}
