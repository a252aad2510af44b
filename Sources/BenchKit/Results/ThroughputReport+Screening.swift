import Foundation

extension ThroughputReport {
    /// "got only 4 of 15 quiet samples for some kernel at 256K within 60 s" when a screened run's
    /// budget ran out before every kernel had `samples` quiet samples; nil otherwise.
    public var screeningShortfall: String? {
        guard let screening = configuration.screening,
              let log = rounds.min(by: { $0.quietCount < $1.quietCount }),
              log.quietCount < configuration.samples else { return nil }
        return "got only \(log.quietCount) of \(configuration.samples) quiet samples for some kernel at "
            + "\(Self.sizeLabel(log.size)) within \(String(format: "%.0f", screening.maxDuration)) s"
    }

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
