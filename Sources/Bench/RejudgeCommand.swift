import ArgumentParser
import BenchKit
import Foundation

/// `bench rejudge REPORT`: a saved run judged again by the tool's own rules, or by others.
struct RejudgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejudge",
        abstract: "Judge a saved throughput report's samples again and print the report it would have made.",
        discussion: """
            A report keeps every sample (kept and rejected), every probe reading and every sample's \
            off-CPU share, in every process. This re-applies the screening (which samples count) and \
            the choice of processes (which process each row comes from) to them, with the code `bench \
            run` uses, and prints the table, notes and warnings the run would have printed. By default \
            the rules are the ones the report records, so the output is the report's own; the options \
            below change one constant each (docs/method.md), or --standard-rules starts from today's. \
            The rounds are the ones recorded: a live run under other rules would have sampled more or \
            fewer rounds.

            Example: bench rejudge results/throughput-1M.json --quiet-tolerance 5%
            Example: bench rejudge run.json --standard-rules --no-kernel-paces --format json --output rejudged.json

            Exit status: 0 re-judged; 64 usage error; 65 not a valid report (malformed, truncated, other \
            schema version), or one that lacks what re-judging needs (per-process samples, round logs); \
            66 missing or unreadable file; 68 a count report (`bench count`); 73 output not writable.
            """)

    @Argument(help: "A throughput report (bench --format json).")
    var report: String

    @OptionGroup(title: "Rules") var rules: RulesOptions

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: ReportFormat = .table

    @Option(help: "Write the report to this file (atomically); the table still goes to standard output. A .json, .csv or .md name must match --format.")
    var output: String?

    func validate() throws {
        if let output { try OutputPath.check(output, format: format) }
    }

    func run() throws {
        try ExitStatus.mapping {
            let saved = try ThroughputReport.load(path: report)
            if saved.configuration.screening == nil, let first = rules.screeningOptions.first {
                throw UsageError("\(first) applies to screened reports; \(report) was not screened (--quick or --no-screening)")
            }
            let rejudged: ThroughputReport
            do {
                rejudged = try saved.rejudged(by: try rules.rules(from: saved.configuration.rules), screened: !rules.noScreening)
            } catch let error as RejudgeError {
                throw RejudgeError(description: "\(report): cannot re-judge: \(error)")
            }
            try ReportOutput.emit(rejudged, format: format, to: output)
        }
    }
}
