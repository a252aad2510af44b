import Foundation

/// How two reports are compared: the threshold of the verdict rule and the bootstrap's parameters.
///
/// The verdict rule is symmetric on a log scale, so a slowdown by a factor (1 + t) and a speedup by
/// the same factor are judged alike:
/// - **regressed** when the whole interval lies above 1 + t (lower bound > 1 + t);
/// - **improved** when the whole interval lies below 1 / (1 + t) (upper bound < 1 / (1 + t));
/// - **unchanged** otherwise, including when the interval straddles a bound (not enough evidence).
///
/// Requiring the interval, not just the estimate, to clear the threshold is what keeps within-run
/// noise from being called a change. The interval is first widened for run-to-run drift (`drift`):
/// before the harness screened out contended samples, five A/A runs of one build on a shared 2-core
/// machine moved single kernels' medians by 0.85–1.18× (robust SD ≈ 5–6% of log ratio) while each
/// run's own bootstrap intervals were ±1–3%, so an interval from the samples alone called 2–17 of 27
/// kernels changed in 3 of 5 A/A runs. With screening the estimated drift there is ~0.3%.
public struct ComparisonSettings: Sendable, Equatable {
    /// Relative change in time per element that counts, e.g. 0.05 for 5%.
    public var threshold: Double
    public var confidence: Double
    public var resamples: Int
    public var seed: UInt64
    /// A rise of max ulp larger than this is an accuracy regression. Max ulp is a deterministic figure
    /// of a fixed sample; the epsilon only absorbs the printing and parsing of a decimal.
    public var ulpEpsilon: Double
    /// Relative SD of one kernel's median between runs of the same build. nil: estimated from the
    /// comparison itself as the robust spread (1.4826·MAD) of the kernels' log ratios, when at least
    /// `minimumKernelsForDriftEstimate` kernels are compared (else 0, with a note). Most kernels do not
    /// change in one commit, so their ratios' spread is drift; kernels that did change are outliers a
    /// MAD ignores. Set it (e.g. 0) to judge from within-run noise only.
    public var drift: Double?
    public static let minimumKernelsForDriftEstimate = 8
    /// Whether timing regressions make the comparison fail (off on noisy CI machines: the timing is
    /// still reported, but only accuracy regressions fail).
    public var timingVerdictsFail: Bool

    public init(threshold: Double = 0.05, confidence: Double = 0.95, resamples: Int = 2000, seed: UInt64 = 0xC0FFEE,
                ulpEpsilon: Double = 1e-9, timingVerdictsFail: Bool = true, drift: Double? = nil) {
        self.drift = drift
        self.threshold = threshold
        self.confidence = confidence
        self.resamples = resamples
        self.seed = seed
        self.ulpEpsilon = ulpEpsilon
        self.timingVerdictsFail = timingVerdictsFail
    }

    public func verdict(for ratio: BootstrapRatio) -> TimingVerdict {
        if ratio.lower > 1 + threshold { return .regressed }
        if ratio.upper < 1 / (1 + threshold) { return .improved }
        return .unchanged
    }

    /// True when `current` max ulp is worse than `baseline` beyond the epsilon. A NaN figure where the
    /// baseline had a number is worse; two NaNs or two infinities are the same.
    public func accuracyRegressed(baseline: Double, current: Double) -> Bool {
        if current.isNaN { return !baseline.isNaN }
        if baseline.isNaN { return false }
        if current == baseline { return false }
        return current > baseline + ulpEpsilon
    }

    /// Parses "5%", "5 %" or "0.05" into 0.05. Accepted: a finite fraction in (0, 1), or a percentage
    /// in (0, 100); a bare number ≥ 1 is refused as ambiguous ("5" could mean 5% or 500%).
    /// A percentage ("5%") or fraction ("0.05") in (0, 1) — or [0, 1) with `allowingZero` — for the
    /// option named `option`, which the error message names.
    public static func parseThreshold(_ text: String, option: String = "--threshold",
                                      allowingZero: Bool = false) throws(UsageError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let isPercent = trimmed.hasSuffix("%")
        let number = isPercent ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
        let accepted = "accepted: a percentage such as 5% or a fraction such as 0.05, "
            + (allowingZero ? "from 0 to below 100%" : "greater than 0 and below 100%")
        guard let value = Double(number), value.isFinite else {
            throw UsageError("bad \(option) '\(text)'; \(accepted)")
        }
        let fraction = isPercent ? value / 100 : value
        guard allowingZero ? fraction >= 0 : fraction > 0, fraction < 1 else {
            throw UsageError("\(option) '\(text)' is out of range; \(accepted)")
        }
        return fraction
    }
}

/// The timing verdict of one kernel.
public enum TimingVerdict: String, Sendable, Equatable, Codable {
    case improved, unchanged, regressed
}
