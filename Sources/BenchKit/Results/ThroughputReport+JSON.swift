import Foundation

/// Why a results file could not be read. Each description says what was wrong and what is accepted.
public enum ReportError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case malformed(String)
    case schemaVersion(found: Int, expected: Int)
    case wrongKind(String)

    public var description: String {
        switch self {
        case .malformed(let detail):
            return "not a valid throughput report: \(detail)"
        case .schemaVersion(let found, let expected):
            return "report has schema_version \(found), but this bench reads only schema_version \(expected); "
                + "re-run the benchmark with this version to get a comparable file"
        case .wrongKind(let kind):
            return "report is of kind \"\(kind)\", expected \"throughput\""
        }
    }

    public var errorDescription: String? { description }
}

extension ThroughputReport {
    /// JSON with sorted keys so two runs diff line by line. Infinities and NaN (an `inf` max ulp from
    /// a kernel that returned NaN, say) are written as strings, since JSON has no such numbers and
    /// the default encoder would refuse the whole report.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = Self.nonFiniteEncoding
        return try encoder.encode(self)
    }

    /// Reads a report, checking `schema_version` and `kind` before anything else: a file from another
    /// version would otherwise fail on some renamed field with a message that hides the real cause.
    public static func decode(from data: Data) throws -> ThroughputReport {
        struct Header: Decodable {
            var schemaVersion: Int?
            var kind: String?
            enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version", kind }
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = Self.nonFiniteDecoding

        let header: Header
        do { header = try decoder.decode(Header.self, from: data) } catch { throw ReportError.malformed(explain(error)) }
        guard let version = header.schemaVersion else { throw ReportError.malformed("no \"schema_version\" field") }
        guard version == currentSchemaVersion else {
            throw ReportError.schemaVersion(found: version, expected: currentSchemaVersion)
        }
        guard let kind = header.kind else { throw ReportError.malformed("no \"kind\" field") }
        guard kind == "throughput" else { throw ReportError.wrongKind(kind) }

        do { return try decoder.decode(ThroughputReport.self, from: data) } catch { throw ReportError.malformed(explain(error)) }
    }

    private static let nonFiniteEncoding = JSONEncoder.NonConformingFloatEncodingStrategy
        .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    private static let nonFiniteDecoding = JSONDecoder.NonConformingFloatDecodingStrategy
        .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    /// A one-line account of a decoding failure naming the JSON path, instead of `DecodingError`'s
    /// multi-line dump of coding keys.
    private static func explain(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "top level" : String(text.drop { $0 == "." })
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))"
            return "missing field \"\(key.stringValue)\"\(parent)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) is not \(jsonName(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null, expected \(jsonName(type))"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            let detail = underlying ?? context.debugDescription
            return context.codingPath.isEmpty ? "not JSON (\(detail))" : "\(path(context.codingPath)): \(detail)"
        @unknown default:
            return "\(error)"
        }
    }

    /// The JSON kind of value a Swift type is read from, for messages a reader of the file understands.
    private static func jsonName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Dictionary") { return "an object" }
        if name.hasPrefix("Array") { return "an array" }
        if name == "String" { return "a string" }
        if name == "Bool" { return "true or false" }
        if ["Int", "UInt64", "Double", "Float"].contains(name) { return "a number" }
        return name
    }
}
