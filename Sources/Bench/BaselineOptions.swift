import ArgumentParser
import BenchKit
import Foundation

/// The run command's results-directory options: keep a run as this machine's baseline, compare a run
/// with one, append it to the history. Layout and exit codes: results/README.md.
struct BaselineOptions: ParsableArguments {
    /// The name `--save-baseline` takes when none follows it (see `Bench.normalizingSaveBaseline`).
    static let defaultName = "default"

    @Option(name: .customLong("save-baseline"), help: ArgumentHelp(
        "Store this run as this machine's baseline NAME (default: \"\(defaultName)\") in --results-dir.",
        valueName: "NAME"))
    var saveBaseline: String?

    @Option(name: .customLong("baseline"), help: ArgumentHelp(
        "After the run, compare it with this machine's baseline NAME and exit as `bench compare` does.",
        valueName: "NAME"))
    var baseline: String?

    @Option(name: .customLong("anchor-baseline"), help: ArgumentHelp(
        "Screen against the probe's quiet band of this machine's baseline NAME instead of this run's own (implied by --baseline).",
        valueName: "NAME"))
    var anchorBaseline: String?

    @Flag(help: "Also append this run to --results-dir/history (one file per run).")
    var history = false

    @Option(help: "With --baseline, also write the comparison as Markdown to this file.")
    var summary: String?

    @OptionGroup var comparison: ComparisonOptions

    func validate() throws {
        for name in [saveBaseline, baseline, anchorBaseline].compactMap({ $0 }) {
            do { try ResultsDirectory.checkBaselineName(name) } catch { throw ValidationError(error.message) }
        }
        if summary != nil && baseline == nil { throw ValidationError("--summary needs --baseline NAME") }
        if baseline == nil && (comparison.threshold != nil || comparison.drift != nil || comparison.noTimingVerdicts) {
            throw ValidationError("--threshold, --drift and --no-timing-verdicts judge a comparison; they need --baseline NAME")
        }
        if let summary { try OutputPath.check(summary, option: "--summary") }
        if isActive { try OutputPath.checkDirectory(comparison.resultsDirectory, option: "--results-dir") }
        // Before the run, so a long run never ends in "no such baseline" (exit 66, naming the command
        // that makes one) or in an unreadable one (65).
        let needed = [baseline, anchorBaseline].compactMap { $0 }
        if !needed.isEmpty {
            let key = MachineInfo.current().machineKey
            for name in needed { _ = try ExitStatus.mapping { try comparison.loadBaseline(name: name, machineKey: key) } }
        }
    }

    /// The quiet band to screen against: that of `--anchor-baseline`, else of `--baseline`; nil
    /// without either, or when that baseline was not screened (said on standard error when
    /// `announce`: the processes of a multi-process run leave the saying to their parent).
    func anchorBand(announce: Bool = true) throws -> ClosedRange<Double>? {
        guard let name = anchorBaseline ?? baseline else { return nil }
        let key = MachineInfo.current().machineKey
        let (report, path) = try ExitStatus.mapping { try comparison.loadBaseline(name: name, machineKey: key) }
        guard let band = report.probeQuietBand else {
            guard announce else { return nil }
            FileHandle.standardError.write(Data("bench: baseline '\(name)' (\(path)) has no probe log (an unscreened run); this run finds its own quiet band\n".utf8))
            return nil
        }
        let range = String(format: "%.3f–%.3f", band.lowerBound, band.upperBound)
        if announce { FileHandle.standardError.write(Data("bench: screening against the quiet band of baseline '\(name)': \(range) ns per probe element\n".utf8)) }
        return band
    }

    /// Refuses, before the run, a `--baseline` that holds no result for any of the run's kernels
    /// (`function/implementation` ids) at any of its sizes with its thread count: the comparison at
    /// the end could judge nothing (exit 65, as it would then).
    func checkComparable(sizes: [Int], threads: Int, kernels: Set<String>) throws {
        guard let name = baseline else { return }
        let key = MachineInfo.current().machineKey
        let (stored, path) = try ExitStatus.mapping { try comparison.loadBaseline(name: name, machineKey: key) }
        let sameShape = stored.results.filter { sizes.contains($0.size) && $0.threads == threads }
        guard !sameShape.contains(where: { kernels.contains("\($0.function)/\($0.implementation)") }) else { return }
        let shape = ReportComparison.shape(stored)
        let run = sizes.map(ThroughputReport.sizeLabel).joined(separator: ", ")
        let advice = sameShape.isEmpty ? "Run with the baseline's --size and --threads"
            : "Select some of the baseline's kernels (--functions, --impls)"
        FileHandle.standardError.write(Data("""
            bench: baseline '\(name)' (\(path)) holds \(shape); this run (size \(run), threads \(threads), \
            \(kernels.count) kernel\(kernels.count == 1 ? "" : "s")) would have no kernel in common with it. \(advice)

            """.utf8))
        throw ExitCode(ExitStatus.dataError)
    }

    var isActive: Bool { saveBaseline != nil || baseline != nil || history }

    /// After the report is made: compare it, store it where asked (latest/ always, then history/ and
    /// the baseline), then report the comparison. The comparison is made before the baseline is
    /// overwritten, so `--baseline x --save-baseline x` compares with the old x and then replaces it
    /// (also when the comparison fails on a regression); a comparison that cannot be made (no kernel
    /// in common, say) leaves the baseline as it was.
    /// - Parameter reportOnStandardOutput: the run printed JSON/CSV/Markdown there, so the comparison
    ///   table goes to standard error instead of corrupting it.
    func apply(to report: ThroughputReport, reportOnStandardOutput: Bool) throws {
        guard isActive else { return }
        let results = comparison.results
        let key = report.machine.machineKey
        let stored = try baseline.map { try comparison.loadBaseline(name: $0, machineKey: key).0 }
        let settings = try comparison.settings
        let compared = stored.map { stored in
            Result { () throws(CompareError) -> ReportComparison in try ReportComparison(baseline: stored, current: report, settings: settings) }
        }
        var written = [results.latestPath(machineKey: key)]
        if history { written.append(results.newHistoryPath(for: report)) }
        if let saveBaseline {
            if case .failure? = compared {
                FileHandle.standardError.write(Data("bench: baseline '\(saveBaseline)' left as it was: the comparison could not be made\n".utf8))
            } else {
                let path = results.baselinePath(name: saveBaseline, machineKey: key)
                // Replacing is what --save-baseline does; saying what was there lets a mistaken
                // replacement (a --quick run over the CI baseline) be noticed and undone from git.
                if let old = try? ThroughputReport.load(path: path) {
                    FileHandle.standardError.write(Data("bench: replacing baseline '\(saveBaseline)', which held \(ReportComparison.shape(old)) (\(old.machine.date))\n".utf8))
                }
                written.append(path)
            }
        }
        for path in written {
            do { try results.write(report, to: path) } catch {
                FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
                throw ExitCode(ExitStatus.cantCreate)
            }
            FileHandle.standardError.write(Data("bench: wrote \(path)\n".utf8))
        }
        guard let compared else { return }
        try ExitStatus.mapping {
            let result = try compared.get()
            if let summary { try ReportOutput.write(result.markdownText(), to: summary, alsoPrint: nil) }
            try ComparisonOutput.finish(result, format: .table, output: nil, tableToStandardError: reportOnStandardOutput)
        }
    }
}
