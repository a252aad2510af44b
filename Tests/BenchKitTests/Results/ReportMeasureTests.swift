import Foundation
import Testing
@testable import BenchKit

@Suite struct ReportMeasureTests {
    @Test func aThroughputReportIsWrittenWithMeasureTime() throws {
        let data = try ReportFixture.report().jsonData()
        #expect(String(decoding: data, as: UTF8.self).contains(#""measure" : "time""#))
        #expect(try ReportHeader.decode(from: data) == ReportHeader(schemaVersion: ThroughputReport.currentSchemaVersion,
                                                                   kind: "throughput", measure: .time))
    }

    @Test func aVersion2ReportWithoutMeasureReadsAsTime() throws {
        // A version 2 file is a version 3 one without "measure": the committed baselines are such files.
        var object = try JSONSerialization.jsonObject(with: ReportFixture.report().jsonData()) as! [String: Any]
        object["schema_version"] = 2
        object.removeValue(forKey: "measure")
        let data = try JSONSerialization.data(withJSONObject: object)
        let report = try ThroughputReport.decode(from: data)
        #expect(report.schemaVersion == 2)
        #expect(report.measure == .time)
        #expect(try ReportHeader.decode(from: data).measure == .time)
    }

    @Test func anUnknownMeasureIsMalformed() {
        let data = Data(#"{"schema_version": 3, "kind": "throughput", "measure": "joules"}"#.utf8)
        let error = #expect(throws: ReportError.self) { try ReportHeader.decode(from: data) }
        guard case .malformed(let detail)? = error else { Issue.record("expected .malformed, got \(String(describing: error))"); return }
        #expect(detail.contains("joules"))
    }

    @Test func version1IsRefused() {
        #expect(throws: ReportError.schemaVersion(found: 1, expected: ThroughputReport.currentSchemaVersion)) {
            try ReportHeader.decode(from: Data(#"{"schema_version": 1, "kind": "throughput"}"#.utf8))
        }
    }
}
