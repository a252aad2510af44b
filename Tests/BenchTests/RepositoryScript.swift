import Foundation
import TestSupport

/// The repository's scripts as the tests run them: by path from the checkout's root, through their
/// interpreter (so no executable bit is assumed), with variables added to the test's environment.
enum RepositoryScript {
    static let root = PluginBuilder.packageRoot

    /// A path under the checkout's root.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Runs scripts/`name` with `interpreter` (python3, bash) and `arguments`; its exit status and output.
    static func run(_ name: String, _ arguments: [String], interpreter: String,
                    environment: [String: String] = [:]) throws -> BenchProcess.Outcome {
        try BenchProcess.run([interpreter, path("scripts/\(name)")] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"),
                             environment: environment)
    }
}
