import Foundation

/// The parent side of `bench count`: starts this executable again under
/// `valgrind --tool=callgrind` as the count worker, then reads the per-call dumps back.
///
/// Collection is off except between the worker's brackets (`--collect-atstart=no`) and
/// instrumentation starts only when the worker asks (`--instr-atstart=no`), so start-up, input
/// generation and option parsing cost neither counts nor callgrind's slowdown.
public struct CallgrindRun: Sendable {
    public var valgrind: String
    /// The executable to run as the worker and the arguments that make it one.
    public var executable: String
    public var arguments: [String]

    public init(valgrind: String, executable: String, arguments: [String]) {
        self.valgrind = valgrind
        self.executable = executable
        self.arguments = arguments
    }

    public enum RunError: Error, CustomStringConvertible {
        /// No valgrind on PATH (or at the path given).
        case valgrindMissing(looked: String)
        /// The worker failed; `explanation` says why when the valgrind log tells.
        case workerFailed(status: Int32, explanation: String, log: String)
        case missingDump(label: String)

        public var description: String {
            switch self {
            case .valgrindMissing(let looked):
                return "valgrind not found (\(looked)); bench count runs kernels under valgrind's callgrind. "
                    + "Install it: scripts/install-deps.sh, or apt-get install valgrind"
            case .workerFailed(let status, let explanation, let log):
                return "the count worker under callgrind failed (status \(status)): \(explanation)"
                    + (log.isEmpty ? "" : "\nlast lines of the valgrind log:\n\(log)")
            case .missingDump(let label):
                return "callgrind wrote no dump for \(label); the worker stopped early or the dump files were removed"
            }
        }
    }

    /// The valgrind executable: `explicit`, else the first `valgrind` on PATH.
    public static func findValgrind(explicit: String? = nil) throws(RunError) -> String {
        if let explicit {
            guard FileManager.default.isExecutableFile(atPath: explicit) else { throw .valgrindMissing(looked: explicit) }
            return explicit
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/valgrind"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw .valgrindMissing(looked: "searched PATH")
    }

    /// `valgrind --version`, e.g. "valgrind-3.19.0".
    public static func version(of valgrind: String) -> String {
        capture(valgrind, ["--version"])?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "valgrind-unknown"
    }

    /// Runs the worker under callgrind in a fresh temporary directory and returns its dumps by label.
    public func run() throws -> [String: UInt64] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-count-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }

        let worker = Self.debugStrippedCopy(of: executable, in: directory) ?? executable
        let log = directory.appendingPathComponent("valgrind.log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: valgrind)
        process.arguments = [
            "--tool=callgrind", "--collect-atstart=no", "--instr-atstart=no",
            "--callgrind-out-file=\(directory.appendingPathComponent("callgrind.out").path)",
            "--log-file=\(log.path)", worker,
        ] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw RunError.workerFailed(status: process.terminationStatus, explanation: Self.explain(log: text),
                                        log: text.split(separator: "\n").suffix(12).joined(separator: "\n"))
        }
        var counts: [String: UInt64] = [:]
        for dump in try CallgrindDump.readAll(in: directory, prefix: "callgrind.out") { counts[dump.label] = dump.instructions }
        return counts
    }

    /// What a valgrind log says went wrong, in terms of what to do about it.
    static func explain(log: String) -> String {
        if log.contains("unhandled instruction") || log.contains("SIGILL") {
            return "valgrind met an instruction it cannot execute, most likely AVX-512 (valgrind runs up to AVX2): "
                + "count with a build for an AVX2 CPU, e.g. ACTIVATION_BENCH_TARGET_CPU=haswell swift build -c release "
                + "--scratch-path .build-avx2"
        }
        if log.contains("debuginfo") {
            return "valgrind could not read the executable's debug information (valgrind before 3.20 reads "
                + "Swift 6's DWARF 5 only partly) and no debug-stripped copy could be made: install objcopy (binutils)"
        }
        return "see the valgrind log below"
    }

    /// A copy of `executable` without debug information, or nil when objcopy is missing or fails.
    /// Why: valgrind 3.19 gives up on the DWARF 5 that Swift 6.3 writes ("Possibly corrupted
    /// debuginfo file"); symbols stay, so callgrind still names functions.
    static func debugStrippedCopy(of executable: String, in directory: URL) -> String? {
        let copy = directory.appendingPathComponent(URL(fileURLWithPath: executable).lastPathComponent).path
        for objcopy in ["/usr/bin/objcopy", "/usr/local/bin/objcopy"] where FileManager.default.isExecutableFile(atPath: objcopy) {
            if capture(objcopy, ["--strip-debug", executable, copy]) != nil { return copy }
        }
        return nil
    }

    /// Standard output of a short command, nil when it cannot run or fails.
    static func capture(_ executable: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
