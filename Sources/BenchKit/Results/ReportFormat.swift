import Foundation

/// The ways a `ThroughputReport` can be written. JSON is the record; the others are views of it.
public enum ReportFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
}

extension ReportFormat {
    /// The report rendered in this format, ready to print or to pass to `writeAtomically`.
    public func render(_ report: ThroughputReport) throws -> Data {
        switch self {
        case .json: return try report.jsonData()
        case .table: return Data(report.tableText().utf8)
        case .csv: return Data(report.csvText().utf8)
        case .markdown: return Data(report.markdownText().utf8)
        }
    }
}
