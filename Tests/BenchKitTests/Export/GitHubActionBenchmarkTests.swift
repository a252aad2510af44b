@testable import BenchKit
import Foundation
import Testing

@Suite struct GitHubActionBenchmarkTests {
    @Test func oneBiggerIsBetterEntryPerResult() throws {
        let report = ReportFixture.report()
        let entries = report.gitHubActionBenchmarkEntries
        #expect(entries.count == report.results.count)
        let simd = try #require(entries.first { $0.name == "exp/swift-simd16@1M" })
        #expect(simd.unit == "Gelem/s")
        #expect(simd.value == 4)   // 0.25 ns per element
        #expect(simd.extra.contains("median 0.250 ns/elem"))
        #expect(simd.extra.contains("max ulp 1.50"))
    }

    @Test func jsonIsAnArrayOfNameUnitValueExtra() throws {
        let data = try ReportFixture.report().gitHubActionBenchmarkJSON()
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 6)
        #expect(Set(array[0].keys) == ["name", "unit", "value", "extra"])
    }
}
