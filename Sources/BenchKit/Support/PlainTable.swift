/// A left-aligned plain-text table, for listings and accuracy reports.
public struct PlainTable {
    public var header: [String]
    public var rows: [[String]]
    /// Whether a dashed rule separates the header from the rows.
    public var rule: Bool

    public init(header: [String], rows: [[String]], rule: Bool = false) {
        self.header = header
        self.rows = rows
        self.rule = rule
    }

    public func render(indent: String = "") -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var text = indent + cells.enumerated().map { c, s in s.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let separator = rule ? [line(widths.map { String(repeating: "-", count: $0) })] : []
        return ([line(header)] + separator + rows.map(line)).joined(separator: "\n")
    }
}

import Foundation
