import Foundation

extension ThroughputReport {
    /// One WARNING line per size whose sampling budget ran out before every kernel had `samples`
    /// quiet samples (shown under the table and in Markdown).
    var screeningWarnings: [String] {
        guard let screening = configuration.screening else { return [] }
        return rounds.filter { $0.quietCount < configuration.samples }.map { log in
            "WARNING: size \(Self.sizeLabel(log.size))\(log.process.map { " (process \($0))" } ?? ""): a kernel got only \(log.quietCount) quiet samples in "
                + "\(log.rounds) rounds (\(configuration.samples) wanted) within \(String(format: "%.0f", screening.maxDuration)) s; "
                + "the machine was busy and these medians may be high"
                + (log.quietCount == 0 ? " (a kernel with no quiet sample is summarised from all its samples)." : ".")
        }
    }

    /// The warnings and notes shown under the table and in Markdown: screening warnings, then
    /// process disagreements.
    var runNotes: [String] { screeningWarnings + processDisagreements }

    /// "had no quiet sample for some kernel at 256K" when a screened run left a kernel with no quiet
    /// sample at all, so that its figures were made from samples a busy machine slowed; nil otherwise.
    /// (A kernel with a few quiet samples is still measured in the quiet state; its wider bootstrap
    /// interval carries the uncertainty.)
    public var unscreenedRows: String? {
        guard configuration.screening != nil, let log = rounds.first(where: { $0.quietCount == 0 }) else { return nil }
        return "had no quiet sample for some kernel at \(Self.sizeLabel(log.size)), so its figures come from a busy machine"
    }

    /// The probe's quiet band of this run (of its longest-sampled size), to anchor a later run to:
    /// probe readings are nanoseconds per element of a fixed workload, so they compare across runs
    /// and sizes on one machine. Nil for an unscreened run.
    public var probeQuietBand: ClosedRange<Double>? {
        guard let log = rounds.max(by: { $0.probeNsPerElement.count < $1.probeNsPerElement.count }),
              log.probeNsPerElement.count >= 2 else { return nil }
        return log.band ?? Screening.quietBand(log.probeNsPerElement, tolerance: configuration.screening?.tolerance ?? 0.03)
    }
}
