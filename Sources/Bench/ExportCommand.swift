import ArgumentParser
import BenchKit
import Foundation

/// `bench export --github-action-benchmark REPORT`: a report in another tool's input format.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Convert a throughput report for another tool.",
        discussion: """
            --github-action-benchmark writes github-action-benchmark's customBiggerIsBetter JSON: one \
            {name, unit, value, extra} per kernel, value in Gelem/s. (The comparison's Markdown is \
            `bench compare --format markdown`.)

            Exit status: 0 written; 64 usage error; 65 malformed or truncated report, another schema \
            version, or a report of another kind; 66 missing or unreadable file; 68 a count report \
            (bench count); 73 output not writable.
            """)

    @Flag(name: .customLong("github-action-benchmark"), help: "github-action-benchmark customBiggerIsBetter JSON.")
    var gitHubActionBenchmark = false

    @Argument(help: "A report file (bench --format json).")
    var report: String

    @Option(help: "Write to this file (atomically) instead of standard output. A .csv or .md name is refused (the output is JSON).")
    var output: String?

    func validate() throws {
        guard gitHubActionBenchmark else { throw ValidationError("choose a format: --github-action-benchmark") }
        if let output { try OutputPath.check(output, format: "json", formats: ["json"]) }
    }

    func run() throws {
        try ExitStatus.mapping {
            let data = try ThroughputReport.load(path: report).gitHubActionBenchmarkJSON()
            try ReportOutput.write(String(decoding: data, as: UTF8.self) + "\n", to: output, alsoPrint: nil)
        }
    }
}
