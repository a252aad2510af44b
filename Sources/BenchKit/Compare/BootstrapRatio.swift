import Foundation

/// A ratio of medians with a confidence interval from a percentile bootstrap.
///
/// Method: each of `resamples` rounds draws `baseline.count` values from the baseline samples and
/// `current.count` values from the current samples, both with replacement, and records
/// median(current draw) / median(baseline draw). The interval is the (1 − confidence)/2 and
/// (1 + confidence)/2 percentiles of those recorded ratios; the estimate is the ratio of the full
/// samples' medians.
///
/// Why this method: timings on a shared machine are skewed with a long right tail, so neither a
/// t-interval (normality) nor a ratio of means (one interrupted sample moves it) fits. The median
/// ignores the tail, and resampling both sets lets the noise of each side widen the interval, so a
/// kernel with a noisy run gets a wide interval and is not called regressed on a lucky draw. The
/// generator is seeded, so the same two reports always give the same interval.
///
/// What it does not see: drift between two runs that moves every sample of one run alike (a
/// neighbour's job, a frequency change). That is what the verdict threshold is for (see
/// `ComparisonSettings`).
public struct BootstrapRatio: Sendable, Equatable {
    /// median(current) / median(baseline): > 1 means the current run takes longer per element.
    public var estimate: Double
    public var lower: Double
    public var upper: Double

    public init(estimate: Double, lower: Double, upper: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
    }

    /// The interval widened for run-to-run drift: on a log scale, each half-width of the bootstrap
    /// interval is combined in quadrature with z·`drift` (z the normal quantile of `confidence`), as
    /// two independent error sources add. `drift` is the relative standard deviation of one kernel's
    /// median between two runs of the same build, which within-run samples cannot show.
    public func widened(byDrift drift: Double, confidence: Double) -> BootstrapRatio {
        guard drift > 0 else { return self }
        let extra = normalQuantile((1 + confidence) / 2) * drift
        let center = log(estimate)
        let below = (center - log(lower)), above = (log(upper) - center)
        return BootstrapRatio(estimate: estimate, lower: exp(center - (below * below + extra * extra).squareRoot()),
                              upper: exp(center + (above * above + extra * extra).squareRoot()))
    }

    /// - Precondition: both sample sets are non-empty; `confidence` is in (0, 1); `resamples` ≥ 1.
    public init(baseline: [Double], current: [Double], resamples: Int = 2000, confidence: Double = 0.95, seed: UInt64) {
        precondition(!baseline.isEmpty && !current.isEmpty, "the bootstrap needs samples on both sides")
        precondition(confidence > 0 && confidence < 1 && resamples >= 1)
        var generator = SeededGenerator(seed: seed)
        var drawB = ResampledMedian(baseline), drawC = ResampledMedian(current)
        var ratios: [Double] = []
        ratios.reserveCapacity(resamples)
        for _ in 0..<resamples {
            // Baseline first, then current: the order fixes which draws each side gets from the seed.
            let b = drawB.next(using: &generator)
            ratios.append(drawC.next(using: &generator) / b)
        }
        let spread = SampleStatistics(ratios)
        let tail = (1 - confidence) / 2 * 100
        self.init(estimate: SampleStatistics(current).median / SampleStatistics(baseline).median,
                  lower: spread.percentile(tail), upper: spread.percentile(100 - tail))
    }
}

/// Medians of bootstrap resamples without sorting each resample. A resample is n indices drawn with
/// replacement into the *sorted* samples; since the sorted values rise with the index, the resample's
/// k-th smallest value is the sample at the k-th smallest drawn index, which a count of how often
/// each index was drawn finds in O(n). Same result as sorting the drawn values, several times faster,
/// which matters for tests that run thousands of comparisons in a debug build.
struct ResampledMedian {
    private let sorted: [Double]
    private var counts: [Int]

    init(_ samples: [Double]) {
        sorted = samples.sorted()
        counts = Array(repeating: 0, count: samples.count)
    }

    /// The median of one resample (the mean of the two middle values for an even count, as
    /// `SampleStatistics.median`).
    mutating func next(using generator: inout SeededGenerator) -> Double {
        let n = sorted.count
        for i in 0..<n { counts[i] = 0 }
        for _ in 0..<n { counts[Int.random(in: 0..<n, using: &generator)] += 1 }
        let lowRank = (n - 1) / 2, highRank = n / 2
        var seen = 0
        var low: Double?
        for i in 0..<n {
            seen += counts[i]
            if low == nil && seen > lowRank { low = sorted[i] }
            if seen > highRank { return (low! + sorted[i]) / 2 }
        }
        preconditionFailure("the counts add up to n, so the loop returns")
    }
}

/// The standard normal quantile, by bisection on erf: called once per comparison, so simplicity wins.
func normalQuantile(_ p: Double) -> Double {
    var lo = -10.0, hi = 10.0
    for _ in 0..<100 {
        let mid = (lo + hi) / 2
        if 0.5 * (1 + erf(mid / 2.0.squareRoot())) < p { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
}
