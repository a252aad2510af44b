import ArgumentParser
import BenchKit
import Foundation

/// Runs this command again in fresh processes of this executable, one after another, each writing
/// its raw report to a private temporary file (`--process-output`), and reads the reports back.
/// The parent measures nothing meanwhile, so the processes never overlap. Why processes at all:
/// `ScreeningRules+Processes` (docs/method.md).
enum ProcessFanOut {
    static func measure(processes count: Int, arguments: [String]) throws -> [ThroughputReport] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-processes-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }

        let interrupt = Interrupt(directory: directory)
        defer { interrupt.cancel() }
        var reports: [ThroughputReport] = []
        // Each process shows its own progress on a terminal; in a log, where a process rarely lives
        // the 30 s between lines, the parent says which process is measuring.
        let progress = ProgressLine.forStandardError()
        let start = Date()
        for index in 1...count {
            progress.log(String(format: "measuring in process %d of %d (%.0f s so far)", index, count, Date().timeIntervalSince(start)))
            let file = directory.appendingPathComponent("process-\(index).json")
            let child = Process()
            child.executableURL = try executable()
            child.arguments = arguments + ["--process-index", "\(index)", "--process-output", file.path]
            try child.run()
            interrupt.current = child
            child.waitUntilExit()
            // A child killed by the interrupt handler: the handler reports and exits; this thread
            // must not report the kill as a failed process first.
            interrupt.waitIfInterrupting()
            guard child.terminationReason == .exit, child.terminationStatus == 0 else {
                let how = child.terminationReason == .exit
                    ? "exit status \(child.terminationStatus)" : "signal \(child.terminationStatus)"
                FileHandle.standardError.write(Data("bench: measuring process \(index) of \(count) failed (\(how)); no report written\n".utf8))
                throw ExitCode(child.terminationReason == .exit ? child.terminationStatus : 128 + child.terminationStatus)
            }
            reports.append(try ThroughputReport.decode(from: Data(contentsOf: file)))
        }
        return reports
    }

    /// On SIGINT or SIGTERM to the parent: stop the running process, remove the temporary reports,
    /// and exit as the signal would have (128 + signal). Without it, `kill` of the parent would
    /// leave its process measuring on, orphaned, and the directory behind.
    private final class Interrupt: @unchecked Sendable {
        private let lock = NSLock()
        private var child: Process?
        private var interrupting = false
        private var sources: [DispatchSourceSignal] = []

        var current: Process? {
            get { lock.withLock { child } }
            set { lock.withLock { child = newValue } }
        }

        init(directory: URL) {
            for signal in [SIGINT, SIGTERM] {
                Foundation.signal(signal, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
                source.setEventHandler { [self] in
                    lock.withLock { interrupting = true }
                    // SIGKILL: the process may have inherited a mask that blocks SIGTERM (a parent
                    // that blocks it, as test runners do), and it writes nothing until its atomic
                    // rename at the end, so killing it outright cannot leave a partial report.
                    if let child = current, child.isRunning { kill(child.processIdentifier, SIGKILL) }
                    current?.waitUntilExit()
                    try? FileManager.default.removeItem(at: directory)
                    FileHandle.standardError.write(Data("\nbench: interrupted; no report written\n".utf8))
                    exit(128 + signal)
                }
                source.resume()
                sources.append(source)
            }
        }

        /// Blocks for good once the handler has started: it ends the process itself.
        func waitIfInterrupting() {
            guard lock.withLock({ interrupting }) else { return }
            while true { pause() }
        }

        func cancel() {
            for source in sources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
    }

    /// This executable's path: Linux names it in /proc/self/exe, whatever argv[0] says.
    private static func executable() throws -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        guard let url = Bundle.main.executableURL else {
            throw ValidationError("cannot find this executable's path to start measuring processes; pass --processes 1")
        }
        return url
    }
}
