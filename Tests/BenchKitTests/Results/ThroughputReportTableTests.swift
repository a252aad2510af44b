import Testing
@testable import BenchKit

@Suite struct ThroughputReportTableTests {
    /// Headings are the unindented lines between the column header and the footer; rows are indented.
    private func groups(_ text: String) -> [(heading: String, rows: [String])] {
        var out: [(String, [String])] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        for line in lines.dropFirst().dropLast() {
            if line.hasPrefix("  ") { out[out.count - 1].1.append(line) } else { out.append((line, [])) }
        }
        return out
    }

    @Test func headerNamesEveryColumnInOrder() throws {
        let header = try #require(ReportFixture.report().tableText().split(separator: "\n").first.map(String.init))
        let titles = ["implementation", "ISA", "Gelem/s", "ns/elem", "cycles/elem", "speedup", "roofline", "spread", "max ulp"]
        let positions = titles.map { header.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil))
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func oneRowPerResultGroupedByFunctionWithCopyLast() {
        let report = ReportFixture.report()
        let g = groups(report.tableText())
        #expect(g.map(\.heading) == ["exp", "gelu", "copy (roofline)"])
        #expect(g.map(\.rows.count) == [3, 2, 1])
        #expect(g[0].rows.allSatisfy { $0.contains("swift-") || $0.contains("c-sleef") })
        #expect(g[2].rows[0].contains("memcpy"))
    }

    @Test func figuresAreRoundedAndRightAligned() throws {
        let text = ReportFixture.report().tableText()
        let lines = text.split(separator: "\n").map(String.init)
        let simd = try #require(lines.first { $0.contains("swift-simd16") })
        #expect(simd.contains("8.00x"))      // 2 ns / 0.25 ns
        #expect(simd.contains("50%"))        // 32 GB/s of the copy's 64
        #expect(simd.contains("0.250"))      // ns/elem to three digits
        #expect(simd.contains("4.00"))       // Gelem/s
        #expect(lines.first { $0.contains("swift-naive") }?.contains("1.00x") == true)
        // Every figure ends in the same column as its title.
        let header = lines[0]
        let end = try #require(header.range(of: "Gelem/s")).upperBound
        let endOffset = header.distance(from: header.startIndex, to: end)
        for row in lines where row.hasPrefix("  ") && row != header {
            let chars = Array(row)
            #expect(chars[endOffset - 1] != " " && chars[endOffset] == " ", "misaligned: \(row)")
        }
    }

    @Test func maxULPColumnOnlyWhenSomeRowHasIt() {
        var report = ReportFixture.report()
        #expect(report.tableText().contains("max ulp"))
        #expect(report.tableText().contains("inf"))
        for i in report.results.indices { report.results[i].maxULP = nil }
        #expect(!report.tableText().contains("max ulp"))
    }

    @Test func severalSizesAreGroupedBySizeThenFunction() {
        let text = ReportFixture.report(sizes: [1 << 20, 4096]).tableText()
        let small = text.range(of: "== size 4K (4096 elements) ==")
        let large = text.range(of: "== size 1M (1048576 elements) ==")
        #expect(small != nil && large != nil)
        if let small, let large { #expect(small.lowerBound < large.lowerBound) }
        let headings = groups(text).map(\.heading).filter { !$0.hasPrefix("==") }
        #expect(headings == ["exp", "gelu", "copy (roofline)", "exp", "gelu", "copy (roofline)"])
    }

    @Test func footerNamesTheMachineAndSampleCount() throws {
        let footer = try #require(ReportFixture.report(samples: 7).tableText().split(separator: "\n").last)
        for part in ["Test CPU 9000", "avx512", "native", "release", "median of 7 samples"] {
            #expect(footer.contains(part), "footer lacks \(part): \(footer)")
        }
    }

    @Test func sizeLabelsUseBinarySuffixes() {
        #expect(ThroughputReport.sizeLabel(1 << 20) == "1M")
        #expect(ThroughputReport.sizeLabel(4096) == "4K")
        #expect(ThroughputReport.sizeLabel(3 << 30) == "3G")
        #expect(ThroughputReport.sizeLabel(1000) == "1000")
    }
}
