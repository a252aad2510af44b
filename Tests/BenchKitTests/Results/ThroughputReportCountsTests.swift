import Testing
@testable import BenchKit

@Suite struct ThroughputReportCountsTests {
    @Test func countsAddAnInstructionColumnByFunctionAndImplementation() throws {
        var report = ReportFixture.report()
        #expect(!report.tableText().contains("instr/elem"))
        var counts = CountFixture.report()
        counts.results[0].function = "exp"
        counts.results[0].implementation = "swift-simd16"
        report.attachCounts(counts, path: "counts.json")
        let table = report.tableText()
        #expect(table.contains("instr/elem"))
        #expect(report.results.filter { $0.instructionsPerElement != nil }.map(\.implementation) == ["swift-simd16"])
        #expect(table.contains("6.00"))
        #expect(table.contains("from counts.json"))
        // The column survives the JSON round trip.
        #expect(try ThroughputReport.decode(from: report.jsonData()) == report)
    }
}
