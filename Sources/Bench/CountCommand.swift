import ArgumentParser
import BenchKit
import Foundation

/// `bench count`: instructions per element of every selected kernel, counted under callgrind.
struct CountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Count the instructions each kernel executes per element, under valgrind's callgrind.",
        discussion: """
            Runs this executable again under `valgrind --tool=callgrind` and counts one kernel call at a \
            time on the standard seeded input (the generator, distribution and seed of `bench run`), less \
            the harness's own cost (an empty call through the same path, shown under the table). Counts are \
            exact and repeatable, unlike times, so `bench compare` judges them exactly (default threshold 1%) \
            and a count baseline belongs to a toolchain (Swift version and build, target CPU, valgrind, SLEEF, \
            libc), not to a machine. See docs/counts.md.

            Valgrind executes up to AVX2: the AVX-512 kernels are not counted, and this bench must be built \
            for an AVX2 target, not `native` on an AVX-512 CPU:
              ACTIVATION_BENCH_TARGET_CPU=haswell swift build -c release --product bench --scratch-path .build-avx2
              .build-avx2/release/bench count --format json --output counts.json

            Exit status: 0 counted; 64 usage error; 69 valgrind not found; 70 the worker under valgrind \
            failed (the reason is printed); 73 output not writable; 78 this bench was built for target CPU \
            `native` (counts must name a reproducible target; AVX-512 code cannot run under valgrind).
            """)

    @OptionGroup var selection: KernelSelection

    @Option(help: """
        Elements per kernel call. 64K: large enough that the per-call constant (harness, loop set-up, \
        vector tails) is under 0.01 instructions per element, small enough that the whole matrix runs \
        under callgrind in under a minute.
        """)
    var size: String = "64K"

    @OptionGroup var input: InputOptions

    @Option(help: "Counted calls per kernel, after one uncounted warm-up call; a disagreement is flagged under the table.")
    var repeats: Int = 2

    @Option(help: "Output format: table or json.")
    var format: CountFormat = .table

    @Option(help: "Write the report to this file (atomically); the table still goes to standard output. A .json name needs --format json; a .csv or .md name is refused (no such format).")
    var output: String?

    @Option(name: .customLong("save-baseline"), help: ArgumentHelp(
        "Also store the report as this toolchain's count baseline NAME in --results-dir.", valueName: "NAME"))
    var saveBaseline: String?

    @Option(name: .customLong("results-dir"), help: "The results directory (baselines/ in it).")
    var resultsDirectory: String = "results"

    @Option(help: "The valgrind executable (default: the first on PATH).")
    var valgrind: String?

    /// Set on the process started under callgrind: count and dump, print nothing on standard output.
    @Flag(name: .customLong("count-worker"), help: .hidden)
    var countWorker = false

    func validate() throws {
        guard (1...10).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 10, got \(repeats)") }
        do {
            let sizes = try SizeParser.parseList(size)
            guard sizes.count == 1 else { throw ValidationError("--size takes one size for bench count, got \(sizes.count)") }
        } catch let error as UsageError { throw ValidationError(error.message) }
        if let saveBaseline {
            do { try ResultsDirectory.checkBaselineName(saveBaseline) } catch { throw ValidationError(error.message) }
        }
        if let output { try OutputPath.check(output, format: format) }
        _ = try selection.kernels(in: Registry.standard)
    }

    func run() throws {
        let elements = try SizeParser.parseList(size)[0]
        let inputs = try input.inputs()
        let (kernels, excluded) = CountReport.partition(try selection.kernels(in: Registry.standard))
        if countWorker {
            let worker = CountWorker(kernels: kernels, size: elements, distribution: inputs, seed: input.seed, alpha: input.alpha, repeats: repeats)
            do {
                try worker.run { index, total, what in
                    FileHandle.standardError.write(Data("bench count: [\(index + 1)/\(total)] \(what)\n".utf8))
                }
            } catch {
                FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
                throw ExitCode(70)
            }
            return
        }
        let valgrindPath: String
        do { valgrindPath = try CallgrindRun.findValgrind(explicit: valgrind) } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            throw ExitCode(ExitStatus.unavailable)
        }
        if Machine.swiftTargetCPU == "native" {
            FileHandle.standardError.write(Data("""
                bench: refusing to count a build for target CPU `native`: a count baseline names the target CPU, \
                and on an AVX-512 CPU the native build holds AVX-512 code that valgrind cannot execute. Build for \
                an AVX2 target in its own scratch path and count with that binary:
                  ACTIVATION_BENCH_TARGET_CPU=haswell swift build -c release --product bench --scratch-path .build-avx2
                  .build-avx2/release/bench count

                """.utf8))
            throw ExitCode(ExitStatus.notCountable)
        }
        guard !kernels.isEmpty else {
            FileHandle.standardError.write(Data(("bench: no selected kernel can be counted: "
                + excluded.map { "\($0.implementation) (\($0.reason))" }.joined(separator: ", ") + "\n").utf8))
            throw ExitCode(ExitStatus.usage)
        }
        let machine = MachineInfo.current()
        let toolchain = CountToolchain.current(valgrindVersion: CallgrindRun.version(of: valgrindPath))
        FileHandle.standardError.write(Data("""
            bench count: \(kernels.count) kernels at \(elements) elements under callgrind (\(toolchain.valgrindVersion)); \
            valgrind runs the counted calls about 50x slower than native (seconds at 64K)

            """.utf8))
        let started = Date()
        let dumps: [String: UInt64]
        do {
            dumps = try CallgrindRun(valgrind: valgrindPath, executable: try Self.executable(),
                                     arguments: Array(CommandLine.arguments.dropFirst()) + ["--count-worker"]).run()
        } catch let error as CallgrindRun.RunError {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            throw ExitCode(ExitStatus.countFailed)
        }
        let report: CountReport
        do {
            report = try CountReport.assemble(
                dumps: dumps, kernels: kernels, size: elements, repeats: repeats, machine: machine, toolchain: toolchain,
                configuration: (CommandLine.arguments.map(shellQuoted).joined(separator: " "), input.seed, inputs.description, input.alpha),
                excluded: excluded)
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            throw ExitCode(ExitStatus.countFailed)
        }
        FileHandle.standardError.write(Data(String(format: "bench count: done in %.1f s\n", Date().timeIntervalSince(started)).utf8))

        let json = String(decoding: try report.jsonData(), as: UTF8.self)
        try ReportOutput.write(format == .json ? json : report.tableText(), to: output,
                               alsoPrint: report.tableText())
        if let saveBaseline {
            let path = ResultsDirectory(path: resultsDirectory).baselinePath(name: saveBaseline, machineKey: toolchain.key)
            do {
                try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try writeAtomically(Data(json.utf8), to: path)
            } catch {
                FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
                throw ExitCode(ExitStatus.cantCreate)
            }
            FileHandle.standardError.write(Data("bench: wrote \(path)\n".utf8))
        }
    }

    /// This executable's path: Linux names it in /proc/self/exe, whatever argv[0] says.
    static func executable() throws -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        guard let path = Bundle.main.executablePath else { throw ValidationError("cannot find this executable's path") }
        return path
    }
}

enum CountFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
