import Foundation

/// One entry of github-action-benchmark's `customBiggerIsBetter` input: that tool stores a series per
/// `name` and charts `value` over commits, alerting when it falls. Throughput (Gelem/s at the median)
/// is the figure where bigger is better; the median time and spread ride along in `extra`.
public struct GitHubActionBenchmarkEntry: Codable, Equatable, Sendable {
    public var name: String
    public var unit: String
    public var value: Double
    public var extra: String
}

extension ThroughputReport {
    /// Every result as a `customBiggerIsBetter` entry named by its `KernelKey` label, in key order,
    /// so the series names stay stable from run to run.
    public var gitHubActionBenchmarkEntries: [GitHubActionBenchmarkEntry] {
        results.sorted { KernelKey($0) < KernelKey($1) }.map { r in
            let s = r.summary
            var extra = "median \(Self.threeDigits(s.medianNsPerElement)) ns/elem, spread ±"
                + String(format: "%.1f%%", s.madPercent) + ", \(r.samplesNsPerElement.count) sample\(r.samplesNsPerElement.count == 1 ? "" : "s"), ISA \(r.isa)"
            if let ulp = r.maxULP { extra += ", max ulp \(Self.threeDigits(ulp))" }
            extra += "\nmachine: \(machine.machineKey); commit \(machine.gitCommit)"
            return GitHubActionBenchmarkEntry(name: KernelKey(r).label, unit: "Gelem/s", value: s.gelemPerSecond, extra: extra)
        }
    }

    /// The entries as the JSON array the action reads.
    public func gitHubActionBenchmarkJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(gitHubActionBenchmarkEntries)
    }
}
