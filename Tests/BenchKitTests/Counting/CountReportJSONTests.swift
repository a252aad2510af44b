import Foundation
import Testing
@testable import BenchKit

@Suite struct CountReportJSONTests {
    @Test func roundTripGivesAnEqualReportWithMeasureInstructions() throws {
        let report = CountFixture.report()
        let data = try report.jsonData()
        #expect(try CountReport.decode(from: data) == report)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""measure" : "instructions""#))
        #expect(text.contains(#""schema_version" : \#(ThroughputReport.currentSchemaVersion)"#))
        for key in ["instructions_per_element", "call_instructions", "harness_instructions", "valgrind_version",
                    "swift_target_cpu", "libc_version"] {
            #expect(text.contains("\"\(key)\""), "missing key \(key)")
        }
        #expect(try ReportHeader.decode(from: data).measure == .instructions)
    }

    @Test func theHarnessIsSubtractedAndDividedBySize() {
        let count = KernelCount(function: "elu", implementation: "x", isa: "avx2", size: 1000, callInstructions: [4072, 4072], harness: 72)
        #expect(count.instructions == 4000)
        #expect(count.instructionsPerElement == 4)
        #expect(count.isRepeatable)
        #expect(!KernelCount(function: "elu", implementation: "x", isa: "avx2", size: 1, callInstructions: [5, 6], harness: 0).isRepeatable)
    }

    @Test func aThroughputReaderRefusesACountReportByMeasure() throws {
        let data = try CountFixture.report().jsonData()
        #expect(throws: ReportError.wrongMeasure(found: .instructions, expected: .time)) { try ThroughputReport.decode(from: data) }
    }

    @Test func aCountReaderRefusesAThroughputReportByMeasure() throws {
        let data = try ReportFixture.report().jsonData()
        #expect(throws: ReportError.wrongMeasure(found: .time, expected: .instructions)) { try CountReport.decode(from: data) }
    }

    @Test func aTruncatedCountReportIsMalformed() throws {
        let data = try CountFixture.report().jsonData()
        let error = #expect(throws: ReportError.self) { try CountReport.decode(from: data.prefix(data.count / 2)) }
        guard case .malformed? = error else { Issue.record("expected .malformed, got \(String(describing: error))"); return }
    }
}
