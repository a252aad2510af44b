import Testing
@testable import BenchKit

@Suite struct ThroughputReportMarkdownTests {
    @Test func machineAndCommandComeFirst() throws {
        let text = ReportFixture.report().markdownText()
        #expect(text.contains("- CPU: Test CPU 9000 (2 logical cores)"))
        #expect(text.contains("- Git commit: `abc1234`"))
        #expect(text.contains("`bench --all --size 1M`"))
        let machine = try #require(text.range(of: "## Machine"))
        let config = try #require(text.range(of: "## Configuration"))
        let firstTable = try #require(text.range(of: "| implementation |"))
        #expect(machine.lowerBound < config.lowerBound && config.lowerBound < firstTable.lowerBound)
    }

    @Test func oneTablePerFunctionAndOneRowPerResult() {
        let report = ReportFixture.report()
        let lines = report.markdownText().split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("## ") } == ["## Machine", "## Configuration", "## exp", "## gelu", "## copy (roofline)"])
        #expect(lines.filter { $0.hasPrefix("| implementation |") }.count == 3)
        let rows = lines.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| implementation |") && !$0.hasPrefix("| --- |") }
        #expect(rows.count == report.results.count)
        #expect(lines.contains { $0.hasPrefix("| --- | --- | --: |") })
    }

    @Test func severalSizesNameTheSizeInEachHeading() {
        let text = ReportFixture.report(sizes: [4096, 1 << 20]).markdownText()
        #expect(text.contains("## exp — size 4K (4096 elements)"))
        #expect(text.contains("## exp — size 1M (1048576 elements)"))
    }

    @Test func cellsAndCodeSpansSurviveMarkdownSyntax() {
        var report = ReportFixture.report()
        report.results[0].implementation = "a|b"
        #expect(report.markdownText().contains("| a\\|b |"))
        // A span ending in a backtick is padded, or its fence would merge with the closing one.
        #expect(ThroughputReport.codeSpan("echo `date`") == "`` echo `date` ``")
        #expect(ThroughputReport.codeSpan("a `b` c") == "``a `b` c``")
        #expect(ThroughputReport.codeSpan("`x`") == "`` `x` ``")
    }
}
