import Foundation
import Testing
@testable import BenchKit

@Suite struct ScreeningRulesSamplesTests {
    /// One piece, so only the probe test applies: sample k lies between readings k and k + 1, and
    /// both must be within the tolerance of the reference.
    @Test func probeQuietMeansBothReadingsAroundASampleAreNearTheReference() {
        let screen = ScreeningRules(quietTolerance: 0.05)
        let verdict = screen.judge(probes: [2.0, 2.1, 2.11, 2.0, 2.0], samples: [[1, 1, 1, 1]])
        #expect(verdict.quiet == [true, false, false, true])
        #expect(verdict.slowdown == [nil, nil, nil, nil])
        #expect(screen.judge(probes: [2.0], samples: [[]]).quiet == [])
        #expect(screen.judge(probes: [], samples: []).quiet == [])
    }

    /// The quiet band is where most readings are. One unusually fast reading does not move it (the
    /// minimum would have made every other sample look contended); the samples next to it are not
    /// quiet either, since they were taken in a different state of the machine.
    @Test func aSingleFastReadingDoesNotSetTheBand() {
        var probes = Array(repeating: 1.0, count: 201)
        probes[100] = 0.8
        let verdict = ScreeningRules(quietTolerance: 0.03).judge(probes: probes, samples: [Array(repeating: 1, count: 200)])
        #expect(verdict.quiet.enumerated().allSatisfy { k, quiet in quiet == (k != 99 && k != 100) })
    }

    /// A faster state held by 30% of the readings, contention by 10%: the band is the usual 60%.
    @Test func theBandIsTheMostCommonState() {
        let probes = Array(repeating: 4.5, count: 30) + Array(repeating: 5.3, count: 60) + Array(repeating: 7.0, count: 10) + [5.3]
        #expect(ScreeningRules.standard.quietBand(probes) == 5.3...(5.3 * 1.03))
        let verdict = ScreeningRules(quietTolerance: 0.03).judge(probes: probes, samples: [Array(repeating: 1, count: 100)])
        #expect(verdict.quiet.enumerated().allSatisfy { k, quiet in quiet == (k >= 30 && k < 89) })
    }

    /// A neighbour's busy spell held most of a run's readings (9.9 ns) while 30% still read the
    /// usual 5.3 ns and 10% the fast 4.5 ns: the band is the usual state, not the spell. Without the
    /// fast and usual readings (or with fewer than 5% of them) the spell is all the run has.
    @Test func aBusySpellHoldingMostReadingsIsNotTheBand() {
        let spell = Array(repeating: 9.9, count: 60)
        #expect(ScreeningRules.standard.quietBand(spell + Array(repeating: 5.3, count: 30) + Array(repeating: 4.5, count: 10))
                == 5.3...(5.3 * 1.03))
        #expect(ScreeningRules.standard.quietBand(spell + Array(repeating: 5.3, count: 3)) == 9.9...(9.9 * 1.03))
        #expect(ScreeningRules.standard.quietBand(spell) == 9.9...(9.9 * 1.03))
        #expect(ScreeningRules.standard.quietBand([]) == 0...0)
        // The fast state may be the more common one; within the reach it then is the band.
        #expect(ScreeningRules.standard.quietBand(Array(repeating: 4.5, count: 60) + Array(repeating: 5.3, count: 40))
                == 4.5...(4.5 * 1.03))
    }

    /// Anchored to a baseline's band, a run spent in a busy spell finds no quiet sample instead of
    /// taking the spell's level as its own band.
    @Test func anAnchorOverridesTheRunsOwnBand() {
        let busy = Array(repeating: 5.5, count: 11)
        let rules = ScreeningRules(quietTolerance: 0.03)
        #expect(rules.judge(probes: busy, samples: [Array(repeating: 1, count: 10)], anchor: 5.25...5.41).quiet.allSatisfy { !$0 })
        #expect(ScreeningRules(quietTolerance: 0.03).judge(probes: busy, samples: [Array(repeating: 1, count: 10)]).quiet.allSatisfy { $0 })
        let verdict = rules.judge(probes: Array(repeating: 5.3, count: 11), samples: [Array(repeating: 1, count: 10)],
                                  anchor: 5.25...5.41)
        #expect(verdict.quiet.allSatisfy { $0 } && verdict.band == 5.25...5.41)
    }

    /// Eight pieces, quiet probes throughout. In round 2 five of the eight pieces ran 20% slow: the
    /// round's median slowdown is 1.2 and none of its samples counts. In round 1 three pieces did: the
    /// median is 1.0 and the round counts, but those three samples fail their own pieces' test.
    @Test func roundsMostPiecesRanSlowInAreRejected() {
        var samples = Array(repeating: Array(repeating: 1.0, count: 4), count: 8)
        for p in 0..<5 { samples[p][2] = 1.2 }
        for p in 5..<8 { samples[p][1] = 1.2 }
        let verdict = ScreeningRules(quietTolerance: 0.03, consensusTolerance: 0.05)
            .judge(probes: Array(repeating: 1.0, count: 33), samples: samples)
        #expect(verdict.slowdown.map { $0.map { ($0 * 100).rounded() / 100 } } == [1.0, 1.0, 1.2, 1.0])
        for r in 0..<4 {
            #expect(verdict.quiet[(r * 8)..<(r * 8 + 8)].enumerated().allSatisfy { p, quiet in
                quiet == (r != 2 && !(r == 1 && p >= 5))
            }, "round \(r)")
        }
        // Without the own test, round 1 counts whole.
        let roundsOnly = ScreeningRules(quietTolerance: 0.03, consensusTolerance: 0.05, ownTolerance: nil)
            .judge(probes: Array(repeating: 1.0, count: 33), samples: samples)
        #expect(roundsOnly.quiet[8..<16].allSatisfy { $0 })
        // With seven pieces the consensus test would lean on the piece judged: it is skipped, and
        // only each piece's own test rejects its slow samples.
        let seven = ScreeningRules().judge(probes: Array(repeating: 1.0, count: 29), samples: Array(samples.prefix(7)))
        #expect(seven.slowdown.allSatisfy { $0 == nil })
        #expect(seven.quiet.enumerated().allSatisfy { k, quiet in quiet == (samples[k % 7][k / 7] == 1.0) })
    }

    /// One kernel alternates between its level and 11% above it while the probe and the other
    /// kernels read normal (as `gelu-erf/swift-libm` did in a 1M run: 34.5 and 38.5 ns). Its own
    /// test keeps the lower level; a sample up to 5% above its lower quartile still counts, and a
    /// faster one always does. Below four probe-quiet samples the test does not apply.
    @Test func aPieceSlowOnItsOwnIsRejectedSampleBySample() {
        let slowPiece = [34.5, 38.5, 34.6, 38.4, 34.5, 36.0, 38.6, 33.0]
        let verdict = ScreeningRules().judge(probes: Array(repeating: 1.0, count: 9), samples: [slowPiece])
        #expect(verdict.quiet == [true, false, true, false, true, true, false, true])
        let exempt = ScreeningRules().judge(probes: Array(repeating: 1.0, count: 9), samples: [slowPiece], ownTest: [false])
        #expect(exempt.quiet.allSatisfy { $0 })
        let few = ScreeningRules().judge(probes: Array(repeating: 1.0, count: 4), samples: [[34.5, 38.5, 34.6]])
        #expect(few.quiet == [true, true, true])
        // Samples the probe rejected (here two from a faster state) do not count towards the lower
        // quartile: with them it would be 32.5, and every 40 would fail.
        let busyProbe = ScreeningRules(quietTolerance: 0.03).judge(probes: [1, 1, 1, 1, 0.8, 1, 1], samples: [[40, 40, 40, 30, 30, 41]])
        #expect(busyProbe.quiet == [true, true, true, false, false, true])
    }

    /// A neighbour streams through the shared cache on and off: a memory-bound kernel's samples are
    /// either at its floor (1.35-1.37) or spread 5-23% above it, and the L1 probe feels none of it.
    /// The probe read 3.6% under its band around samples 0-2 (not quiet, not contended either). The
    /// lower quartile of the nine probe-quiet samples alone is 1.42, a limit of 1.49 that keeps two
    /// slowed samples; the piece's own densest band, found with samples 0-2, starts at the floor
    /// (1.35), and only the two floor samples count. Readings 20% under the band (the fast state)
    /// do not join that band: behind such readings samples 0-2 are left out, the band of the
    /// probe-quiet samples alone starts at 1.36, and 1.42 (within 5% of it) counts too.
    @Test func aMemorySpellTheProbeCannotFeelIsJudgedFromTheKernelsOwnFloor() {
        let samples = [[1.35, 1.35, 1.36, 1.36, 1.42, 1.50, 1.58, 1.66, 1.37, 1.47, 1.55, 1.62]]
        let probes = [5.3, 5.3, 5.3] + Array(repeating: 5.5, count: 10)
        let verdict = ScreeningRules().judge(probes: probes, samples: samples)
        #expect(verdict.band == 5.5...(5.5 * 1.03))
        #expect(verdict.quiet == [false, false, false, true, false, false, false, false, true, false, false, false])
        let fast = ScreeningRules().judge(probes: [4.4, 4.4, 4.4] + Array(repeating: 5.5, count: 10), samples: samples)
        #expect(fast.quiet == [false, false, false, true, true, false, false, false, true, false, false, false])
    }

    /// A sample whose thread was off the CPU for more than 2% of its wall time does not count, and
    /// does not count towards its piece's lower quartile either; without CPU times, or with the
    /// test off, the same samples count.
    @Test func aSampleTheThreadWasOffTheCPUForIsRejected() {
        let samples = [[1.0, 1.0, 1.0, 1.0, 1.2, 1.0]]
        let offCPU = [[0.0, 0.01, 0.02, 0.0, 0.17, 0.05]]
        let probes = Array(repeating: 1.0, count: 7)
        #expect(ScreeningRules().judge(probes: probes, samples: samples, offCPU: offCPU).quiet == [true, true, true, true, false, false])
        #expect(ScreeningRules(ownTolerance: nil).judge(probes: probes, samples: samples).quiet.allSatisfy { $0 })
        #expect(ScreeningRules(ownTolerance: nil, offCPUTolerance: nil)
            .judge(probes: probes, samples: samples, offCPU: offCPU).quiet.allSatisfy { $0 })
    }

    /// Half the rounds ran 8% slow on every piece while the probe read quiet (a vector-only slowdown).
    /// Measured from each piece's median, both halves would read within 5% (0.96 and 1.04) and the
    /// run's medians would mix the two levels; from the lower quartile, the slow half reads 1.08 and
    /// is rejected.
    @Test func aSlowdownCoveringHalfTheRunIsStillRejected() {
        let samples = Array(repeating: Array(repeating: 1.0, count: 5) + Array(repeating: 1.08, count: 5), count: 8)
        let verdict = ScreeningRules(quietTolerance: 0.03, consensusTolerance: 0.05)
            .judge(probes: Array(repeating: 1.0, count: 81), samples: samples)
        for r in 0..<10 {
            #expect(verdict.quiet[(r * 8)..<(r * 8 + 8)].allSatisfy { $0 == (r < 5) }, "round \(r)")
        }
        #expect(verdict.slowdown.map { $0.map { ($0 * 100).rounded() / 100 } } == Array(repeating: 1.0, count: 5) + Array(repeating: 1.08, count: 5))
    }

    /// Each test has its switch: without the consensus test the slow round of
    /// `roundsMostPiecesRanSlowInAreRejected` has no slowdown figure, and only each piece's own test
    /// rejects its slow samples; a wider band takes in readings the standard one leaves out.
    @Test func eachTestCanBeTurnedOffOrWidened() {
        var samples = Array(repeating: Array(repeating: 1.0, count: 4), count: 8)
        for p in 0..<5 { samples[p][2] = 1.2 }
        let noConsensus = ScreeningRules(consensusTolerance: nil).judge(probes: Array(repeating: 1.0, count: 33), samples: samples)
        #expect(noConsensus.slowdown.allSatisfy { $0 == nil })
        #expect(noConsensus.quiet.enumerated().allSatisfy { k, quiet in quiet == (samples[k % 8][k / 8] == 1.0) })
        let probes = [2.0, 2.1, 2.11, 2.0, 2.0]
        #expect(ScreeningRules(quietTolerance: 0.05).judge(probes: probes, samples: [[1, 1, 1, 1]]).quiet == [true, false, false, true])
        #expect(ScreeningRules(quietTolerance: 0.06).judge(probes: probes, samples: [[1, 1, 1, 1]]).quiet.allSatisfy { $0 })
    }
}
