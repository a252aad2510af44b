import ArgumentParser
import BenchKit
import Foundation

/// `bench run --counts FILE`: an instructions-per-element column from a `bench count` report.
struct CountsOption: ParsableArguments {
    @Option(name: .customLong("counts"), help: ArgumentHelp(
        "Add an instr/elem column from this count report (bench count --output FILE).", valueName: "FILE"))
    var path: String?

    /// Reads the report before the run, so a long run never ends in an unreadable file.
    func validate() throws {
        if path != nil { _ = try load() }
    }

    func load() throws -> CountReport? {
        guard let path else { return nil }
        return try ExitStatus.mapping { try CountReport.load(path: path) }
    }

    func attach(to report: inout ThroughputReport) throws {
        if let counts = try load(), let path { report.attachCounts(counts, path: path) }
    }
}
