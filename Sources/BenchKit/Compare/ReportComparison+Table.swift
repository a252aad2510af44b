extension ReportComparison {
    /// The plain-text view `bench compare` prints: the verdict first, then one row per kernel, then the
    /// kernels only one side has and the notes.
    public func tableText() -> String {
        var out = ["comparison \(outcome): \(summaryLine)",
                   runLine("baseline", baselineMachine), runLine("current ", currentMachine),
                   "machine: \(currentMachine.machineKey)", ""]
        out.append(PlainTable(header: columnTitles, rows: kernels.map(cells), rule: true).render(indent: "  "))
        if !added.isEmpty { out += ["", "added (only in current): " + added.map(\.label).joined(separator: ", ")] }
        if !removed.isEmpty { out += ["", "removed (only in baseline): " + removed.map(\.label).joined(separator: ", ")] }
        out += [""] + notes.map { "note: " + $0 }
        out.append(methodLine)
        return out.joined(separator: "\n") + "\n"
    }
}
