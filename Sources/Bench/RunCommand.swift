import ArgumentParser
import BenchKit
import Foundation

/// `bench [--all] --size 1M ...`: the throughput matrix (the default subcommand).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Measure throughput of every selected kernel (the default command).",
        discussion: "Example: bench --all --size 1M")

    @Flag(help: "Run every kernel this CPU can run (the default when no --functions/--impls are given).")
    var all = false

    @OptionGroup var selection: KernelSelection

    @OptionGroup var registryOptions: RegistryOptions

    @Option(help: "Element counts, a comma list; K/M/G are binary (1M = 1,048,576).")
    var size: String = "1M"

    @Option(help: "Threads; each takes one contiguous chunk, throughput is the aggregate.")
    var threads: Int = 1

    @Option(name: .customLong("min-time"), help: "Least seconds one sample lasts (the batch is calibrated to it).")
    var minTime: Double?

    @Option(help: """
        Samples per kernel in each process (quiet ones, when screened): default 7 with several processes, \
        21 with one, 5 with --quick.
        """)
    var samples: Int?

    @OptionGroup var input: InputOptions

    @Option(help: "Pin the run to this CPU (Linux; one thread).")
    var cpu: Int?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: ReportFormat = .table

    @Option(help: "Write the report to this file (atomically); the table still goes to standard output. A .json, .csv or .md name must match --format.")
    var output: String?

    @Flag(name: .customLong("no-accuracy"), help: "Skip the max-ulp column (a quick accuracy sample per kernel).")
    var noAccuracy = false

    @Flag(name: .customLong("no-screening"), help: """
        Count every sample, even those a busy neighbour slowed (exactly --samples rounds). By default a \
        contention probe brackets each sample, and a sample counts only when the probe read quiet around \
        it, its round was not slow for most kernels, it is within 5% of its kernel's quiet time (the \
        lower of its lower quartile and the bottom of its own quiet band), and its thread was on the CPU \
        for 98% of it; see docs/method.md.
        """)
    var noScreening = false

    @OptionGroup var quietTolerance: QuietToleranceOption

    @Option(name: .customLong("max-duration"), help: """
        Most seconds of sampling per size once --samples rounds are done, however few samples were quiet \
        by then, shared equally by the processes (screened runs; default 60).
        """)
    var maxDuration: Double?

    @Option(help: """
        Fresh processes to measure in, one after another; each row is the process at the lower median of \
        the processes' medians (default 5, 1 with --quick). --samples is per process.
        """)
    var processes: Int?

    /// Set by a multi-process run on the processes it starts: measure, write the raw JSON here, and
    /// leave accuracy, printing and baselines to the parent.
    @Option(name: .customLong("process-output"), help: .hidden)
    var processOutput: String?

    /// Which of the processes this one is (from 1), for its progress line.
    @Option(name: .customLong("process-index"), help: .hidden)
    var processIndex: Int?

    @Flag(help: "A smoke run: few, short samples, no screening. Figures are rough.")
    var quick = false

    @Flag(name: .customLong("force-debug-timing"), help: "Time a debug build anyway; the result says so.")
    var forceDebugTiming = false

    @OptionGroup(title: "Baselines and history") var baseline: BaselineOptions

    @OptionGroup(title: "Instruction counts") var counts: CountsOption

    mutating func validate() throws {
        guard threads >= 1, threads <= 1024 else { throw ValidationError("--threads must be between 1 and 1024, got \(threads)") }
        if let samples, samples < 1 || samples > 100_000 { throw ValidationError("--samples must be between 1 and 100000, got \(samples)") }
        if let minTime, !(minTime > 0 && minTime <= 60) { throw ValidationError("--min-time must be in (0, 60] seconds, got \(minTime)") }
        let sizes: [Int]
        do { sizes = try SizeParser.parseList(size) } catch { throw ValidationError(error.message) }
        if let processes, !(1...16).contains(processes) {
            throw ValidationError("--processes must be between 1 and 16, got \(processes)")
        }
        if let output { try OutputPath.check(output, format: format) }
        if let cpu {
            let count = ProcessInfo.processInfo.activeProcessorCount
            guard (0..<count).contains(cpu) else { throw ValidationError("--cpu must be between 0 and \(count - 1), got \(cpu)") }
            guard threads == 1 else {
                throw ValidationError("--cpu pins every thread to CPU \(cpu), so --threads \(threads) would share one core: drop --cpu, or use --threads 1")
            }
        }
        if all && (selection.functions != nil || selection.implementations != nil) {
            throw ValidationError("--all runs every kernel; it cannot be combined with --functions or --impls")
        }
        let kernels = try selection.kernels(in: try registryOptions.registry())
        _ = try screening
        if (noScreening || quick) && quietTolerance.quietTolerance != nil {
            throw ValidationError("--quiet-tolerance applies to screened runs, not with --no-screening or --quick")
        }
        _ = try rules
        try baseline.checkComparable(sizes: sizes, threads: threads, kernels: Set(kernels.map(\.id)))
    }

    /// Processes to measure in: `--processes`, else `defaultProcesses` (1 for a --quick smoke run).
    var processCount: Int { processes ?? (quick ? 1 : Self.defaultProcesses) }

    /// Five, not three: a kernel can sit in a slow state for a whole process, and when two of three
    /// processes do, the lower median of three reads the slow state; of five it takes three
    /// (evidence: results/screening/README.md, "Five processes").
    static let defaultProcesses = 5
    /// Samples per process when there are several: 7 × 5 processes, at 12 s of sampling budget each.
    static let defaultSamplesPerProcess = 7

    /// The standard rules with `--quiet-tolerance` applied.
    var rules: ScreeningRules {
        get throws {
            var rules = ScreeningRules.standard
            try quietTolerance.apply(to: &rules)
            return rules
        }
    }

    /// The screening the options ask for, with the sampling budget of one process; nil with
    /// --no-screening or --quick.
    var screening: Screening? {
        get throws {
            if noScreening || quick {
                if maxDuration != nil {
                    throw ValidationError("--max-duration applies to screened runs, not with --no-screening or --quick")
                }
                return nil
            }
            var screening = Screening()
            if let maxDuration { screening.maxDuration = maxDuration }
            guard screening.maxDuration > 0, screening.maxDuration <= 3600 else {
                throw ValidationError("--max-duration must be in (0, 3600] seconds, got \(screening.maxDuration)")
            }
            screening.maxDuration /= Double(processCount)
            return screening
        }
    }

    func run() throws {
        if isDebugBuild && !forceDebugTiming {
            FileHandle.standardError.write(Data("""
                bench: refusing to time a debug build (SIMD code runs 10-300x slower there); \
                build with `swift build -c release`, or pass --force-debug-timing (the result will say so)

                """.utf8))
            throw ExitCode(2)
        }
        let kernels = try selection.kernels(in: try registryOptions.registry())
        let sizes = try SizeParser.parseList(size)
        let inputs = try input.inputs()
        let cpus = ProcessInfo.processInfo.activeProcessorCount
        if processIndex == nil && threads > cpus {
            FileHandle.standardError.write(Data("bench: note: --threads \(threads) on \(cpus) CPUs; threads share cores, so the figures measure contention too\n".utf8))
        }
        if let cpu { try CPUAffinity.pin(to: cpu, available: ProcessInfo.processInfo.activeProcessorCount) }

        var screening = try self.screening
        // The parent of a multi-process run reads the anchor too: a missing baseline stops the run
        // (exit 66) before any process starts, and the band is announced once.
        if screening != nil { screening?.anchor = try baseline.anchorBand(announce: processOutput == nil) }
        let harness = Harness(samples: samples ?? (quick ? 5 : processCount > 1 ? Self.defaultSamplesPerProcess : 21),
                              minSampleTime: minTime ?? (quick ? 0.003 : 0.02), warmupTime: quick ? 0.005 : 0.05,
                              threads: threads, screening: screening, rules: try rules)
        // The machine block is read before the run: the git state is the one the figures were made with.
        let machine = MachineInfo.current()
        let configuration = RunConfiguration(
            command: CommandLine.arguments.map(shellQuoted).joined(separator: " "), sizes: sizes, threads: threads,
            samples: harness.samples, minSampleTime: harness.minSampleTime, seed: input.seed,
            distribution: inputs.description, pinnedCPU: cpu, quick: quick, forcedDebugTiming: isDebugBuild, alpha: input.alpha,
            screening: harness.screening, rules: harness.rules, processes: processCount)
        let run = ThroughputRun(kernels: kernels, sizes: sizes, harness: harness, distribution: inputs,
                                seed: input.seed, alpha: input.alpha)

        if let processOutput {
            let report = try measure(run, machine: machine, configuration: configuration)
            do { try writeAtomically(try report.jsonData(), to: processOutput) } catch {
                FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
                throw ExitCode(ExitStatus.cantCreate)
            }
            return
        }
        var report: ThroughputReport
        if processCount == 1 {
            report = try Interruption.whileMeasuring { try measure(run, machine: machine, configuration: configuration) }
        } else {
            let reports = try ProcessFanOut.measure(processes: processCount, arguments: Array(CommandLine.arguments.dropFirst()))
            report = try ThroughputReport.combining(reports, machine: machine, configuration: configuration)
        }
        if !noAccuracy {
            let progress = ProgressLine.forStandardError()
            progress.show("max ulp of \(kernels.filter(\.isAvailable).count) kernels (a quick accuracy sample)")
            var accuracy = QuickAccuracy(alpha: input.alpha)
            accuracy.fillMaxULP(&report.results, kernels: kernels)
            progress.finish()
        }
        report.fillRelativeFigures()
        try counts.attach(to: &report)
        try ReportOutput.emit(report, format: format, to: output)
        try baseline.apply(to: report, reportOnStandardOutput: output == nil && format != .table)
    }

    /// Measures `run` in this process, with progress on standard error (`ProgressLine`).
    private func measure(_ run: ThroughputRun, machine: MachineInfo, configuration: RunConfiguration) throws -> ThroughputReport {
        let progress = ProgressLine.forStandardError()
        let sizeCount = run.sizes.count
        let process = processIndex.map { "[process \($0)/\(processCount)] " } ?? ""
        let measured = try run.run { sizeIndex, label, rounds in
            progress.show(process + "[size \(sizeIndex + 1)/\(sizeCount)] \(label)" + (rounds.map { ": \($0.description)" } ?? ""))
        }
        progress.finish()
        return ThroughputReport(machine: machine, configuration: configuration, results: measured.results, rounds: measured.rounds)
    }
}

func shellQuoted(_ s: String) -> String {
    s.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=,@%+".contains($0) } ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

extension ReportFormat: ExpressibleByArgument {}
