extension ReportComparison {
    /// Markdown for a CI log or a pull-request comment: outcome and counts in the heading lines,
    /// regressions listed before the full table so they are seen without scrolling.
    public func markdownText() -> String {
        let code = ThroughputReport.codeSpan
        var out = ["## Performance comparison: \(outcome)", "", "**\(summaryLine)**", ""]
        out += ["- " + runLine("Baseline", baselineMachine, commit: code),
                "- " + runLine("Current", currentMachine, commit: code),
                "- Machine: \(code(currentMachine.machineKey))",
                "- Method: \(methodLine)"]
        let flagged = kernels.filter { $0.timing == .regressed || $0.accuracyRegressed }
        if !flagged.isEmpty {
            out += ["", "### Regressions", ""]
            out += flagged.map { k in
                var what: [String] = []
                if k.timing == .regressed { what.append(String(format: "%.1f%% slower", (k.ratio.estimate - 1) * 100)) }
                if k.accuracyRegressed { what.append("max ulp \(cells(for: k)[6])") }
                return "- \(code(k.key.label)): " + what.joined(separator: ", ")
            }
        }
        out += ["", "### All kernels", "", Self.row(columnTitles),
                Self.row(columnTitles.indices.map { $0 == 0 || $0 >= 5 ? "---" : "--:" })]
        out += kernels.map { Self.row(cells(for: $0)) }
        if !added.isEmpty { out += ["", "Added (only in current): " + added.map { code($0.label) }.joined(separator: ", ")] }
        if !removed.isEmpty { out += ["", "Removed (only in baseline): " + removed.map { code($0.label) }.joined(separator: ", ")] }
        if !notes.isEmpty { out += ["", "Notes:", ""] + notes.map { "- " + $0 } }
        return out.joined(separator: "\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }
}
