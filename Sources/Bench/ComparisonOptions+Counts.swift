import ArgumentParser
import BenchKit
import Foundation

extension ComparisonOptions {
    /// Counts are exact, so the default threshold is smaller than for times: 1% is a real change in
    /// what a kernel executes, not noise, while a compiler's reshuffle of a loop stays under it.
    static let defaultCountThreshold = "1%"

    var countThreshold: Double {
        get throws { try ComparisonSettings.parseThreshold(threshold ?? Self.defaultCountThreshold) }
    }

    /// The stored count baseline `name` of the toolchain `key`, with a message saying how to make one
    /// when it is missing (exit 66).
    func loadCountBaseline(name: String, toolchainKey key: String) throws -> CountReport {
        let path = results.baselinePath(name: name, machineKey: key)
        do {
            return try CountReport.load(path: path)
        } catch .missing {
            FileHandle.standardError.write(Data("""
                bench: no count baseline '\(name)' for toolchain "\(key)" (looked for \(path)); \
                make one with this toolchain: `bench count --save-baseline \(name)` (docs/counts.md)

                """.utf8))
            throw ExitCode(ExitStatus.noInput)
        }
    }
}
