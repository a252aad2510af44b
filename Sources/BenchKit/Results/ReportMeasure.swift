import Foundation

/// What a report's figures are: wall-clock time (`bench run`) or instructions counted under
/// callgrind (`bench count`). Reports of the two measures are never compared with each other.
public enum ReportMeasure: String, Codable, Sendable, Equatable, CaseIterable {
    case time
    case instructions
}

/// The fields every report starts with, read before the rest so that a file of another version,
/// kind or measure is refused with that reason rather than with a missing-field message.
public struct ReportHeader: Sendable, Equatable {
    public var schemaVersion: Int
    public var kind: String
    /// "time" when the file has no `measure` field (schema version 2 and earlier).
    public var measure: ReportMeasure

    /// Reads the header of a report's JSON. Throws `ReportError` for anything that is not a report
    /// header of a readable version.
    public static func decode(from data: Data) throws(ReportError) -> ReportHeader {
        struct Fields: Decodable {
            var schemaVersion: Int?
            var kind: String?
            var measure: String?
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", kind, measure }
        }
        let fields: Fields
        do { fields = try JSONDecoder().decode(Fields.self, from: data) } catch {
            throw .malformed(ThroughputReport.explain(error))
        }
        // The kind first: an accuracy report has its own schema versions, so a version complaint
        // about one would hide that it is the wrong kind of file.
        if let kind = fields.kind, kind != "throughput" { throw .wrongKind(kind) }
        guard let version = fields.schemaVersion else { throw .malformed("no \"schema_version\" field") }
        guard ThroughputReport.readableSchemaVersions.contains(version) else {
            throw .schemaVersion(found: version, expected: ThroughputReport.currentSchemaVersion)
        }
        guard let kind = fields.kind else { throw .malformed("no \"kind\" field") }
        var measure = ReportMeasure.time
        if let text = fields.measure {
            guard let known = ReportMeasure(rawValue: text) else {
                throw .malformed("unknown \"measure\" \"\(text)\"; known: \(ReportMeasure.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            measure = known
        }
        return ReportHeader(schemaVersion: version, kind: kind, measure: measure)
    }

    /// Reads the header of the report file at `path`, naming the path in every error.
    public static func load(path: String) throws(ReportFileError) -> ReportHeader {
        let data = try ReportFileError.read(path: path)
        do { return try decode(from: data) } catch { throw .invalid(path: path, error) }
    }
}
