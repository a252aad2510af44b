import Foundation
import Testing
@testable import BenchKit

@Suite struct ThroughputReportJSONTests {
    @Test func roundTripGivesAnEqualReport() throws {
        var report = ReportFixture.report(sizes: [4096, 1 << 20])
        report.configuration.pinnedCPU = 1
        let decoded = try ThroughputReport.decode(from: report.jsonData())
        #expect(decoded == report)
        // The fixture's infinite max ulp must survive: JSON has no such number.
        #expect(decoded.results.contains { $0.maxULP == .infinity })
    }

    @Test func keysAreSnakeCaseAndSorted() throws {
        let text = String(decoding: try ReportFixture.report().jsonData(), as: UTF8.self)
        for key in ["schema_version", "samples_ns_per_element", "median_ns_per_element", "swift_vector_isa",
                    "min_sample_time_s", "max_ulp"] {
            #expect(text.contains("\"\(key)\""), "missing key \(key)")
        }
        #expect(!text.contains("samplesNsPerElement"))
        let order = ["\"configuration\"", "\"kind\"", "\"machine\"", "\"results\"", "\"schema_version\""]
            .map { text.range(of: $0)?.lowerBound }
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted() && !order.contains(nil))
    }

    @Test func anotherSchemaVersionIsRefusedByName() throws {
        var report = ReportFixture.report()
        report.schemaVersion = 99
        let error = #expect(throws: ReportError.self) { try ThroughputReport.decode(from: report.jsonData()) }
        #expect(error == .schemaVersion(found: 99, expected: ThroughputReport.currentSchemaVersion))
        #expect(error?.description.contains("99") == true)
    }

    @Test func theVersionIsCheckedBeforeAnyOtherField() {
        // A future file whose other fields changed must still be reported as a version mismatch.
        #expect(throws: ReportError.schemaVersion(found: 4, expected: ThroughputReport.currentSchemaVersion)) {
            try ThroughputReport.decode(from: Data(#"{"schema_version": 4, "results": "changed"}"#.utf8))
        }
    }

    @Test func malformedJSONIsReportedAsSuch() {
        let error = #expect(throws: ReportError.self) { try ThroughputReport.decode(from: Data("{not json".utf8)) }
        guard case .malformed(let detail)? = error else { Issue.record("expected .malformed, got \(String(describing: error))"); return }
        #expect(detail.contains("not JSON"))
    }

    @Test func aMissingFieldIsNamed() throws {
        var object = try #require(JSONSerialization.jsonObject(with: ReportFixture.report().jsonData()) as? [String: Any])
        object["results"] = nil
        let data = try JSONSerialization.data(withJSONObject: object)
        let error = #expect(throws: ReportError.self) { try ThroughputReport.decode(from: data) }
        #expect(error?.description.contains("\"results\"") == true, "\(String(describing: error))")
    }

    @Test func aMissingSchemaVersionIsMalformed() {
        let error = #expect(throws: ReportError.self) {
            try ThroughputReport.decode(from: Data(#"{"kind": "throughput"}"#.utf8))
        }
        #expect(error?.description.contains("schema_version") == true)
    }

    @Test func anotherKindIsRefused() throws {
        var report = ReportFixture.report()
        report.kind = "accuracy"
        #expect(throws: ReportError.wrongKind("accuracy")) { try ThroughputReport.decode(from: report.jsonData()) }
    }

    /// Measurements no run makes (a negative or NaN time, a negative probe reading) are refused as
    /// malformed, naming the row and field: judging them would give NaN intervals or a crash.
    @Test func implausibleMeasurementsAreMalformed() throws {
        func error(_ change: (inout ThroughputReport) -> Void) throws -> String? {
            var report = ReportFixture.report()
            change(&report)
            do { _ = try ThroughputReport.decode(from: report.jsonData()); return nil } catch { return "\(error)" }
        }
        #expect(try error { _ in } == nil)
        #expect(try error { $0.results[0].samplesNsPerElement[0] = -1 }?.contains("samples_ns_per_element holds -1.0") == true)
        #expect(try error { $0.results[0].samplesNsPerElement[0] = .nan }?.contains("holds nan") == true)
        #expect(try error { $0.results[0].samplesCyclesPerElement[0] = -3 }?.contains("samples_cycles_per_element") == true)
        #expect(try error { $0.rounds = [RoundLog(size: 1024, piecesPerRound: 1, probeNsPerElement: [1, -2], quiet: [true], duration: 1)] }?
            .contains("rounds[0].probe_ns_per_element holds -2.0") == true)
        #expect(try error { $0.results[0].size = -5 }?.contains("size -5") == true)
        #expect(try error { $0.results[0].threads = 0 }?.contains("threads 0") == true)
        #expect(try error { $0.results[0].maxULP = -3 }?.contains("max_ulp holds -3.0") == true)
        #expect(try error { $0.results[0].maxULP = .infinity } == nil)   // a kernel returning inf where the function is finite
    }

    /// An accuracy report has its own schema versions: the kind is named, not the version.
    @Test func anotherKindIsNamedBeforeItsVersion() {
        #expect(throws: ReportError.wrongKind("accuracy")) {
            try ThroughputReport.decode(from: Data(#"{"schema_version": 1, "kind": "accuracy"}"#.utf8))
        }
    }
}
