@testable import BenchKit
import Testing

/// The table and Markdown views of a comparison (ReportComparison+Table/+Markdown/+Rows).
@Suite struct ReportComparisonViewTests {
    func comparison() throws -> ReportComparison {
        try ReportComparison(baseline: syntheticReport([("sigmoid", [1, 1, 1], 1.5), ("tanh", [1, 1, 1], nil), ("old", [1], nil)]),
                             current: syntheticReport([("sigmoid", [2, 2, 2], 2.5), ("tanh", [1, 1, 1], nil), ("new", [1], nil)]))
    }

    @Test func tableLeadsWithTheOutcomeAndListsEveryKernel() throws {
        let text = try comparison().tableText()
        #expect(text.hasPrefix("comparison FAILED: 1 regressed, 0 improved, 1 unchanged; 1 accuracy regression; 1 added, 1 removed"))
        #expect(text.contains("sigmoid/swift-simd16@256K"))
        #expect(text.contains("REGRESSED"))
        #expect(text.contains("1.50 → 2.50"))
        #expect(text.contains("WORSE"))
        #expect(text.contains("not compared"))
        #expect(text.contains("added (only in current): new/swift-simd16@256K"))
        #expect(text.contains("removed (only in baseline): old/swift-simd16@256K"))
        #expect(text.contains("percentile-bootstrap"))
    }

    @Test func markdownListsRegressionsBeforeTheTable() throws {
        let text = try comparison().markdownText()
        #expect(text.hasPrefix("## Performance comparison: FAILED"))
        let regressions = try #require(text.range(of: "### Regressions"))
        let table = try #require(text.range(of: "### All kernels"))
        #expect(regressions.lowerBound < table.lowerBound)
        #expect(text.contains("- `sigmoid/swift-simd16@256K`: 100.0% slower, max ulp 1.50 → 2.50"))
        #expect(text.contains("| kernel | baseline ns/elem | current ns/elem | ratio | 95% interval | timing | max ulp | accuracy |"))
        #expect(text.contains("`abc1234`"))
    }

    @Test func passingComparisonSaysPassed() throws {
        let c = try ReportComparison(baseline: syntheticReport([("elu", [1, 1], 1)]), current: syntheticReport([("elu", [1, 1], 1)]))
        #expect(c.tableText().hasPrefix("comparison passed: 0 regressed, 0 improved, 1 unchanged; 0 accuracy regressions\n"))
        #expect(c.markdownText().hasPrefix("## Performance comparison: passed"))
        #expect(!c.markdownText().contains("### Regressions"))
    }
}
