import Foundation

extension CountComparison {
    var columnTitles: [String] { ["kernel", "baseline", "current", "change", "verdict"] }

    func cells(for row: Row) -> [String] {
        let change = row.baseline == row.current ? "0" : String(format: "%+.2f%%", (row.ratio - 1) * 100)
        return [row.key.label, String(format: "%.3f", row.baseline), String(format: "%.3f", row.current), change, row.verdict.rawValue]
    }

    var trailer: [String] {
        var out: [String] = []
        if !added.isEmpty { out.append("added (only in current): " + added.map(\.label).joined(separator: ", ")) }
        if !removed.isEmpty { out.append("removed (only in baseline): " + removed.map(\.label).joined(separator: ", ")) }
        return out + notes.map { "note: " + $0 }
    }

    /// The plain-text comparison: the outcome line, then every kernel (instructions per element).
    public func tableText() -> String {
        let table = PlainTable(header: columnTitles, rows: rows.map(cells)).render(indent: "  ")
        return ([summaryLine, "toolchain: \(currentToolchain)", table] + trailer).joined(separator: "\n") + "\n"
    }

    /// Markdown for a CI log or job summary, regressions first.
    public func markdownText() -> String {
        func row(_ cells: [String]) -> String { "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        var out = ["## Instruction counts: \(failed ? "FAILED" : "passed")", "", "**\(summaryLine)**", "",
                   "- Toolchain: `\(currentToolchain)`"]
        if !regressed.isEmpty {
            out += ["", "### Regressions", ""]
            out += regressed.map { "- `\($0.key.label)`: " + String(format: "%.3f → %.3f instructions per element (%+.2f%%)", $0.baseline, $0.current, ($0.ratio - 1) * 100) }
        }
        out += ["", "### All kernels", "", row(columnTitles), row(["---", "--:", "--:", "--:", "---"])]
        out += rows.map { row(cells(for: $0)) }
        let extra = trailer
        if !extra.isEmpty { out += [""] + extra.map { "- " + $0 } }
        return out.joined(separator: "\n") + "\n"
    }
}
