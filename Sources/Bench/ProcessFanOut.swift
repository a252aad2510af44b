import ArgumentParser
import BenchKit
import Foundation

/// Runs this command again in fresh processes of this executable, one after another, each writing
/// its raw report to a private temporary file (`--process-output`), and reads the reports back.
/// The parent measures nothing meanwhile, so the processes never overlap. Why processes at all:
/// `ThroughputReport.combining`.
enum ProcessFanOut {
    static func measure(processes count: Int, arguments: [String]) throws -> [ThroughputReport] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bench-processes-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }

        var reports: [ThroughputReport] = []
        for index in 1...count {
            let file = directory.appendingPathComponent("process-\(index).json")
            let child = Process()
            child.executableURL = try executable()
            child.arguments = arguments + ["--process-index", "\(index)", "--process-output", file.path]
            try child.run()
            child.waitUntilExit()
            guard child.terminationReason == .exit, child.terminationStatus == 0 else {
                let how = child.terminationReason == .exit
                    ? "exit status \(child.terminationStatus)" : "signal \(child.terminationStatus)"
                FileHandle.standardError.write(Data("bench: measuring process \(index) of \(count) failed (\(how)); no report written\n".utf8))
                throw ExitCode(child.terminationReason == .exit ? child.terminationStatus : 1)
            }
            reports.append(try ThroughputReport.decode(from: Data(contentsOf: file)))
        }
        return reports
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
