@testable import BenchKit
import Foundation
import Testing

/// A plain file every machine has: this test source.
let aFile = URL(fileURLWithPath: #filePath).path

/// The built binary end to end: output shapes and exit codes. The test build is a debug build, so
/// timing runs pass --force-debug-timing (and the result must say so).
@Suite struct BenchCommandTests {
    let smoke = ["--quick", "--size", "1K", "--samples", "2", "--min-time", "0.001", "--force-debug-timing"]

    @Test func listShowsEveryImplementation() throws {
        let o = try BenchProcess.run(["list"])
        #expect(o.status == 0)
        for id in ["swift-naive", "swift-libm", "swift-simd8", "swift-simd16", "c-sleef-u10-avx2",
                   "c-sleef-u10-avx512", "c-sleef-u35-avx2", "gelu-erf", "gelu-tanh"] {
            #expect(o.stdout.contains(id), "bench list lacks \(id)")
        }
    }

    @Test func infoPrintsTheMachineAsJSON() throws {
        let o = try BenchProcess.run(["info", "--json"])
        #expect(o.status == 0)
        let info = try JSONDecoder().decode(MachineInfo.self, from: Data(o.stdout.utf8))
        #expect(!info.cpuModel.isEmpty)
        #expect(info.buildConfiguration == "debug")
        #expect(info.sleefVersion.hasPrefix("3."))
    }

    /// The commit is the one the binary was built from (recorded by the build), which in a checkout
    /// is HEAD: the tests build their bench from this checkout.
    @Test func infoNamesTheCommitTheBinaryWasBuiltFrom() throws {
        let info = try JSONDecoder().decode(MachineInfo.self, from: Data(try BenchProcess.run(["info", "--json"]).stdout.utf8))
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", URL(fileURLWithPath: #filePath).deletingLastPathComponent().path, "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        try git.run()
        let head = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        git.waitUntilExit()
        guard git.terminationStatus == 0 else { return }   // not a checkout: nothing to compare with
        #expect(info.gitCommit == head || info.gitCommit == head + "+dirty", "recorded \(info.gitCommit), HEAD \(head)")
    }

    /// `--version` names the same commit as `info`.
    @Test func versionNamesTheCommit() throws {
        let info = try JSONDecoder().decode(MachineInfo.self, from: Data(try BenchProcess.run(["info", "--json"]).stdout.utf8))
        let o = try BenchProcess.run(["--version"])
        #expect(o.status == 0 && o.stdout == "bench, built from commit \(info.gitCommit)\n", "\(o.stdout) \(o.stderr)")
    }

    @Test func jsonRunHasTheExpectedShape() throws {
        let o = try BenchProcess.run(smoke + ["--functions", "sigmoid,elu", "--impls", "swift-naive,swift-simd8", "--format", "json"])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let report = try ThroughputReport.decode(from: Data(o.stdout.utf8))
        #expect(report.schemaVersion == ThroughputReport.currentSchemaVersion)
        #expect(report.configuration.forcedDebugTiming)
        #expect(report.results.count == 5)   // copy + 2 functions x 2 implementations
        #expect(Set(report.results.map(\.implementation)) == ["memcpy", "swift-naive", "swift-simd8"])
        for result in report.results {
            #expect(result.samplesNsPerElement.count == 2)
            #expect(result.summary.medianNsPerElement > 0)
            #expect(result.size == 1024)
        }
        let simd = try #require(report.results.first { $0.implementation == "swift-simd8" && $0.function == "elu" })
        #expect(simd.summary.speedupOverNaive != nil && simd.summary.rooflineShare != nil)
    }

    /// A screened (non-quick) run: the JSON carries the probe log, every sample is either counted or
    /// rejected, and each kernel has its quiet samples unless the budget ran out (then a warning).
    @Test func screenedRunRecordsTheProbeLog() throws {
        let o = try BenchProcess.run(["--size", "1K", "--samples", "3", "--min-time", "0.001", "--max-duration", "3",
                                      "--functions", "sigmoid", "--impls", "swift-naive,swift-simd16", "--no-accuracy",
                                      "--processes", "1", "--force-debug-timing", "--format", "json"])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let report = try ThroughputReport.decode(from: Data(o.stdout.utf8))
        #expect(report.configuration.screening == Screening(maxDuration: 3) && report.configuration.rules == .standard)
        let log = try #require(report.rounds.first)
        #expect(report.rounds.count == 1 && log.size == 1024 && log.piecesPerRound == 3)
        #expect(log.quiet.count == 3 * log.rounds && log.probeNsPerElement.count == log.quiet.count + 1)
        #expect(log.rounds >= 3)
        for (piece, result) in report.results.enumerated() {
            let quiet = log.quiet(piece: piece).filter { $0 }.count
            #expect(result.samplesNsPerElement.count + result.rejectedNsPerElement.count == log.rounds)
            #expect(result.samplesNsPerElement.count == (quiet == 0 ? log.rounds : quiet))
        }
        // The run stops at 3 quiet samples per kernel, at its 3 s budget, or at the harness's cap of
        // rounds per sample (on a busy machine a 1K run can reach the cap first).
        #expect(log.quietCount >= 3 || log.duration >= 3 || log.rounds >= 3 * Harness.maxRoundsPerSample)
    }

    /// The default run measures in fresh processes: every row is its lower-median process's
    /// measurement with all of them beside it, each process's probe log is kept, the sampling budget
    /// is shared, and the parent adds max ulp once.
    @Test func multiProcessRunKeepsEveryProcess() throws {
        let o = try BenchProcess.run(["--size", "1K", "--samples", "3", "--min-time", "0.001", "--max-duration", "3",
                                      "--functions", "sigmoid", "--impls", "swift-naive,swift-simd16", "--processes", "2",
                                      "--force-debug-timing", "--format", "json"])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let report = try ThroughputReport.decode(from: Data(o.stdout.utf8))
        #expect(report.configuration.processes == 2)
        #expect(report.configuration.screening?.maxDuration == 1.5)
        #expect(report.rounds.map(\.process) == [1, 2])
        #expect(report.results.count == 3)
        for row in report.results {
            let processes = try #require(row.processes)
            let chosen = try #require(row.process)
            #expect(processes.count == 2)
            // The lower median of two is the faster, among the processes in the usual speed state:
            // a debug build's probe bands can land in different states (seen in CI: 15% apart),
            // and then the row is the one process in the slower state.
            let usual = report.speedStates(at: row.size).usual
            #expect(usual.contains(chosen - 1))
            #expect(row.summary.medianNsPerElement == usual.map { processes[$0].medianNsPerElement }.min())
            #expect(row.samplesNsPerElement == processes[chosen - 1].samplesNsPerElement)
            #expect((row.maxULP != nil) == (row.function != "copy"))
        }
    }

    /// SIGTERM to a multi-process run stops its running process, removes the processes' temporary
    /// reports and leaves no output file: exit 143, as the signal would.
    @Test func terminatedMultiProcessRunLeavesNothingBehind() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.json").path
        let o = try BenchProcess.run(["--size", "1K", "--samples", "100000", "--min-time", "0.001", "--max-duration", "600",
                                      "--functions", "sigmoid", "--impls", "swift-naive", "--force-debug-timing",
                                      "--format", "json", "--output", path]) { pid in
            // Once the first process is under way (its temporary directory exists), not before:
            // the parent installs its handler just before that.
            let temporary = FileManager.default.temporaryDirectory.path
            for _ in 0..<600 {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
                if names.contains(where: { $0.hasPrefix("bench-processes-\(pid)-") }) { break }
                usleep(50_000)
            }
            usleep(300_000)
            kill(pid, SIGTERM)
        }
        #expect(o.status == 143, "stderr: \(o.stderr)")
        #expect(o.stderr.contains("interrupted; no report written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        let temporary = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
        #expect(!temporary.contains { $0.hasPrefix("bench-processes-\(o.pid)-") })
    }

    @Test func csvHasAHeaderAndOneRowPerResult() throws {
        let o = try BenchProcess.run(smoke + ["--functions", "tanh", "--impls", "swift-libm", "--format", "csv"])
        #expect(o.status == 0)
        let lines = o.stdout.split(separator: "\n")
        #expect(lines.count == 3)   // header, copy, tanh/swift-libm
        // The table's WARNING lines, which CSV has no place for, go to standard error.
        #expect(o.stderr.contains("WARNING: timed a debug build (forced)"))
    }

    @Test func tableGroupsByFunction() throws {
        let o = try BenchProcess.run(smoke + ["--functions", "gelu-tanh", "--impls", "swift-simd16"])
        #expect(o.status == 0)
        #expect(o.stdout.contains("gelu-tanh"))
        #expect(o.stdout.contains("swift-simd16"))
        #expect(o.stdout.contains("copy"))
    }

    @Test func outputFileIsWrittenWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.json").path
        let o = try BenchProcess.run(smoke + ["--functions", "sigmoid", "--impls", "swift-simd16", "--format", "json", "--output", path])
        #expect(o.status == 0)
        let report = try ThroughputReport.decode(from: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(report.results.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["run.json"])
    }

    @Test(arguments: [
        (["--size", "0"], "size"),
        (["--size", "-5"], "size"),
        (["--size", "12Q"], "size"),
        (["--size", "3G"], "maximum"),
        (["--functions", "no-such-function"], "valid: sigmoid"),
        (["--impls", "c-magic"], "valid: swift-naive"),
        (["--distribution", "uniform:5:1"], "distribution"),
        (["--distribution", "cauchy:0:1"], "distribution"),
        (["--threads", "0"], "threads"),
        (["--format", "xml"], "format"),
        (["--quiet-tolerance", "0"], "quiet-tolerance"),
        (["--quiet-tolerance", "abc"], "quiet-tolerance"),
        (["--max-duration", "0"], "max-duration"),
        (["--no-screening", "--max-duration", "5"], "screened runs"),
        (["--processes", "0"], "--processes"),
        (["--processes", "17"], "--processes"),
        (["--cpu", "4096"], "--cpu must be between 0"),
        (["--cpu=-1"], "--cpu must be between 0"),
        (["--cpu", "0", "--threads", "2"], "would share one core"),
        (["--alpha", "0"], "--alpha must be finite and positive"),
        (["--alpha", "nan"], "--alpha must be finite and positive"),
        // A negative value after a space reaches the option's own check, not "missing value".
        (["--alpha", "-1"], "--alpha must be finite and positive"),
        (["--cpu", "-1"], "--cpu must be between 0"),
        (["--max-duration", "-1"], "max-duration"),
        (["--quiet-tolerance", "-5%"], "--quiet-tolerance '-5%' is out of range"),
        (["--size", "4K,4K"], "list each size once"),
        (["--impls", "swift-simd16,c-xnnpack,swift-simd16"], "'swift-simd16' is listed twice"),
        (["--functions", "tanh, tanh"], "'tanh' is listed twice"),
        // Options that would be ignored are refused.
        (["--all", "--impls", "swift-simd16"], "--all runs every kernel"),
        (["--quick", "--quiet-tolerance", "5%"], "--quiet-tolerance applies to screened runs"),
        (["--quick", "--threshold", "5%"], "they need --baseline NAME"),
    ])
    func usageErrorsExit64(arguments: [String], mentions: String) throws {
        try BenchProcess.expectRefusal(arguments + ["--force-debug-timing"], status: 64, mentions: mentions)
    }

    /// An --output that cannot be written is refused before any work with 73 (EX_CANTCREAT), the code a
    /// failed write at the end gives.
    @Test(arguments: [
        (["--output", "/nonexistent-dir/x.json"], "does not exist"),
        (["--output", "/tmp"], "it is a directory"),
        (["--output", ""], "the path is empty"),
        (["accuracy", "--output", "/nonexistent-dir/a.txt"], "does not exist"),
        (["compare", "a.json", "b.json", "--output", "/nonexistent-dir/c.txt"], "does not exist"),
        (["--output", aFile + "/x.json"], "is a file, not a directory"),
        (["--history", "--results-dir", aFile + "/results"], "cannot write under --results-dir"),
    ])
    func unwritableOutputExits73(arguments: [String], mentions: String) throws {
        try BenchProcess.expectRefusal(arguments + (arguments.first!.hasPrefix("--") ? ["--force-debug-timing"] : []),
                                       status: 73, mentions: mentions)
    }

    /// An --output named for a report format (.json, .csv, .md) in another format is a usage error
    /// before any work: a table saved as x.json would be found out only by whatever reads it.
    @Test(arguments: [
        (["--output", "/tmp/x.json"], "names a json file but the report's format is table"),
        (["--format", "json", "--output", "/tmp/x.csv"], "names a csv file but the report's format is json"),
        (["accuracy", "--format", "json", "--output", "/tmp/a.md"], "names a markdown file"),
        (["accuracy", "--output", "/tmp/a.md"], "add --format markdown"),
        // A format the command does not write: the refusal names those it does.
        (["compare", "a.json", "b.json", "--output", "/tmp/c.json"], "this command writes no json (its formats: table, markdown)"),
        (["export", "--github-action-benchmark", "a.json", "--output", "/tmp/g.csv"], "this command writes no csv (its formats: json)"),
    ])
    func outputNamedForAnotherFormatExits64(arguments: [String], mentions: String) throws {
        try BenchProcess.expectRefusal(arguments + (arguments.first!.hasPrefix("--") ? ["--force-debug-timing"] : []),
                                       status: 64, mentions: mentions)
    }

    /// With --output, the table still goes to standard output, as each command's help says.
    @Test func tableFormatWithOutputAlsoPrintsTheTable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.txt").path
        let o = try BenchProcess.run(smoke + ["--functions", "sigmoid", "--impls", "swift-simd16", "--output", path])
        #expect(o.status == 0)
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.contains("swift-simd16"))
        #expect(o.stdout == file || o.stdout + "\n" == file || o.stdout == file + "\n", "stdout: \(o.stdout)")
    }

    /// Every command that runs kernels takes `--alpha` from one option group, with one rule.
    @Test(arguments: [["count", "--alpha", "0"], ["accuracy", "--alpha=-1"], ["eval", "--function", "elu", "--impl", "swift-naive", "--alpha", "inf", "1"]])
    func alphaIsCheckedAlikeEverywhere(arguments: [String]) throws {
        try BenchProcess.expectRefusal(arguments, status: 64, mentions: "--alpha must be finite and positive")
    }

    @Test func debugBuildRefusesToTimeUnlessForced() throws {
        let o = try BenchProcess.run(["--quick", "--size", "1K", "--functions", "sigmoid", "--impls", "swift-naive"])
        #expect(o.status == 2)
        #expect(o.stderr.contains("debug build"))
        #expect(o.stdout.isEmpty)
    }
}

/// `--plugin` from the command line: a missing file is a usage error, a file that is not a plugin a
/// data error (65, never 1, which means a regression), each with one line on standard error and
/// nothing on standard output.
@Suite struct PluginOptionTests {
    @Test(arguments: [
        (["list", "--plugin", "/nonexistent/libx.so"], Int32(64), "no such file"),
        (["list", "--plugin", aFile], Int32(65), "not a loadable shared library"),
        (["--quick", "--plugin", aFile, "--size", "1K"], Int32(65), "not a loadable shared library"),
        (["accuracy", "--plugin", "/nonexistent/libx.so"], Int32(64), "no such file"),
        (["list", "--plugin", aFile, "--plugin", aFile], Int32(64), "already given as"),
    ])
    func badPluginsExitCleanly(arguments: [String], status: Int32, mentions: String) throws {
        let outcome = try BenchProcess.run(arguments)
        #expect(outcome.status == status, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(mentions))
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }
}
