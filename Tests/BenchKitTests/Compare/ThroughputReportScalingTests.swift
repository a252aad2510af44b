@testable import BenchKit
import Testing

@Suite struct ThroughputReportScalingTests {
    @Test func scalesSamplesAndSummaries() {
        var report = syntheticReport([("sigmoid", [1, 2, 3], 1)])
        report.scaleTimes(by: 0.5)
        #expect(report.results[0].samplesNsPerElement == [0.5, 1, 1.5])
        #expect(report.results[0].summary.medianNsPerElement == 1)
        #expect(report.results[0].summary.gelemPerSecond == 1)
        #expect(report.results[0].maxULP == 1)
    }

    @Test func scaledBaselineMakesTheSameRunTenPercentSlower() throws {
        var gen = SyntheticTimings(seed: 41)
        let current = syntheticReport([("tanh", gen.samples(median: 1, count: 21, sigma: 0.02), nil)])
        var baseline = current
        baseline.scaleTimes(by: 1 / 1.1)
        let c = try ReportComparison(baseline: baseline, current: current)
        #expect(abs(c.kernels[0].ratio.estimate - 1.1) < 1e-9)
        #expect(c.kernels[0].timing == .regressed)
    }
}
