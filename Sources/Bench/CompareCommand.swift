import ArgumentParser
import BenchKit
import Foundation

/// `bench compare BASELINE CURRENT`: did a change make a kernel slower or less accurate?
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two reports kernel by kernel: timing with a bootstrap interval and max ulp, or instruction counts.",
        discussion: """
            Per kernel (function, implementation, size, threads) the ratio of median times per element, \
            current over baseline (> 1 is slower), with a 95% percentile-bootstrap interval from both \
            runs' samples. Regressed when the whole interval is above 1 + threshold, improved when it is \
            below 1/(1 + threshold), unchanged otherwise. A rise in max ulp is an accuracy regression. \
            Kernels in only one report are listed as added or removed.

            Two count reports (`bench count`, measure "instructions") are compared exactly: instructions \
            per element, current over baseline; regressed when the rise is above the threshold (default \
            1%), improved when the fall is, unchanged otherwise. Count reports of different toolchains \
            are refused without --force (exit 67); a count report against a throughput report, exit 68.

            Example: bench compare results/baselines/<machine>/default.json run.json --threshold 5%
            Example: bench compare --baseline-name default run.json --format markdown --output summary.md

            \(ExitStatus.helpText)
            """)

    @Argument(help: "BASELINE CURRENT: two report files (bench --format json). With --baseline-name, only CURRENT.")
    var files: [String] = []

    @Option(name: .customLong("baseline-name"),
            help: "Use the stored baseline NAME of CURRENT's machine (in --results-dir) as BASELINE.")
    var baselineName: String?

    @OptionGroup var options: ComparisonOptions

    @Flag(help: "Compare reports from different machines anyway (timing verdicts then mean little).")
    var force = false

    @Option(help: "Output format: table or markdown (for CI logs and pull-request comments).")
    var format: ComparisonFormat = .table

    @Option(help: "Write the comparison to this file (atomically); the table still goes to standard output. A .md name needs --format markdown; a .json or .csv name is refused (no such format).")
    var output: String?

    /// Testing aid: multiplies every baseline time (or instruction count) by FACTOR before comparing,
    /// e.g. 0.909 to see how a 10% slower current run is judged (results/README.md). Hidden: it
    /// falsifies the baseline.
    @Option(name: .customLong("scale-baseline"), help: .hidden)
    var scaleBaseline: Double?

    func validate() throws {
        if let baselineName {
            do { try ResultsDirectory.checkBaselineName(baselineName) } catch { throw ValidationError(error.message) }
        }
        let expected = baselineName == nil ? 2 : 1
        guard files.count == expected else {
            throw ValidationError(baselineName == nil
                ? "expected two report files, BASELINE and CURRENT; got \(files.count)"
                : "with --baseline-name, expected one report file, CURRENT; got \(files.count)")
        }
        if let scaleBaseline, !(scaleBaseline > 0 && scaleBaseline.isFinite) {
            throw ValidationError("--scale-baseline must be a positive number, got \(scaleBaseline)")
        }
        if let output { try OutputPath.check(output, format: format) }
    }

    func run() throws {
        try ExitStatus.mapping {
            let currentPath = files[files.count - 1]
            // Files are read in the order given, so an error names the baseline before the current.
            let baselineMeasure = try baselineName == nil ? ReportHeader.load(path: files[0]).measure : nil
            let measure = try ReportHeader.load(path: currentPath).measure
            if let baselineMeasure, baselineMeasure != measure {
                throw CompareError.measureMismatch(baseline: baselineMeasure, current: measure)
            }
            if measure == .instructions { return try compareCounts(currentPath: currentPath) }
            let current = try ThroughputReport.load(path: currentPath)
            var baseline = try baselineName.map { try options.loadBaseline(name: $0, machineKey: current.machine.machineKey).0 }
                ?? ThroughputReport.load(path: files[0])
            if let scaleBaseline { baseline.scaleTimes(by: scaleBaseline) }
            let comparison = try ReportComparison(baseline: baseline, current: current, settings: try options.settings, force: force)
            try ComparisonOutput.finish(comparison, format: format, output: output)
        }
    }
}
