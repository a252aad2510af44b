import ArgumentParser
import BenchKit
import Foundation

/// `bench accuracy`: every selected kernel against the reference, sampled or exhaustive.
struct AccuracyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accuracy",
        abstract: "Measure each kernel's error in ulps against MPFR (sampled) or over all 2^32 float inputs (--exhaustive).",
        discussion: """
            Exit status: 0 every kernel that declares a budget met it; 1 one did not (the report is still \
            written, and standard error names the kernel); 64 usage error; 73 output not writable.
            """)

    @OptionGroup var selection: KernelSelection

    @OptionGroup var registryOptions: RegistryOptions

    @Option(help: "Random bit patterns in the sample (the grid gets as many points; default 100000). Not with --exhaustive.")
    var samples: Int?

    @Flag(help: "Every float input (all 2^32 bit patterns) against the Double reference, on every core.")
    var exhaustive = false

    @Option(help: "The interesting range a:b: the grid of the sample and the profile (with --exhaustive: only inputs inside).")
    var domain: String?

    @Option(help: "Seed of the sample.")
    var seed: UInt64 = 0x5eed

    @OptionGroup var parameters: ParameterOptions

    @Option(help: "Output format.")
    var format: AccuracyFormat = .table

    @Option(help: "Write the report to this file (atomically); the table still goes to standard output. A .json or .md name must match --format; a .csv name is refused (no such format).")
    var output: String?

    @Flag(name: .customLong("no-primitives"), help: "Skip the primitives table.")
    var noPrimitives = false

    @Option(help: .hidden) var patterns: String?

    mutating func validate() throws {
        if let samples {
            if exhaustive { throw ValidationError("--samples applies to sampled runs, not with --exhaustive (every input is measured)") }
            guard samples >= 1, samples <= 100_000_000 else { throw ValidationError("--samples must be between 1 and 100000000, got \(samples)") }
        }
        _ = try parsedDomain()
        _ = try parsedPatterns()
        _ = try selection.kernels(in: try registryOptions.registry())
        if let output { try OutputPath.check(output, format: format) }
    }

    func parsedDomain() throws -> ClosedRange<Float>? {
        guard let domain else { return nil }
        let parts = domain.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = Float(parts[0]), let b = Float(parts[1]), a.isFinite, b.isFinite, a < b else {
            throw ValidationError("bad --domain '\(domain)': expected a:b with finite a < b, e.g. -20:20")
        }
        return a...b
    }

    func parsedPatterns() throws -> ClosedRange<UInt32>? {
        guard let patterns else { return nil }
        let parts = patterns.split(separator: ":").compactMap { UInt32($0.hasPrefix("0x") ? String($0.dropFirst(2)) : String($0), radix: $0.hasPrefix("0x") ? 16 : 10) }
        guard parts.count == 2, parts[0] <= parts[1] else { throw ValidationError("bad --patterns '\(patterns)': expected lo:hi bit patterns") }
        return parts[0]...parts[1]
    }

    func run() throws {
        var campaign = AccuracyCampaign(kernels: try selection.kernels(in: try registryOptions.registry()))
        campaign.randomCount = samples ?? Self.defaultSamples
        campaign.gridCount = samples ?? Self.defaultSamples
        campaign.seed = seed
        campaign.alpha = parameters.alpha
        campaign.exhaustive = exhaustive
        campaign.includePrimitives = !noPrimitives
        if let d = try parsedDomain() {
            campaign.domain = d
            campaign.exhaustiveInDomainOnly = true
        }
        if let p = try parsedPatterns() { campaign.patterns = p }
        let progress = ProgressLine.forStandardError()
        let report = Interruption.whileMeasuring {
            campaign.run(command: CommandLine.arguments.map(shellQuoted).joined(separator: " ")) { stage, done, total in
                progress.update(done: done, total: total, label: stage)
            }
        }
        progress.finish()
        let text: String
        switch format {
        case .json: text = String(decoding: try report.jsonData(), as: UTF8.self)
        case .markdown: text = report.markdownText()
        case .table: text = report.tableText()
        }
        try ReportOutput.write(text, to: output, alsoPrint: report.tableText())
        let failures = report.budgetFailures
        if !failures.isEmpty {
            let head = failures.count == 1 ? "a kernel is out of its declared budget" : "\(failures.count) kernels are out of their declared budgets"
            FileHandle.standardError.write(Data(("bench: \(head):\n" + failures.map { "  \($0)\n" }.joined()).utf8))
            throw ExitCode(ExitStatus.outOfBudget)
        }
    }

    /// Random bit patterns (and grid points) in a sampled run.
    static let defaultSamples = 100_000
}

/// The accuracy report's formats (no CSV: its tables have different columns per section).
enum AccuracyFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, markdown
}
