import Foundation

extension CountReport {
    /// JSON with sorted keys, as throughput reports are written.
    public func jsonData() throws -> Data { try ThroughputReport.reportEncoder.encode(self) }

    /// Reads a count report, checking `schema_version`, `kind` and `measure` first.
    public static func decode(from data: Data) throws(ReportError) -> CountReport {
        let header = try ReportHeader.decode(from: data)
        guard header.measure == .instructions else { throw .wrongMeasure(found: header.measure, expected: .instructions) }
        do { return try ThroughputReport.reportDecoder.decode(CountReport.self, from: data) } catch {
            throw .malformed(ThroughputReport.explain(error))
        }
    }

    /// Reads and decodes the count report at `path`, naming the path in every error.
    public static func load(path: String) throws(ReportFileError) -> CountReport {
        let data = try ReportFileError.read(path: path)
        do { return try decode(from: data) } catch { throw .invalid(path: path, error) }
    }
}
