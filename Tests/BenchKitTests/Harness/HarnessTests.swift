import Foundation
import Testing
@testable import BenchKit

@Suite struct HarnessTests {
    @Test func splitsIntoContiguousChunks() {
        #expect(Harness.split(count: 10, parts: 3) == [0..<3, 3..<6, 6..<10])
        #expect(Harness.split(count: 2, parts: 4) == [0..<1, 1..<2])
        #expect(Harness.split(count: 5, parts: 1) == [0..<5])
    }

    @Test func interleavedRunsEveryPieceEveryRound() {
        let harness = Harness(samples: 4, minSampleTime: 0.0005, warmupTime: 0, threads: 1)
        let counter = Counter()
        let pieces = (0..<3).map { id in Harness.Work(count: 100) { _ in counter.add(id) } }
        var rounds: [Int] = []
        let measured = harness.measureInterleaved(pieces) { rounds.append($0.round) }
        let ms = measured.pieces
        #expect(measured.rounds == nil)
        #expect(ms.count == 3)
        #expect(ms.allSatisfy { $0.nsPerElement.count == 4 && $0.batch >= 1 })
        #expect(rounds == [1, 2, 3, 4])
        for id in 0..<3 { #expect(counter.calls(id) >= 4 * ms[id].batch) }
    }

    @Test func measuresEveryElementEverySample() {
        let harness = Harness(samples: 3, minSampleTime: 0.001, warmupTime: 0, threads: 2)
        let m = harness.measure(count: 1000) { range in
            var x = 0.0
            for i in range { x += Double(i).squareRoot() }
            if x < 0 { print(x) }
        }
        #expect(m.nsPerElement.count == 3 && m.cyclesPerElement.count == 3)
        #expect(m.batch >= 1)
        #expect(m.nsPerElement.allSatisfy { $0 > 0 })
    }

    // The screened tests below time empty work, whose times swing far more than 5%, in samples short
    // enough for a test runner's preemption to matter: the own and off-CPU tests are off so that only
    // the scripted probe decides.

    /// A scripted probe (one reading before the first sample, then one after each): quiet (1.0) but
    /// for a busy stretch (1.5) that spoils samples 1–4. Eight quiet samples are wanted, so the harness
    /// must take 12 rounds and reject exactly those four.
    @Test func screenedRunGoesOnUntilEnoughSamplesAreQuiet() throws {
        var harness = Harness(samples: 8, minSampleTime: 0.0002, warmupTime: 0, threads: 1,
                              screening: Screening(maxDuration: 60),
                              rules: ScreeningRules(quietTolerance: 0.05, ownTolerance: nil, offCPUTolerance: nil))
        harness.probeReadings = { Self.script([1.0, 1.01, 1.5, 1.5, 1.5, 1.0]) }
        var progress: [Harness.RoundProgress] = []
        let measured = harness.measureInterleaved([Harness.Work(count: 10) { _ in }]) { progress.append($0) }
        let log = try #require(measured.rounds)
        #expect(log.rounds == 12 && log.quietCount == 8 && log.rejectedCount == 4)
        #expect(log.quiet == [true, false, false, false, false] + Array(repeating: true, count: 7))
        #expect(log.probeNsPerElement.count == 13)
        #expect(measured.pieces[0].nsPerElement.count == 12)
        // After round 4 the busy readings are the most common, so for one round the band is theirs.
        #expect(progress.map(\.quiet) == [1, 1, 1, 2, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(log.size == 10)
    }

    /// Samples are judged against the quiet band of the whole run so far: when another state becomes
    /// the most common, earlier "quiet" samples turn into rejected ones, and sampling goes on.
    @Test func quietIsJudgedAgainstTheWholeRun() throws {
        var harness = Harness(samples: 3, minSampleTime: 0.0002, warmupTime: 0, threads: 1,
                              screening: Screening(maxDuration: 60),
                              rules: ScreeningRules(quietTolerance: 0.05, ownTolerance: nil, offCPUTolerance: nil))
        harness.probeReadings = { Self.script([1.3, 1.3, 1.3, 1.3]) }
        let steady = try #require(harness.measureInterleaved([Harness.Work(count: 10) { _ in }]).rounds)
        #expect(steady.quiet == [true, true, true])
        harness.probeReadings = { Self.script([1.3, 1.3, 1.3, 1.0]) }
        let later = try #require(harness.measureInterleaved([Harness.Work(count: 10) { _ in }]).rounds)
        #expect(later.quiet == [false, false, false, true, true, true])
    }

    /// With several pieces, each needs its own quiet samples: sample k belongs to piece k % pieces.
    @Test func everyPieceNeedsItsQuietSamples() throws {
        var harness = Harness(samples: 2, minSampleTime: 0.0002, warmupTime: 0, threads: 1,
                              screening: Screening(maxDuration: 60),
                              rules: ScreeningRules(quietTolerance: 0.05, ownTolerance: nil, offCPUTolerance: nil))
        // Readings 2, 3 and 5 are high: every sample next to one is spoilt (samples 1–5), so piece 0
        // has its second quiet sample in round 4 but piece 1 only in round 5.
        harness.probeReadings = { Self.script([1.0, 1.0, 2.0, 2.0, 1.0, 2.0, 1.0]) }
        let pieces = (0..<2).map { _ in Harness.Work(count: 10) { _ in } }
        let log = try #require(harness.measureInterleaved(pieces).rounds)
        #expect(log.quiet(piece: 0) == [true, false, false, true, true])
        #expect(log.quiet(piece: 1) == [false, false, false, true, true])
        #expect(log.rounds == 5 && log.quietCount == 2)
    }

    /// The budget ends a run whose samples are hardly ever quiet; the log says how few counted.
    @Test func budgetEndsABusyRun() throws {
        var harness = Harness(samples: 5, minSampleTime: 0.0002, warmupTime: 0, threads: 1,
                              screening: Screening(maxDuration: 0.05),
                              rules: ScreeningRules(quietTolerance: 0.05, ownTolerance: nil, offCPUTolerance: nil))
        // Readings alternate between two states, so no sample is bracketed by two in the band.
        harness.probeReadings = { Self.cycle([1.0, 2.0]) }
        let log = try #require(harness.measureInterleaved([Harness.Work(count: 10) { _ in }]).rounds)
        #expect(log.quietCount == 0)
        #expect(log.rounds >= 5 && log.rounds <= 5 * Harness.maxRoundsPerSample)
        #expect(log.duration >= 0.05 || log.rounds == 5 * Harness.maxRoundsPerSample)
    }

    /// A single-threaded screened run records, per sample, the share of its wall time the thread was
    /// off the CPU (a share, so within 0...1); with two threads it is not measured.
    @Test func offCPUSharesAreRecordedForSingleThreadedRuns() throws {
        var harness = Harness(samples: 3, minSampleTime: 0.0005, warmupTime: 0, threads: 1,
                              screening: Screening(maxDuration: 60),
                              rules: ScreeningRules(quietTolerance: 0.05, ownTolerance: nil, offCPUTolerance: nil))
        harness.probeReadings = { Self.script([1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]) }
        let work = (0..<2).map { _ in Harness.Work(count: 100) { range in
            var x = 0.0
            for i in range { x += Double(i).squareRoot() }
            if x < 0 { print(x) }
        } }
        let log = try #require(harness.measureInterleaved(work).rounds)
        let shares = try #require(log.offCPUShare)
        #expect(shares.count == log.quiet.count && shares.allSatisfy { (0...1).contains($0) })
        harness.threads = 2
        #expect(try #require(harness.measureInterleaved(work).rounds).offCPUShare == nil)
    }

    /// The real probe reads a positive, finite time per element.
    @Test func contentionProbeReadsATime() {
        let probe = ContentionProbe()
        let reading = probe.read()
        #expect(reading > 0 && reading.isFinite)
    }

    /// Readings in order, over and over.
    static func cycle(_ values: [Double]) -> () -> Double {
        var i = 0
        return {
            defer { i += 1 }
            return values[i % values.count]
        }
    }

    /// Readings in order, then the last one forever.
    static func script(_ values: [Double]) -> () -> Double {
        var i = 0
        return {
            defer { i += 1 }
            return values[Swift.min(i, values.count - 1)]
        }
    }
}

/// Counts calls per piece, from whichever thread makes them.
final class Counter: @unchecked Sendable {
    private var counts: [Int: Int] = [:]
    private let lock = NSLock()
    func add(_ id: Int) { lock.lock(); counts[id, default: 0] += 1; lock.unlock() }
    func calls(_ id: Int) -> Int { lock.lock(); defer { lock.unlock() }; return counts[id, default: 0] }
}
