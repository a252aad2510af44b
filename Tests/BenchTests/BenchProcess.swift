import Foundation
import Testing

/// Runs the `bench` executable built beside the test bundle and captures its output and exit code.
struct BenchProcess {
    struct Outcome {
        var pid: Int32 = 0
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bench")
    }

    /// Runs `bench` with `arguments`; `started`, if given, is called on another thread with the
    /// process id as soon as it runs (to signal it, say). `environment` adds to the test's own.
    static func run(_ arguments: [String], executable: URL = executable, environment: [String: String] = [:],
                    started: (@Sendable (Int32) -> Void)? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let started {
            let pid = process.processIdentifier
            DispatchQueue.global().async { started(pid) }
        }
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(pid: process.processIdentifier, status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `bench` with `arguments` and expects a refusal: exit `status`, `mentions` on standard
    /// error, nothing on standard output.
    static func expectRefusal(_ arguments: [String], status: Int32, mentions: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let o = try run(arguments)
        #expect(o.status == status, "\(arguments): exit \(o.status), stderr \(o.stderr)", sourceLocation: sourceLocation)
        #expect(o.stderr.contains(mentions), "\(arguments): stderr was \(o.stderr)", sourceLocation: sourceLocation)
        #expect(o.stdout.isEmpty, "\(arguments): stdout was \(o.stdout)", sourceLocation: sourceLocation)
    }
}
