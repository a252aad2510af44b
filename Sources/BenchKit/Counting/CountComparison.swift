import Foundation

/// Two count reports kernel by kernel. Counts are exact, so there is no interval: a kernel whose
/// instructions per element rose by more than the threshold regressed, one that fell by more
/// improved, anything else is unchanged (and `equal` when not one instruction changed).
public struct CountComparison: Sendable {
    public enum Verdict: String, Sendable {
        case regressed = "REGRESSED", improved, unchanged, equal
    }

    public struct Row: Sendable {
        public var key: KernelKey
        public var baseline: Double
        public var current: Double
        public var verdict: Verdict
        /// current / baseline (1 when both are 0).
        public var ratio: Double { baseline == 0 ? (current == 0 ? 1 : .infinity) : current / baseline }
    }

    public var rows: [Row]
    public var added: [KernelKey]
    public var removed: [KernelKey]
    public var threshold: Double
    public var baselineToolchain: String
    public var currentToolchain: String
    public var notes: [String]

    /// Refuses reports of different toolchains (unless `force`), reports with no kernel in common and
    /// reports that list a kernel twice.
    public init(baseline: CountReport, current: CountReport, threshold: Double, force: Bool = false) throws(CompareError) {
        let (b, c) = (baseline.toolchain.key, current.toolchain.key)
        if b != c && !force { throw .toolchainMismatch(baseline: b, current: c) }
        func key(_ r: KernelCount) -> KernelKey { KernelKey(function: r.function, implementation: r.implementation, size: r.size, threads: 1) }
        let old = try CompareError.index(baseline.results, side: "baseline", key: key)
        let new = try CompareError.index(current.results, side: "current", key: key)
        let common = Set(old.keys).intersection(new.keys)
        guard !common.isEmpty else {
            func list(_ r: CountReport) -> String {
                let sizes = Set(r.results.map(\.size)).sorted().map(ThroughputReport.sizeLabel)
                return "\(r.results.count) kernels at size " + (sizes.isEmpty ? "none" : sizes.joined(separator: ", "))
            }
            throw .nothingInCommon(baseline: list(baseline), current: list(current))
        }
        self.threshold = threshold
        baselineToolchain = b
        currentToolchain = c
        rows = current.results.map(key).filter(common.contains).map { k in
            let (x, y) = (old[k]!.instructionsPerElement, new[k]!.instructionsPerElement)
            return Row(key: k, baseline: x, current: y, verdict: Self.verdict(baseline: x, current: y, threshold: threshold))
        }
        added = current.results.map(key).filter { old[$0] == nil }
        removed = baseline.results.map(key).filter { new[$0] == nil }
        notes = []
        if b != c { notes.append("forced: different toolchains (baseline \"\(b)\", current \"\(c)\"); counts may differ for that reason alone") }
        let (bc, cc) = (baseline.configuration, current.configuration)
        if (bc.seed, bc.distribution, bc.alpha) != (cc.seed, cc.distribution, cc.alpha) {
            notes.append("inputs differ (baseline seed \(bc.seed) \(bc.distribution) alpha \(bc.alpha), current seed \(cc.seed) "
                + "\(cc.distribution) alpha \(cc.alpha)): kernels whose path depends on the input count differently for that reason")
        }
    }

    public static func verdict(baseline: Double, current: Double, threshold: Double) -> Verdict {
        if baseline == current { return .equal }
        if current > baseline * (1 + threshold) { return .regressed }
        if current < baseline / (1 + threshold) { return .improved }
        return .unchanged
    }

    public var regressed: [Row] { rows.filter { $0.verdict == .regressed } }
    public var improved: [Row] { rows.filter { $0.verdict == .improved } }
    public var failed: Bool { !regressed.isEmpty }

    /// "comparison FAILED: 1 regressed, 0 improved, 2 unchanged (22 equal) …".
    public var summaryLine: String {
        let unchanged = rows.filter { $0.verdict == .unchanged || $0.verdict == .equal }.count
        let equal = rows.filter { $0.verdict == .equal }.count
        return "comparison \(failed ? "FAILED" : "passed"): \(regressed.count) regressed, \(improved.count) improved, "
            + "\(unchanged) unchanged (\(equal) identical) in instructions per element, threshold "
            + ThroughputReport.percent(threshold)
    }
}
