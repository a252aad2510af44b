/// Order statistics of a set of timing samples.
///
/// Timings on a shared machine have a long right tail (interrupts, frequency changes, a neighbour's
/// job), so the suite reports the median and a median-based spread rather than mean and standard
/// deviation, which one interrupted sample can move arbitrarily. The samples are sorted once here so
/// every figure is a cheap lookup.
public struct SampleStatistics: Sendable, Equatable {
    /// The samples in ascending order.
    public let sorted: [Double]

    /// - Precondition: `samples` is not empty (a summary of nothing would be a made-up number).
    public init(_ samples: [Double]) {
        precondition(!samples.isEmpty, "SampleStatistics needs at least one sample")
        sorted = samples.sorted()
    }

    public var count: Int { sorted.count }
    public var min: Double { sorted[0] }
    public var max: Double { sorted[sorted.count - 1] }
    public var mean: Double { sorted.reduce(0, +) / Double(sorted.count) }

    /// The middle value; the mean of the two middle values for an even count.
    public var median: Double { percentile(50) }

    /// The `p`-th percentile, `p` in 0...100, by linear interpolation between order statistics
    /// (Hyndman & Fan type 7, as NumPy's default and Excel's PERCENTILE.INC): the rank
    /// h = (n − 1)·p/100 falls between the sorted samples ⌊h⌋ and ⌈h⌉ and the result is weighted by
    /// the fraction of h. So percentile(0) is the min, percentile(100) the max, percentile(50) the
    /// median, and a single sample is every percentile. Interpolating (rather than picking the
    /// nearest sample) keeps p90 from jumping between samples as the sample count changes.
    public func percentile(_ p: Double) -> Double {
        precondition((0...100).contains(p), "percentile must be within 0...100, got \(p)")
        let rank = Double(sorted.count - 1) * p / 100
        let lower = Int(rank.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = rank - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// Median absolute deviation: the median of |xᵢ − median|. Unscaled (no 1.4826 factor): it is
    /// reported as a spread, not used as an estimate of a normal σ, and timings are not normal.
    public var mad: Double {
        let m = median
        return SampleStatistics(sorted.map { abs($0 - m) }).median
    }

    /// MAD as a percentage of the median, so spreads of fast and slow kernels compare directly.
    /// 0 when every sample is equal; infinite if the median is 0 but the samples are not all 0.
    public var madPercent: Double {
        let m = median, d = mad
        if d == 0 { return 0 }
        return d / abs(m) * 100
    }

    /// Interquartile range, p75 − p25 (same interpolation as `percentile`).
    public var iqr: Double { percentile(75) - percentile(25) }
}
