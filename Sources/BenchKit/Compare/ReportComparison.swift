import Foundation

/// Two throughput reports compared kernel by kernel (docs/method.md): the timing verdicts, the accuracy
/// verdicts, and the kernels only one side has (listed, not errors: adding a kernel is not a fault).
public struct ReportComparison: Sendable, Equatable {
    public var settings: ComparisonSettings
    public var baselineMachine: MachineInfo
    public var currentMachine: MachineInfo
    /// True when the machine keys differ and the comparison was forced.
    public var machineMismatchForced: Bool
    /// Kernels in both reports, in `KernelKey` order.
    public var kernels: [KernelComparison]
    public var added: [KernelKey]
    public var removed: [KernelKey]
    /// The run-to-run drift the intervals were widened by (relative SD), and whether it was estimated.
    public var drift: Double
    public var driftEstimated: Bool
    /// Differences in how the runs were made that a reader should know about (debug build, sizes…).
    public var notes: [String]
    /// False when a screened run left some kernel with no quiet sample at all (its budget ran out on a
    /// busy machine): those figures come from contended samples, so timing is shown but cannot fail.
    public var timingJudged: Bool

    /// - Throws: `CompareError.machineMismatch` when the machine keys differ and `force` is false;
    ///   `CompareError.noSamples` when a kernel present on both sides has no samples on one;
    ///   `CompareError.nothingInCommon` when no kernel but the copy reference is in both (an empty
    ///   report included); `CompareError.duplicateKernel` when a report lists a kernel twice.
    public init(baseline: ThroughputReport, current: ThroughputReport, settings: ComparisonSettings = .init(),
                force: Bool = false) throws(CompareError) {
        let mismatch = baseline.machine.machineKey != current.machine.machineKey
        if mismatch && !force {
            throw .machineMismatch(baseline: baseline.machine.machineKey, current: current.machine.machineKey)
        }
        let before = try CompareError.index(baseline.results, side: "baseline", key: KernelKey.init)
        let after = try CompareError.index(current.results, side: "current", key: KernelKey.init)
        let judged = Set(before.keys).intersection(after.keys).filter { $0.function != ThroughputReport.rooflineFunction }
        if judged.isEmpty {
            throw .nothingInCommon(baseline: Self.shape(baseline), current: Self.shape(current))
        }
        var kernels: [KernelComparison] = []
        for key in Set(before.keys).intersection(after.keys).sorted() {
            let b = before[key]!, c = after[key]!
            if b.samplesNsPerElement.isEmpty { throw .noSamples(kernel: key.label, side: "baseline") }
            if c.samplesNsPerElement.isEmpty { throw .noSamples(kernel: key.label, side: "current") }
            kernels.append(KernelComparison(baseline: b, current: c, settings: settings))
        }
        let estimate = settings.drift == nil ? Self.estimateDrift(kernels) : nil
        let drift = settings.drift ?? estimate ?? 0
        for i in kernels.indices { kernels[i].judge(drift: drift, settings: settings) }
        self.drift = drift
        self.driftEstimated = estimate != nil
        self.settings = settings
        self.baselineMachine = baseline.machine
        self.currentMachine = current.machine
        self.machineMismatchForced = mismatch
        self.kernels = kernels
        self.added = Set(after.keys).subtracting(before.keys).sorted()
        self.removed = Set(before.keys).subtracting(after.keys).sorted()
        self.notes = Self.notes(baseline: baseline, current: current, mismatch: mismatch)
        let shortRuns = [("baseline", baseline), ("current", current)].compactMap { side, report in
            report.unscreenedRows.map { "the \(side) run \($0)" }
        }
        let activations = kernels.filter { $0.key.function != ThroughputReport.rooflineFunction }
        let unjudged = activations.filter { $0.baselineMaxULP == nil || $0.currentMaxULP == nil }.count
        if unjudged > 0 {
            notes.append("accuracy not judged for \(unjudged) of \(activations.count) kernels: a report has no max ulp for them "
                         + "(a run with --no-accuracy)")
        }
        self.timingJudged = shortRuns.isEmpty
        if !shortRuns.isEmpty {
            notes.append("timing not judged: " + shortRuns.joined(separator: "; ") + " (accuracy is still judged)")
        }
        if settings.drift == nil && estimate == nil {
            notes.append("drift not estimated (fewer than \(ComparisonSettings.minimumKernelsForDriftEstimate) kernels "
                         + "in common); intervals show within-run noise only")
        }
    }

    /// "27 kernels at 256K, 1 thread": what a report measured, for the nothing-in-common message.
    public static func shape(_ report: ThroughputReport) -> String {
        let kernels = report.results.filter { $0.function != ThroughputReport.rooflineFunction }
        guard !kernels.isEmpty else { return report.results.isEmpty ? "no results" : "only the copy reference" }
        let sizes = Set(report.results.map(\.size)).sorted().map(ThroughputReport.sizeLabel).joined(separator: ", ")
        let threads = Set(report.results.map(\.threads)).sorted().map(String.init).joined(separator: ", ")
        return "\(report.results.count) results at size \(sizes), threads \(threads)"
    }

    /// 1.4826 · MAD of the kernels' log ratios: the spread of ratios that a change to a few kernels
    /// does not move; nil with too few kernels to tell spread from change.
    static func estimateDrift(_ kernels: [KernelComparison]) -> Double? {
        guard kernels.count >= ComparisonSettings.minimumKernelsForDriftEstimate else { return nil }
        return 1.4826 * SampleStatistics(kernels.map { log($0.ratio.estimate) }).mad
    }

    public var timingRegressions: [KernelComparison] { kernels.filter { $0.timing == .regressed } }
    public var improvements: [KernelComparison] { kernels.filter { $0.timing == .improved } }
    public var accuracyRegressions: [KernelComparison] { kernels.filter(\.accuracyRegressed) }

    /// Whether the comparison fails: an accuracy regression always does; a timing regression does
    /// unless the settings say timing verdicts are informational.
    public var failed: Bool {
        !accuracyRegressions.isEmpty || (settings.timingVerdictsFail && timingJudged && !timingRegressions.isEmpty)
    }

    /// "2 regressed, 1 improved, 27 unchanged; 0 accuracy regressions; 1 added, 0 removed".
    /// When timing was not judged, it says so first and counts the would-be verdicts as such, so a
    /// "passed" is never read next to a bare "67 regressed".
    public var summaryLine: String {
        let unchanged = kernels.count - timingRegressions.count - improvements.count
        let counts = "\(timingRegressions.count) regressed, \(improvements.count) improved, \(unchanged) unchanged"
        var text = settings.timingVerdictsFail && !timingJudged
            ? "timing not judged (a run had a kernel with no quiet sample; by the threshold \(counts)); "
            : counts + "; "
        text += "\(accuracyRegressions.count) accuracy regression\(accuracyRegressions.count == 1 ? "" : "s")"
        if !added.isEmpty || !removed.isEmpty { text += "; \(added.count) added, \(removed.count) removed" }
        if !settings.timingVerdictsFail { text += " (timing verdicts do not fail)" }
        return text
    }

    /// "ratio = median(current)/median(baseline) of ns/element; 95% percentile-bootstrap interval, …".
    public var methodLine: String {
        let t = settings.threshold
        return "ratio = median(current) / median(baseline) time per element (> 1 is slower); "
            + "\(Self.percentText(settings.confidence)) percentile-bootstrap interval (\(settings.resamples) resamples), "
            + "widened for run-to-run drift \(ThroughputReport.threeDigits(drift * 100))%"
            + (driftEstimated ? " (estimated from the spread of all kernels' ratios)" : "") + "; "
            + "regressed when the interval is above \(ThroughputReport.threeDigits(1 + t)), improved when below "
            + "\(ThroughputReport.threeDigits(1 / (1 + t))) (threshold \(Self.percentText(t)))"
    }

    static func percentText(_ fraction: Double) -> String {
        let p = fraction * 100
        return p == p.rounded() ? String(Int(p)) + "%" : ThroughputReport.threeDigits(p) + "%"
    }

    private static func notes(baseline: ThroughputReport, current: ThroughputReport, mismatch: Bool) -> [String] {
        var notes: [String] = []
        if mismatch {
            notes.append("forced: different machines (baseline \"\(baseline.machine.machineKey)\", "
                         + "current \"\(current.machine.machineKey)\"); timing verdicts are not meaningful")
        }
        let b = baseline.machine, c = current.machine
        for (name, x, y) in [("build configuration", b.buildConfiguration, c.buildConfiguration),
                             ("Swift target CPU", b.swiftTargetCPU, c.swiftTargetCPU),
                             ("Swift version", b.swiftVersion, c.swiftVersion),
                             ("SLEEF version", b.sleefVersion, c.sleefVersion)] where x != y {
            notes.append("\(name) differs: baseline \(x), current \(y)")
        }
        for (side, report) in [("baseline", baseline), ("current", current)] where report.configuration.forcedDebugTiming {
            notes.append("the \(side) run timed a debug build (forced); its figures are not representative")
        }
        // Probe bands are nanoseconds per element of one fixed workload: further apart than a speed
        // state split, the machine itself ran faster or slower, and every kernel with it.
        if let x = baseline.probeQuietBand?.lowerBound, let y = current.probeQuietBand?.lowerBound,
           max(x, y) / min(x, y) - 1 > current.configuration.rules.stateSplit {
            notes.append("the machine was in different speed states: probe band baseline \(ThroughputReport.threeDigits(x)) ns, "
                         + "current \(ThroughputReport.threeDigits(y)) ns (\(percentText(max(x, y) / min(x, y) - 1)) apart); "
                         + "every kernel moves with it")
        }
        // The same id on another ISA is other code: a peer capped by --peer-max-isa on one side,
        // or a build for another target CPU.
        let baselineISA = Dictionary(baseline.results.map { ("\($0.function)/\($0.implementation)", $0.isa) }) { first, _ in first }
        var seen = Set<String>()
        let moved = current.results.compactMap { row -> String? in
            let id = "\(row.function)/\(row.implementation)"
            guard let before = baselineISA[id], before != row.isa, seen.insert(id).inserted else { return nil }
            return "\(id) (\(before) → \(row.isa))"
        }
        if !moved.isEmpty {
            notes.append("ISA differs, so these kernels ran other code: " + moved.joined(separator: ", ")
                         + " (a peer capped by --peer-max-isa on one side, or another build)")
        }
        if baseline.configuration.alpha != current.configuration.alpha {
            notes.append("ELU alpha differs: baseline \(baseline.configuration.alpha), current \(current.configuration.alpha)")
        }
        if baseline.configuration.seed != current.configuration.seed {
            notes.append("input seed differs: baseline \(baseline.configuration.seed), current \(current.configuration.seed)")
        }
        if baseline.configuration.distribution != current.configuration.distribution {
            notes.append("input distribution differs: baseline \(baseline.configuration.distribution), "
                         + "current \(current.configuration.distribution)")
        }
        return notes
    }
}
