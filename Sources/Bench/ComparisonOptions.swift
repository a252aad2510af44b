import ArgumentParser
import BenchKit
import Foundation

/// The options `bench compare` and `bench --baseline` share: how to judge, and where results live.
struct ComparisonOptions: ParsableArguments {
    @Option(help: "Smallest change per element that counts, as 5% or 0.05 (default 5% for times, 1% for instruction counts).")
    var threshold: String?

    @Flag(name: .customLong("no-timing-verdicts"),
          help: "Report timing, but fail only on accuracy regressions (for noisy, shared CI machines).")
    var noTimingVerdicts = false

    @Option(help: ArgumentHelp("Run-to-run drift of one kernel's median (relative SD, e.g. 3% or 0); default: estimated from the spread of all kernels' ratios.", valueName: "drift"))
    var drift: String?

    @Option(name: .customLong("results-dir"), help: "The results directory (baselines/, history/, latest/).")
    var resultsDirectory: String = "results"

    func validate() throws {
        do {
            _ = try settings
            _ = try countThreshold
        } catch let error as UsageError { throw ValidationError(error.message) }
    }

    var settings: ComparisonSettings {
        get throws {
            var settings = ComparisonSettings(threshold: try ComparisonSettings.parseThreshold(threshold ?? "5%"))
            settings.timingVerdictsFail = !noTimingVerdicts
            // The threshold's syntax; 0 (or 0%) turns the allowance off.
            if let drift { settings.drift = try ComparisonSettings.parseThreshold(drift, option: "--drift", allowingZero: true) }
            return settings
        }
    }

    var results: ResultsDirectory { ResultsDirectory(path: resultsDirectory) }

    /// This machine's stored baseline `name` for the machine `key`, with a message saying how to make
    /// one when it is missing.
    func loadBaseline(name: String, machineKey: String) throws -> (ThroughputReport, path: String) {
        let path = results.baselinePath(name: name, machineKey: machineKey)
        do {
            return (try ThroughputReport.load(path: path), path)
        } catch .missing {
            FileHandle.standardError.write(Data("""
                bench: no baseline '\(name)' for machine "\(machineKey)" (looked for \(path)); \
                make one on this machine with `bench ... --save-baseline \(name)`

                """.utf8))
            if let older = MachineInfo.keyWithoutFamilyAndModel(machineKey),
               case let olderPath = results.baselinePath(name: name, machineKey: older),
               FileManager.default.fileExists(atPath: olderPath) {
                FileHandle.standardError.write(Data("""
                    bench: \(olderPath) was filed under "\(older)", a key without the CPU's family and \
                    model, which other microarchitectures with this brand string share; if it was made \
                    on this machine, compare it by file with `bench compare \(olderPath) CURRENT.json --force`

                    """.utf8))
            }
            throw ExitCode(ExitStatus.noInput)
        }
    }
}

/// Prints and writes a comparison and exits as `bench compare` documents: the table on standard
/// output (or standard error when standard output carries a report), the chosen format to `output`.
enum ComparisonOutput {
    static func finish(_ comparison: ReportComparison, format: ComparisonFormat, output: String?,
                       tableToStandardError: Bool = false) throws {
        let table = comparison.tableText()
        let text = format == .markdown ? comparison.markdownText() : table
        if tableToStandardError {
            FileHandle.standardError.write(Data(table.utf8))
            if let output { try ReportOutput.write(text, to: output, alsoPrint: nil) }
        } else {
            try ReportOutput.write(text, to: output, alsoPrint: output == nil ? nil : table)
        }
        if comparison.failed { throw ExitCode(ExitStatus.regressed) }
    }
}

enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
    case table, markdown
}
