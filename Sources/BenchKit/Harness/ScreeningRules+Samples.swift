/// Which samples count. A sample is *quiet* when it passes four tests (docs/method.md):
/// 1. **The probe.** A `ContentionProbe` reading is taken before every sample and after the last, so
///    each sample is bracketed by two; both must lie in the quiet band (`quietBand`). Each sample,
///    not each round, is bracketed because contention comes and goes within a fraction of a second.
/// 2. **The round's consensus** (`consensusTolerance`), for what flickers between probe readings.
/// 3. **The piece's own test** (`ownTolerance`), for what slows one kernel while the probe reads
///    normal. Only slow samples are dropped: faster ones are the probe's business (the fast state).
///    Work that spreads widely on its own (the memory-bound copy) is exempt (`Harness.Work.ownTest`).
/// 4. **On the CPU** (`offCPUTolerance`), for the host taking the vCPU between probe bursts.
extension ScreeningRules {
    /// The verdicts on every sample so far.
    public struct Verdict: Equatable, Sendable {
        /// Per sample, in the order taken (round by round, piece by piece).
        public var quiet: [Bool]
        /// Per round, the consensus slowdown (nil where the test does not apply).
        public var slowdown: [Double?]
        /// The probe band the samples were judged by (nil before any sample).
        public var band: ClosedRange<Double>? = nil
    }

    /// The range [b, b × (1 + quietTolerance)] holding the most readings (the lowest such b on a
    /// tie), among those starting at most `bandReach` above the lowest range that holds a real share
    /// of the readings (`bandFloorShare`, and at least `bandFloorReadings`): the machine's usual
    /// uncontended state.
    public func quietBand(_ readings: [Double]) -> ClosedRange<Double> {
        let sorted = readings.sorted()
        guard let first = sorted.first else { return 0...0 }
        // counts[i]: readings in [sorted[i], sorted[i] × (1 + quietTolerance)].
        var counts: [Int] = []
        var end = 0
        for (start, low) in sorted.enumerated() {
            while end < sorted.count && sorted[end] <= low * (1 + quietTolerance) { end += 1 }
            counts.append(end - start)
        }
        let floor = Swift.max(bandFloorReadings, Int((bandFloorShare * Double(sorted.count)).rounded(.up)))
        let lowest = sorted.indices.first { counts[$0] >= floor }.map { sorted[$0] } ?? first
        var best = (count: 0, low: first)
        for (i, low) in sorted.enumerated() where low <= lowest * (1 + bandReach) && counts[i] > best.count {
            best = (counts[i], low)
        }
        return best.low...(best.low * (1 + quietTolerance))
    }

    /// Judges every sample. `probes[k]` was read just before sample k and `probes[k + 1]` just after;
    /// `samples[p][r]` is piece p's time in round r; `ownTest[p]` says whether piece p gets its own
    /// test (nil: every piece does); `offCPU[p][r]` is the share of that sample's wall time its thread
    /// was not running (nil: unknown, no off-CPU test); `anchor` is a band fixed in advance (nil: the
    /// band is found in `probes`).
    public func judge(probes: [Double], samples: [[Double]], ownTest: [Bool]? = nil, offCPU: [[Double]]? = nil,
                      anchor: ClosedRange<Double>? = nil) -> Verdict {
        let pieces = samples.count
        let rounds = samples.map(\.count).min() ?? 0
        let count = pieces * rounds
        guard count > 0, probes.count >= count + 1 else { return Verdict(quiet: [], slowdown: []) }
        let band = anchor ?? quietBand(Array(probes[0...count]))
        // "Probe-quiet" below also needs the thread to have been on the CPU for the sample.
        let onCPU = (0..<count).map { k in
            offCPUTolerance.flatMap { limit in offCPU.map { $0[k % pieces][k / pieces] <= limit } } ?? true
        }
        let probeQuiet = (0..<count).map { k in onCPU[k] && band.contains(probes[k]) && band.contains(probes[k + 1]) }
        // Readings no higher than the band and at most `ownReach` below it: not contended, and not
        // the fast state either.
        let near = (band.lowerBound * (1 - ownReach))...band.upperBound
        let nearQuiet = (0..<count).map { k in onCPU[k] && near.contains(probes[k]) && near.contains(probes[k + 1]) }
        let probeQuietSamples = (0..<pieces).map { p in
            (0..<rounds).filter { probeQuiet[$0 * pieces + p] }.map { samples[p][$0] }
        }
        let reference: [Double?] = probeQuietSamples.map { quiet in
            quiet.isEmpty ? nil : SampleStatistics(quiet).percentile(referencePercentile)
        }
        let slowdown: [Double?] = (0..<rounds).map { r in
            guard consensusTolerance != nil, pieces >= consensusMinimumPieces else { return nil }
            let ratios = (0..<pieces).compactMap { p in reference[p].map { samples[p][r] / $0 } }
            return ratios.isEmpty ? nil : SampleStatistics(ratios).median
        }
        // The own test's limit per piece (nil: the test does not apply to it), from the lower of the
        // piece's reference time and the bottom of its own quiet band over the samples the probe did
        // not find contended. The own band finds the floor of a memory-bound kernel whose probe-quiet
        // samples were mostly slowed by a cache neighbour the probe cannot feel; the reference keeps
        // a kernel whose quiet level is the less common of two at its lower level.
        let ownLimit: [Double?] = (0..<pieces).map { p in
            guard let tolerance = ownTolerance, ownTest?[p] ?? true,
                  probeQuietSamples[p].count >= ownTestMinimumSamples, let reference = reference[p] else { return nil }
            let nearSamples = (0..<rounds).filter { nearQuiet[$0 * pieces + p] }.map { samples[p][$0] }
            return Swift.min(reference, quietBand(nearSamples).lowerBound) * (1 + tolerance)
        }
        let quiet = (0..<count).map { k in
            let (r, p) = (k / pieces, k % pieces)
            let roundQuiet = slowdown[r].map { $0 <= 1 + (consensusTolerance ?? .infinity) } ?? true
            let ownQuiet = ownLimit[p].map { samples[p][r] <= $0 } ?? true
            return probeQuiet[k] && roundQuiet && ownQuiet
        }
        return Verdict(quiet: quiet, slowdown: slowdown, band: band)
    }
}
