import Foundation

extension ThroughputReport {
    /// One WARNING line per size whose sampling budget ran out before every kernel had `samples`
    /// quiet samples (shown under the table and in Markdown). With several processes the line counts
    /// the processes that ran out and names the one with the fewest; the JSON's `rounds` has each.
    /// "High or low": under a neighbour's load the kept samples lean slow, but they have leant fast
    /// too, with the probe reading its usual band and kernels' samples spread down to 14-16% below their
    /// usual level (series processes-5-third run 06,
    /// 2026-11-24: all five processes warned, and its `gelu-erf/swift-simd8` row, 7.11 ns, sat 6.4% and
    /// 6.9% under the runs before and after it).
    var screeningWarnings: [String] {
        guard let screening = configuration.screening else { return [] }
        let wanted = configuration.samples, budget = String(format: "%.0f", screening.maxDuration)
        return roundSizes.compactMap { size in
            let logs = rounds.filter { $0.size == size }
            let short = logs.filter { $0.quietCount < wanted }
            guard let worst = short.min(by: { $0.quietCount < $1.quietCount }) else { return nil }
            let what = worst.process == nil
                ? "a kernel got only \(worst.quietCount) quiet samples in \(worst.rounds) rounds (\(wanted) wanted) within \(budget) s"
                : "\(short.count) of \(logs.count) processes ran out of their \(budget) s before every kernel had \(wanted) "
                    + "quiet samples (fewest: \(worst.quietCount) in \(worst.rounds) rounds, process \(worst.process ?? 1))"
            return "WARNING: size \(Self.sizeLabel(size)): \(what); the machine was busy and these medians may be more than 5% off, high or low"
                + (worst.quietCount == 0 ? " (a kernel with no quiet sample is summarised from all its samples)." : ".")
        }
    }

    /// The warnings and notes shown under the table and in Markdown: screening warnings, then
    /// processes in another speed state, then processes whose kernels ran slower, then process
    /// disagreements.
    var runNotes: [String] { screeningWarnings + speedStateNotes + kernelStateNotes + processDisagreements }

    /// "had no quiet sample for some kernel at 256K" when a screened run left a kernel with no quiet
    /// sample at all, so that its figures were made from samples a busy machine slowed; nil otherwise.
    /// When most of that log's probe readings sat *below* its band (an anchored run in the host's
    /// faster speed state: every reading 4.4-4.5 ns against a baseline band of 5.29-5.45, CI at
    /// 48df6eb), it says so instead of blaming a busy machine.
    /// (A kernel with a few quiet samples is still measured in the quiet state; its wider bootstrap
    /// interval carries the uncertainty.)
    public var unscreenedRows: String? {
        guard configuration.screening != nil, let log = rounds.first(where: { $0.quietCount == 0 }) else { return nil }
        let at = "had no quiet sample for some kernel at \(Self.sizeLabel(log.size))"
        if let band = log.band, !log.probeNsPerElement.isEmpty,
           case let median = SampleStatistics(log.probeNsPerElement).median, median < band.lowerBound {
            return at + ", the machine running faster than the band it was screened against (probe median "
                + "\(Self.threeDigits(median)) ns against "
                + "\(Self.threeDigits(band.lowerBound))-\(Self.threeDigits(band.upperBound))): another speed state"
        }
        return at + ", so its figures come from a busy machine"
    }

    /// The probe's quiet band of this run (of its longest-sampled size), to anchor a later run to:
    /// probe readings are nanoseconds per element of a fixed workload, so they compare across runs
    /// and sizes on one machine. Nil for an unscreened run.
    /// Of a multi-process run, only the processes in the usual speed state count (a baseline saved
    /// from a run partly in the host's fast state would otherwise anchor later runs to that state).
    public var probeQuietBand: ClosedRange<Double>? {
        let usual = roundSizes.flatMap { size in
            let (logs, usual) = speedStates(at: size)
            return usual.map { logs[$0] }
        }
        guard let log = usual.max(by: { $0.probeNsPerElement.count < $1.probeNsPerElement.count }),
              log.probeNsPerElement.count >= 2 else { return nil }
        return log.band ?? Screening.quietBand(log.probeNsPerElement, tolerance: configuration.screening?.tolerance ?? 0.03)
    }
}
