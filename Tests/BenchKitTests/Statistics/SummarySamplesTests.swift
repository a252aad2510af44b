import Testing
@testable import BenchKit

/// `KernelResult.Summary(nsPerElement:cyclesPerElement:)` and `ThroughputReport.fillRelativeFigures()`.
@Suite struct ThroughputReportSummaryTests {
    @Test func summaryIsDerivedFromTheMedian() {
        let s = KernelResult.Summary(nsPerElement: [0.5, 0.4, 2.0, 0.5, 0.6], cyclesPerElement: [2, 1.5, 9, 2, 2.5])
        #expect(s.medianNsPerElement == 0.5)
        #expect(s.minNsPerElement == 0.4)
        #expect(abs(s.p90NsPerElement - 1.44) < 1e-12)   // rank 3.6 between 0.6 and 2.0
        #expect(abs(s.madPercent - 20) < 1e-12)          // deviations 0 0 .1 .1 1.5 → MAD 0.1
        #expect(s.gelemPerSecond == 2)
        #expect(s.gbytesPerSecond == 16)
        #expect(s.medianCyclesPerElement == 2)
        #expect(s.speedupOverNaive == nil && s.rooflineShare == nil)
    }

    @Test func relativeFiguresComeFromTheSameSizeOnly() throws {
        var report = ReportFixture.report(sizes: [4096, 1 << 20])
        report.fillRelativeFigures()
        func row(_ f: String, _ i: String, _ size: Int) throws -> KernelResult.Summary {
            try #require(report.results.first { $0.function == f && $0.implementation == i && $0.size == size }).summary
        }
        // Fixture: at 1M naive 2.0 ns, simd 0.25 ns, copy 0.125 ns; at 4K everything twice as fast.
        #expect(try row("exp", "swift-simd16", 1 << 20).speedupOverNaive == 8)
        #expect(try row("exp", "swift-naive", 1 << 20).speedupOverNaive == 1)
        #expect(try row("exp", "swift-simd16", 1 << 20).rooflineShare == 0.5)
        #expect(try row("exp", "swift-simd16", 4096).rooflineShare == 0.5)
        #expect(try row("copy", "memcpy", 1 << 20).rooflineShare == 1)
        #expect(try row("copy", "memcpy", 1 << 20).speedupOverNaive == nil)
    }

    @Test func missingReferenceRowsLeaveTheFiguresNil() {
        var report = ReportFixture.report()
        report.results.removeAll { $0.implementation == "swift-naive" || $0.function == "copy" }
        report.results[0].summary.speedupOverNaive = 3   // stale values are cleared, not kept
        report.fillRelativeFigures()
        #expect(report.results.allSatisfy { $0.summary.speedupOverNaive == nil && $0.summary.rooflineShare == nil })
    }
}
