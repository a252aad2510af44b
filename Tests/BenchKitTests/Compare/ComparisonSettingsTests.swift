@testable import BenchKit
import Testing

@Suite struct ComparisonSettingsTests {
    @Test(arguments: [("5%", 0.05), ("0.05", 0.05), (" 12.5 % ", 0.125), ("0.5%", 0.005), ("99%", 0.99)])
    func thresholdParses(text: String, value: Double) throws {
        #expect(abs(try ComparisonSettings.parseThreshold(text) - value) < 1e-12)
    }

    @Test(arguments: ["5", "0", "0%", "-5%", "100%", "1", "abc", "", "%", "nan", "inf%"])
    func badThresholdIsAUsageError(text: String) {
        #expect(throws: UsageError.self) { try ComparisonSettings.parseThreshold(text) }
    }

    /// --drift takes 0 (no allowance) and names itself in its errors.
    @Test func driftAllowsZeroAndIsNamed() throws {
        #expect(try ComparisonSettings.parseThreshold("0", option: "--drift", allowingZero: true) == 0)
        #expect(try ComparisonSettings.parseThreshold("0%", option: "--drift", allowingZero: true) == 0)
        #expect(try ComparisonSettings.parseThreshold("3%", option: "--drift", allowingZero: true) == 0.03)
        let error = #expect(throws: UsageError.self) {
            try ComparisonSettings.parseThreshold("-1%", option: "--drift", allowingZero: true)
        }
        #expect(error?.message == "--drift '-1%' is out of range; accepted: a percentage such as 5% or a fraction such as 0.05, "
            + "from 0 to below 100%")
    }

    @Test func verdictRuleIsSymmetricOnALogScale() {
        let s = ComparisonSettings(threshold: 0.05)
        #expect(s.verdict(for: .init(estimate: 1.1, lower: 1.051, upper: 1.2)) == .regressed)
        #expect(s.verdict(for: .init(estimate: 1.1, lower: 1.049, upper: 1.2)) == .unchanged)
        #expect(s.verdict(for: .init(estimate: 0.9, lower: 0.8, upper: 1 / 1.05 - 1e-6)) == .improved)
        #expect(s.verdict(for: .init(estimate: 0.9, lower: 0.8, upper: 0.96)) == .unchanged)
        #expect(s.verdict(for: .init(estimate: 1, lower: 0.5, upper: 2)) == .unchanged)
    }

    @Test func accuracyRegressionNeedsARiseBeyondEpsilon() {
        let s = ComparisonSettings()
        #expect(s.accuracyRegressed(baseline: 1.5, current: 1.6))
        #expect(!s.accuracyRegressed(baseline: 1.5, current: 1.5 + 1e-12))
        #expect(!s.accuracyRegressed(baseline: 1.5, current: 1.2))
        #expect(s.accuracyRegressed(baseline: 3, current: .infinity))
        #expect(!s.accuracyRegressed(baseline: .infinity, current: .infinity))
        #expect(s.accuracyRegressed(baseline: 3, current: .nan))
        #expect(!s.accuracyRegressed(baseline: .nan, current: .nan))
    }
}
