import Foundation

extension ThroughputReport {
    /// The `instr/elem` column is shown only when a count report was attached to some row.
    var showsInstructions: Bool { results.contains { $0.instructionsPerElement != nil } }

    /// Where the `instr/elem` column came from, under the table; nil without one.
    var countsNote: String? { configuration.countsSource }

    /// Fills `instructionsPerElement` of each row from the count report's kernel of the same
    /// function and implementation. Counts are per element at the count's own size (64K by
    /// default), whatever this run's size: a kernel's instructions per element barely depend on
    /// the size, while its time does (caches), which is why the note under the table says both.
    public mutating func attachCounts(_ counts: CountReport, path: String) {
        var byKernel: [String: Double] = [:]
        for r in counts.results { byKernel["\(r.function)/\(r.implementation)"] = r.instructionsPerElement }
        for i in results.indices {
            results[i].instructionsPerElement = byKernel["\(results[i].function)/\(results[i].implementation)"]
        }
        configuration.countsSource = "instr/elem: instructions per element from \(path) (callgrind, size "
            + "\(Self.sizeLabel(counts.configuration.size)), \(counts.toolchain.key)); times are this machine's, "
            + "counts the counted build's"
    }
}
