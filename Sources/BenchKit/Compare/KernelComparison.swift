/// One kernel measured in both reports: the timing ratio with its interval and verdict, and the max-ulp
/// figures with theirs.
public struct KernelComparison: Sendable, Equatable {
    public var key: KernelKey
    public var baselineMedianNs: Double
    public var currentMedianNs: Double
    /// The bootstrap interval from the two runs' samples alone.
    public var ratio: BootstrapRatio
    /// `ratio` widened for run-to-run drift: the interval the verdict is taken from, and shown.
    public var judged: BootstrapRatio
    public var timing: TimingVerdict
    /// nil when that side did not measure accuracy (`--no-accuracy`); compared only when both did.
    public var baselineMaxULP: Double?
    public var currentMaxULP: Double?
    public var accuracyRegressed: Bool

    /// Compares two results of the same key. The bootstrap seed mixes the settings' seed with the
    /// key's label, so a kernel's interval does not depend on which other kernels were in the run.
    /// - Precondition: both results have samples (`ReportComparison` checks this first).
    public init(baseline: KernelResult, current: KernelResult, settings: ComparisonSettings, drift: Double = 0) {
        key = KernelKey(current)
        baselineMedianNs = SampleStatistics(baseline.samplesNsPerElement).median
        currentMedianNs = SampleStatistics(current.samplesNsPerElement).median
        ratio = BootstrapRatio(baseline: baseline.samplesNsPerElement, current: current.samplesNsPerElement,
                               resamples: settings.resamples, confidence: settings.confidence,
                               seed: settings.seed ^ Self.fnv1a(key.label))
        judged = ratio
        timing = .unchanged
        baselineMaxULP = baseline.maxULP
        currentMaxULP = current.maxULP
        if let b = baseline.maxULP, let c = current.maxULP {
            accuracyRegressed = settings.accuracyRegressed(baseline: b, current: c)
        } else {
            accuracyRegressed = false
        }
        judge(drift: drift, settings: settings)
    }

    /// Sets `judged` and `timing` for a drift (known only once every kernel's ratio is).
    mutating func judge(drift: Double, settings: ComparisonSettings) {
        judged = ratio.widened(byDrift: drift, confidence: settings.confidence)
        timing = settings.verdict(for: judged)
    }

    /// FNV-1a: a hash stable across processes (Swift's `Hasher` is randomly seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}
