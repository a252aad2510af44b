import Foundation

/// Why a results file could not be read. Each description says what was wrong and what is accepted.
public enum ReportError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case malformed(String)
    case schemaVersion(found: Int, expected: Int)
    case wrongKind(String)
    /// A report of the other measure: counts where timings were expected, or the reverse.
    case wrongMeasure(found: ReportMeasure, expected: ReportMeasure)

    public var description: String {
        switch self {
        case .malformed(let detail):
            return "not a valid bench report: \(detail)"
        case .schemaVersion(let found, let expected):
            let readable = ThroughputReport.readableSchemaVersions
            return "report has schema_version \(found), but this bench reads schema_version \(readable.lowerBound) to \(expected); "
                + "re-run the benchmark with this version to get a comparable file"
        case .wrongKind(let kind):
            return "report is of kind \"\(kind)\", expected \"throughput\" (a report of bench run or bench count "
                + "with --format json)"
        case .wrongMeasure(let found, let expected):
            return "report has measure \"\(found.rawValue)\" (\(found == .instructions ? "from bench count" : "from bench run")), "
                + "expected \"\(expected.rawValue)\""
        }
    }

    public var errorDescription: String? { description }
}

extension ThroughputReport {
    /// JSON with sorted keys so two runs diff line by line. Infinities and NaN (an `inf` max ulp from
    /// a kernel that returned NaN, say) are written as strings, since JSON has no such numbers and
    /// the default encoder would refuse the whole report.
    public func jsonData() throws -> Data {
        try Self.reportEncoder.encode(self)
    }

    /// Reads a report, checking `schema_version`, `kind` and `measure` before anything else: a file
    /// from another version would otherwise fail on some renamed field with a message that hides the
    /// real cause, and a count report has none of a throughput report's sample fields.
    public static func decode(from data: Data) throws -> ThroughputReport {
        let header = try ReportHeader.decode(from: data)
        guard header.measure == .time else { throw ReportError.wrongMeasure(found: header.measure, expected: .time) }
        let report: ThroughputReport
        do { report = try reportDecoder.decode(ThroughputReport.self, from: data) } catch { throw ReportError.malformed(explain(error)) }
        if let problem = report.implausibleMeasurement { throw ReportError.malformed(problem) }
        return report
    }

    /// The first measurement no run can have made, or nil: a size or thread count below 1, a
    /// negative max ulp, a time per element that is not a finite positive number, a cycle count
    /// that is negative or not finite, a probe reading that is not finite and positive. Judging
    /// such a file would give NaN intervals (or a crash, or a verdict on nothing) instead of a
    /// verdict, so it is refused as malformed.
    var implausibleMeasurement: String? {
        func bad(_ values: [Double], positive: Bool) -> Double? {
            values.first { !$0.isFinite || (positive ? $0 <= 0 : $0 < 0) }
        }
        for r in results {
            if r.size < 1 || r.threads < 1 { return "\(r.id): size \(r.size), threads \(r.threads), which no run has" }
            if let ulp = r.maxULP, ulp < 0 { return "\(r.id): max_ulp holds \(ulp), which no run measures" }
            let checks: [(String, [Double], Bool)] = [
                ("samples_ns_per_element", r.samplesNsPerElement, true),
                ("samples_cycles_per_element", r.samplesCyclesPerElement, false),
                ("rejected_ns_per_element", r.rejectedNsPerElement, true),
            ] + (r.processes ?? []).flatMap { p in
                [("processes[].samples_ns_per_element", p.samplesNsPerElement, true),
                 ("processes[].rejected_ns_per_element", p.rejectedNsPerElement, true)]
            }
            for (field, values, positive) in checks {
                if let x = bad(values, positive: positive) { return "\(r.id): \(field) holds \(x), which no run measures" }
            }
        }
        for (i, log) in rounds.enumerated() {
            if let x = bad(log.probeNsPerElement, positive: true) {
                return "rounds[\(i)].probe_ns_per_element holds \(x), which no run measures"
            }
        }
        return nil
    }

    /// The decoder every report type uses: non-finite numbers as the strings `jsonData` writes.
    static var reportDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = nonFiniteDecoding
        return decoder
    }

    /// The encoder every report type uses: sorted keys, non-finite numbers as strings.
    static var reportEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = nonFiniteEncoding
        return encoder
    }

    private static let nonFiniteEncoding = JSONEncoder.NonConformingFloatEncodingStrategy
        .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    private static let nonFiniteDecoding = JSONDecoder.NonConformingFloatDecodingStrategy
        .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")

    /// A one-line account of a decoding failure naming the JSON path, instead of `DecodingError`'s
    /// multi-line dump of coding keys.
    static func explain(_ error: any Error) -> String {
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
