@testable import BenchKit
import Foundation
import Testing

@Suite struct BootstrapRatioTests {
    @Test func identicalConstantSamplesGiveAPointInterval() {
        let r = BootstrapRatio(baseline: Array(repeating: 2, count: 15), current: Array(repeating: 2, count: 15), seed: 1)
        #expect(r == BootstrapRatio(estimate: 1, lower: 1, upper: 1))
    }

    @Test func intervalContainsTheEstimateAndScalesWithTheData() {
        var gen = SyntheticTimings(seed: 7)
        let base = gen.samples(median: 1), cur = base.map { $0 * 1.2 }
        let r = BootstrapRatio(baseline: base, current: cur, seed: 3)
        #expect(abs(r.estimate - 1.2) < 1e-12)
        #expect(r.lower <= r.estimate && r.estimate <= r.upper)
        #expect(r.lower > 1 && r.upper < 1.45)
    }

    @Test func sameSeedSameIntervalOtherSeedClose() {
        var gen = SyntheticTimings(seed: 11)
        let a = gen.samples(median: 1), b = gen.samples(median: 1.05)
        let r1 = BootstrapRatio(baseline: a, current: b, seed: 5)
        #expect(r1 == BootstrapRatio(baseline: a, current: b, seed: 5))
        let r2 = BootstrapRatio(baseline: a, current: b, seed: 6)
        #expect(abs(r1.lower - r2.lower) < 0.02 && abs(r1.upper - r2.upper) < 0.02)
    }

    @Test func driftWidensInQuadratureOnALogScale() {
        let r = BootstrapRatio(estimate: 1, lower: 1, upper: 1).widened(byDrift: 0.05, confidence: 0.95)
        #expect(abs(log(r.upper) - 1.959964 * 0.05) < 1e-5 && abs(log(r.lower) + 1.959964 * 0.05) < 1e-5)
        let wide = BootstrapRatio(estimate: 1, lower: exp(-0.03), upper: exp(0.04)).widened(byDrift: 0.02 / 1.959964, confidence: 0.95)
        #expect(abs(log(wide.upper) - (0.04 * 0.04 + 0.0004).squareRoot()) < 1e-6)
        #expect(BootstrapRatio(estimate: 1.1, lower: 1, upper: 1.2).widened(byDrift: 0, confidence: 0.95)
                == BootstrapRatio(estimate: 1.1, lower: 1, upper: 1.2))
    }

    @Test func noisierSamplesGiveAWiderInterval() {
        var gen = SyntheticTimings(seed: 13)
        let quiet = BootstrapRatio(baseline: gen.samples(median: 1, sigma: 0.01), current: gen.samples(median: 1, sigma: 0.01), seed: 1)
        let noisy = BootstrapRatio(baseline: gen.samples(median: 1, sigma: 0.08), current: gen.samples(median: 1, sigma: 0.08), seed: 1)
        #expect(noisy.upper - noisy.lower > 2 * (quiet.upper - quiet.lower))
    }
}

@Suite struct ResampledMedianTests {
    /// The counting shortcut gives the median of the drawn values, for odd and even counts.
    @Test(arguments: [1, 2, 5, 6, 15, 16])
    func matchesTheMedianOfTheDrawnValues(count: Int) {
        var gen = SyntheticTimings(seed: UInt64(count))
        let samples = gen.samples(median: 1, count: count)
        var shortcut = ResampledMedian(samples)
        var g1 = SeededGenerator(seed: 99), g2 = SeededGenerator(seed: 99)
        let sorted = samples.sorted()
        for _ in 0..<200 {
            let drawn = (0..<count).map { _ in sorted[Int.random(in: 0..<count, using: &g2)] }
            #expect(shortcut.next(using: &g1) == SampleStatistics(drawn).median)
        }
    }
}
