import Testing
@testable import BenchKit

@Suite struct ThroughputReportCSVTests {
    /// A minimal RFC 4180 reader, enough to check what the writer produces.
    private func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }

    @Test func headerThenOneRowPerResult() {
        let report = ReportFixture.report(sizes: [4096, 1 << 20])
        let rows = parse(report.csvText())
        #expect(rows.first == ThroughputReport.csvColumns)
        #expect(rows.count == report.results.count + 1)
        #expect(rows.allSatisfy { $0.count == ThroughputReport.csvColumns.count })
    }

    @Test func figuresAreFullPrecisionAndAbsentOnesEmpty() throws {
        let rows = parse(ReportFixture.report().csvText())
        let col = { (name: String) in ThroughputReport.csvColumns.firstIndex(of: name)! }
        let simd = try #require(rows.first { $0[1] == "swift-simd16" && $0[0] == "exp" })
        #expect(simd[col("median_ns_per_element")] == "0.25")
        #expect(simd[col("speedup_over_naive")] == "8.0")
        #expect(simd[col("samples")] == "5")
        let copy = try #require(rows.first { $0[0] == "copy" })
        #expect(copy[col("speedup_over_naive")] == "")
        #expect(copy[col("max_ulp")] == "")
    }

    @Test func fieldsWithCommasOrQuotesAreQuoted() {
        var report = ReportFixture.report()
        report.results[0].implementation = #"odd, "name""#
        let text = report.csvText()
        #expect(text.contains(#""odd, ""name""""#))
        #expect(parse(text)[1][1] == #"odd, "name""#)
        #expect(ThroughputReport.csvField("plain") == "plain")
        #expect(ThroughputReport.csvField("two\nlines") == "\"two\nlines\"")
    }
}
