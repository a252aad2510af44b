@testable import BenchKit
import Testing

@Suite struct ReportComparisonTests {
    @Test func tenPercentSlowdownIsFlagged() throws {
        var gen = SyntheticTimings(seed: 21)
        for trial in 0..<20 {
            let base = gen.samples(median: 0.5, count: 21, sigma: 0.02, outliers: 2)
            let cur = gen.samples(median: 0.55, count: 21, sigma: 0.02, outliers: 2)
            let c = try ReportComparison(baseline: syntheticReport([("sigmoid", base, 1)]),
                                         current: syntheticReport([("sigmoid", cur, 1)]))
            #expect(c.kernels[0].timing == .regressed, "trial \(trial): \(c.kernels[0].ratio)")
            #expect(c.failed)
        }
    }

    @Test func tenPercentSpeedupIsAnImprovementNotAFailure() throws {
        var gen = SyntheticTimings(seed: 22)
        let base = gen.samples(median: 0.55, count: 21, sigma: 0.02)
        let cur = gen.samples(median: 0.5, count: 21, sigma: 0.02)
        let c = try ReportComparison(baseline: syntheticReport([("tanh", base, nil)]), current: syntheticReport([("tanh", cur, nil)]))
        #expect(c.kernels[0].timing == .improved)
        #expect(!c.failed)
    }

    @Test func identicalDistributionsAreNotFlagged() throws {
        var gen = SyntheticTimings(seed: 23)
        let samples = gen.samples(median: 1)
        let c = try ReportComparison(baseline: syntheticReport([("elu", samples, 2)]), current: syntheticReport([("elu", samples, 2)]))
        #expect(c.kernels[0].timing == .unchanged)
        #expect(c.kernels[0].ratio.estimate == 1)
        #expect(!c.failed)
    }

    /// 30 kernels × 10 A/A pairs drawn independently from the same distribution with this machine's
    /// noise (MAD ≈ 4%, two 30–80% outliers in 15 samples): none may be called a change at 5%.
    @Test func machineSizedNoiseIsNotFlagged() throws {
        var gen = SyntheticTimings(seed: 24)
        var flagged = 0
        for _ in 0..<10 {
            let names = (0..<30).map { "k\($0)" }
            let medians = names.indices.map { 0.2 + 0.1 * Double($0) }
            let base = syntheticReport(zip(names, medians).map { ($0, gen.samples(median: $1), 1) })
            let cur = syntheticReport(zip(names, medians).map { ($0, gen.samples(median: $1), 1) })
            let c = try ReportComparison(baseline: base, current: cur)
            flagged += c.kernels.filter { $0.timing != .unchanged }.count
        }
        #expect(flagged == 0)
    }

    /// Kernels whose ratios scatter by ±8% run to run (as on this machine) are not called changed,
    /// though each one's own samples are quiet: the estimated drift widens the intervals.
    @Test func runToRunDriftWidensTheIntervals() throws {
        var gen = SyntheticTimings(seed: 25)
        let names = (0..<27).map { "k\($0)" }
        let shifts = names.indices.map { 1 + 0.16 * (Double($0) / 26 - 0.5) }   // 0.92 … 1.08
        let base = syntheticReport(names.map { ($0, gen.samples(median: 1, sigma: 0.01, outliers: 0), nil) })
        let cur = syntheticReport(zip(names, shifts).map { ($0, gen.samples(median: $1, sigma: 0.01, outliers: 0), nil) })
        let judged = try ReportComparison(baseline: base, current: cur)
        #expect(judged.driftEstimated && judged.drift > 0.03)
        #expect(judged.timingRegressions.isEmpty)
        let withinRunOnly = try ReportComparison(baseline: base, current: cur, settings: .init(drift: 0))
        #expect(!withinRunOnly.timingRegressions.isEmpty)
    }

    /// One kernel 20% slower among 26 unchanged ones stands out of the drift estimate and is flagged.
    @Test func oneRealRegressionAmongManyIsFlagged() throws {
        var gen = SyntheticTimings(seed: 26)
        let names = (0..<27).map { "k\($0)" }
        let base = syntheticReport(names.map { ($0, gen.samples(median: 1, sigma: 0.02, outliers: 1), nil) })
        let cur = syntheticReport(names.map { ($0, gen.samples(median: $0 == "k5" ? 1.2 : 1, sigma: 0.02, outliers: 1), nil) })
        let c = try ReportComparison(baseline: base, current: cur)
        #expect(c.timingRegressions.map(\.key.function) == ["k5"])
    }

    @Test func accuracyRiseIsARegressionEvenWithoutTimingVerdicts() throws {
        let samples = [1.0, 1.01, 0.99]
        var settings = ComparisonSettings()
        settings.timingVerdictsFail = false
        let c = try ReportComparison(baseline: syntheticReport([("gelu-erf", samples, 1.5), ("elu", samples, nil)]),
                                     current: syntheticReport([("gelu-erf", samples, 2.5), ("elu", samples, 4)]),
                                     settings: settings)
        #expect(c.accuracyRegressions.map(\.key.function) == ["gelu-erf"])
        #expect(c.failed)
    }

    @Test func timingRegressionDoesNotFailWithoutTimingVerdicts() throws {
        var settings = ComparisonSettings()
        settings.timingVerdictsFail = false
        let c = try ReportComparison(baseline: syntheticReport([("sigmoid", [1, 1, 1], 1)]),
                                     current: syntheticReport([("sigmoid", [2, 2, 2], 1)]), settings: settings)
        #expect(c.timingRegressions.count == 1)
        #expect(!c.failed)
        #expect(c.summaryLine.contains("1 regressed"))
    }

    @Test func machineKeyMismatchIsRefusedUnlessForced() throws {
        let base = syntheticReport([("sigmoid", [1, 1], nil)], machineKey: "CPU A | avx2 | 2 cores")
        let cur = syntheticReport([("sigmoid", [1, 1], nil)], machineKey: "CPU B | avx512f | 8 cores")
        #expect(throws: CompareError.machineMismatch(baseline: "CPU A | avx2 | 2 cores", current: "CPU B | avx512f | 8 cores")) {
            try ReportComparison(baseline: base, current: cur)
        }
        let forced = try ReportComparison(baseline: base, current: cur, force: true)
        #expect(forced.machineMismatchForced)
        #expect(forced.notes.contains { $0.contains("different machines") })
    }

    /// A kernel whose ISA column differs between the reports (a peer capped by --peer-max-isa on
    /// one side) is named once in a note, whatever its sizes; the same ISA gives no note.
    @Test func aKernelOnAnotherISAIsNoted() throws {
        let base = syntheticReport([("sigmoid", [1, 1], nil), ("tanh", [1, 1], nil)])
        var cur = base
        cur.results[0].isa = "avx2"
        cur.results.append(cur.results[0])
        cur.results[2].size = 1 << 20
        let noted = try ReportComparison(baseline: base, current: cur).notes.filter { $0.hasPrefix("ISA differs") }
        #expect(noted == ["ISA differs, so these kernels ran other code: sigmoid/swift-simd16 (avx512 → avx2) "
                          + "(a peer capped by --peer-max-isa on one side, or another build)"])
        #expect(!(try ReportComparison(baseline: base, current: base)).notes.contains { $0.hasPrefix("ISA differs") })
    }

    /// Rows whose accuracy cannot be judged (a side made with --no-accuracy) are counted in a note,
    /// and so is another input seed; reports with both judged and one seed give neither note. The
    /// copy reference's accuracy column reads "-", not "not compared".
    @Test func unjudgedAccuracyAndAnotherSeedAreNoted() throws {
        // The copy reference, which has no max ulp, is not counted.
        let base = syntheticReport([("sigmoid", [1, 1], 1.5), ("tanh", [1, 1], 2), ("copy", [1, 1], nil)])
        var cur = syntheticReport([("sigmoid", [1, 1], nil), ("tanh", [1, 1], 2), ("copy", [1, 1], nil)])
        cur.configuration.seed = 7
        let notes = try ReportComparison(baseline: base, current: cur).notes
        #expect(notes.contains("accuracy not judged for 1 of 2 kernels: a report has no max ulp for them (a run with --no-accuracy)"))
        #expect(notes.contains("input seed differs: baseline \(base.configuration.seed), current 7"))
        #expect(try ReportComparison(baseline: base, current: cur).tableText().split(separator: "\n")
            .contains { $0.contains("copy/") && $0.hasSuffix(" -") })
        let quiet = try ReportComparison(baseline: base, current: base).notes
        #expect(!quiet.contains { $0.hasPrefix("accuracy not judged") || $0.hasPrefix("input seed") })
    }

    @Test func kernelsOnOneSideAreListedNotErrors() throws {
        let c = try ReportComparison(baseline: syntheticReport([("sigmoid", [1], nil), ("tanh", [1], nil)]),
                                     current: syntheticReport([("sigmoid", [1], nil), ("elu", [1], nil)]))
        #expect(c.kernels.map(\.key.function) == ["sigmoid"])
        #expect(c.added.map(\.function) == ["elu"])
        #expect(c.removed.map(\.function) == ["tanh"])
        #expect(!c.failed)
    }

    /// A run that left a kernel with no quiet sample measured it on a busy machine: its timing is
    /// shown but cannot fail the comparison; accuracy still can. A few quiet samples are enough.
    @Test func timingIsNotJudgedWhenAKernelHadNoQuietSample() throws {
        let base = syntheticReport([("sigmoid", [1, 1, 1], 1), ("tanh", [1, 1, 1], 1)])
        var slow = syntheticReport([("sigmoid", [2, 2, 2], 1), ("tanh", [2, 2, 2], 1)])
        #expect(try ReportComparison(baseline: base, current: slow).failed)
        slow.configuration.screening = Screening()
        slow.configuration.samples = 3
        slow.rounds = [RoundLog(size: 1 << 18, piecesPerRound: 2, probeNsPerElement: [1, 1, 1, 2, 2, 2, 2],
                                quiet: [true, true, false, false, false, false], duration: 60)]
        #expect(try ReportComparison(baseline: base, current: slow).failed)   // one quiet sample each: judged
        slow.rounds[0].quiet = [true, false, false, false, false, false]
        let c = try ReportComparison(baseline: base, current: slow)
        #expect(!c.timingJudged && !c.failed && c.timingRegressions.count == 2)
        #expect(c.notes.contains { $0.hasPrefix("timing not judged: the current run had no quiet sample for tanh/swift-simd16 at 256K") })
        #expect(c.summaryLine.hasPrefix("timing not judged (a run had a kernel with no quiet sample; by the threshold 2 regressed, "))
        slow.results[0].maxULP = 2
        #expect(try ReportComparison(baseline: base, current: slow).failed)
    }

    /// Runs whose probe bands are more than 6% apart ran in different speed states of the machine
    /// (the host's fast state: 4.45 against the usual 5.3 ns): the comparison says so. 3% apart is
    /// one state; an unscreened run has no band and gets no note.
    @Test func differentSpeedStatesAreNoted() throws {
        var base = syntheticReport([("sigmoid", [1, 1, 1], 1), ("tanh", [1, 1, 1], 1)])
        var fast = syntheticReport([("sigmoid", [0.85, 0.85, 0.85], 1), ("tanh", [0.85, 0.85, 0.85], 1)])
        #expect(!(try ReportComparison(baseline: base, current: fast)).notes.contains { $0.contains("speed states") })
        let log = { (band: Double) in
            RoundLog(size: 1 << 18, piecesPerRound: 2, probeNsPerElement: [band, band, band], quiet: [true, true, true, true],
                     band: band...(band * 1.03), duration: 1)
        }
        base.rounds = [log(5.3)]
        fast.rounds = [log(4.45)]
        #expect(try ReportComparison(baseline: base, current: fast).notes.contains(
            "the machine was in different speed states: probe band baseline 5.30 ns, current 4.45 ns (19.1% apart); "
                + "every kernel moves with it"))
        fast.rounds = [log(5.46)]
        #expect(!(try ReportComparison(baseline: base, current: fast)).notes.contains { $0.contains("speed states") })
    }

    /// Two reports at different sizes share no kernel: a comparison would judge nothing and pass.
    @Test func reportsWithNothingInCommonAreRefused() {
        let base = syntheticReport([("sigmoid", [1], nil), ("tanh", [1], nil)])
        var cur = base
        for i in cur.results.indices { cur.results[i].size = 65536 }
        #expect(throws: CompareError.nothingInCommon(baseline: "2 results at size 256K, threads 1",
                                                     current: "2 results at size 64K, threads 1")) {
            try ReportComparison(baseline: base, current: cur)
        }
    }

    /// An empty report, or one holding only the copy reference, leaves nothing to judge: refused, not passed.
    @Test func reportsWithNoKernelButTheCopyAreRefused() {
        let base = syntheticReport([("sigmoid", [1], nil), ("copy", [1], nil)])
        var empty = base
        empty.results = []
        #expect(throws: CompareError.nothingInCommon(baseline: "2 results at size 256K, threads 1", current: "no results")) {
            try ReportComparison(baseline: base, current: empty)
        }
        var copyOnly = base
        copyOnly.results.removeFirst()
        #expect(throws: CompareError.nothingInCommon(baseline: "2 results at size 256K, threads 1",
                                                     current: "only the copy reference")) {
            try ReportComparison(baseline: base, current: copyOnly)
        }
        #expect(throws: CompareError.nothingInCommon(baseline: "no results", current: "no results")) {
            try ReportComparison(baseline: empty, current: empty)
        }
    }

    @Test func aReportListingAKernelTwiceIsRefused() {
        let base = syntheticReport([("sigmoid", [1], nil), ("tanh", [1], nil)])
        var twice = base
        twice.results.append(twice.results[1])
        #expect(throws: CompareError.duplicateKernel(kernel: "tanh/swift-simd16@256K", side: "baseline")) {
            try ReportComparison(baseline: twice, current: base)
        }
    }

    @Test func resultWithoutSamplesIsRefused() {
        var cur = syntheticReport([("sigmoid", [1], nil)])
        cur.results[0].samplesNsPerElement = []
        #expect(throws: CompareError.noSamples(kernel: "sigmoid/swift-simd16@256K", side: "current")) {
            try ReportComparison(baseline: syntheticReport([("sigmoid", [1], nil)]), current: cur)
        }
    }
}
