@testable import BenchKit
import Foundation
import Testing

@Suite struct ReportFileTests {
    let directory: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportfile-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    @Test func roundTrips() throws {
        let path = directory + "/r.json"
        try writeAtomically(try ReportFixture.report().jsonData(), to: path)
        #expect(try ThroughputReport.load(path: path) == ReportFixture.report())
    }

    @Test func missingFileIsMissing() {
        #expect(throws: ReportFileError.missing(path: directory + "/none.json")) { try ThroughputReport.load(path: directory + "/none.json") }
    }

    @Test func directoryIsUnreadable() {
        #expect(throws: ReportFileError.unreadable(path: directory, reason: "it is a directory")) { try ThroughputReport.load(path: directory) }
    }

    @Test func otherSchemaVersionIsInvalid() throws {
        let path = directory + "/v9.json"
        try writeAtomically(Data(#"{"schema_version": 9, "kind": "throughput"}"#.utf8), to: path)
        #expect(throws: ReportFileError.invalid(path: path, .schemaVersion(found: 9, expected: ThroughputReport.currentSchemaVersion))) { try ThroughputReport.load(path: path) }
    }

    @Test func garbageIsInvalidAndNamesThePath() throws {
        let path = directory + "/bad.json"
        try writeAtomically(Data("{not json".utf8), to: path)
        do {
            _ = try ThroughputReport.load(path: path)
            Issue.record("expected an error")
        } catch {
            guard case .invalid(path, .malformed) = error else { Issue.record("got \(error)"); return }
            #expect(error.description.hasPrefix(path + ": not a valid bench report"))
        }
    }
}
