import Foundation

extension CountReport {
    /// The plain-text table `bench count` prints: per function, each implementation's instructions
    /// per element and per call, then what was subtracted, left out and how it was counted.
    public func tableText() -> String {
        var functions: [String] = []
        for r in results where !functions.contains(r.function) { functions.append(r.function) }
        var rows: [[String]] = []
        for function in functions {
            rows.append([function, "", "", ""])
            for r in results where r.function == function {
                rows.append(["  " + r.implementation, r.isa, String(format: "%.3f", r.instructionsPerElement), "\(r.instructions)"])
            }
        }
        let table = PlainTable(header: ["kernel", "ISA", "instr/elem", "instructions"], rows: rows).render(indent: "  ")
        return ([table, ""] + notes).joined(separator: "\n") + "\n"
    }

    /// The lines under the table.
    var notes: [String] {
        let harness = configuration.harnessInstructions.sorted { $0.key > $1.key }.map { "\($0.key) \($0.value)" }
        var out = ["harness (empty call through the same path, subtracted from each kernel): "
            + harness.joined(separator: ", ") + " instructions per call"]
        let groups = Dictionary(grouping: configuration.excluded, by: \.reason)
        for (reason, items) in groups.sorted(by: { $0.key < $1.key }) {
            out.append("not counted: " + items.map(\.implementation).joined(separator: ", ") + " (\(reason))")
        }
        let unrepeatable = results.filter { !$0.isRepeatable }
        if !unrepeatable.isEmpty {
            out.append("WARNING: calls disagreed for " + unrepeatable.map { "\($0.function)/\($0.implementation)" }.joined(separator: ", ")
                + "; the first call's count is shown")
        }
        out.append("counted under callgrind · \(toolchain.key) · size \(ThroughputReport.sizeLabel(configuration.size)) "
            + "(\(configuration.size) elements) · seed \(configuration.seed) · \(configuration.distribution) · "
            + "\(configuration.repeats) counted call\(configuration.repeats == 1 ? "" : "s") per kernel"
            + (unrepeatable.isEmpty && configuration.repeats > 1 ? ", identical" : ""))
        return out
    }
}
