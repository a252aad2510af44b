import Foundation
import Testing
import TestSupport

/// Every table in README.md is one that scripts/readme_tables.py prints from a committed report, line
/// for line: a figure typed by hand, or a report remade without its table, fails here. The function
/// table comes from the `bench` beside the tests.
@Suite(.enabled(if: FakePeer.available, "scripts/readme_tables.py needs python3 on PATH"))
struct ReadmeTablesTests {
    /// The README's tables, each as the script's arguments (report paths under results/).
    static let tables: [[String]] = [
        ["throughput", "throughput-1M.json"],
        ["accuracy", "accuracy-exhaustive.json", "accuracy-exhaustive-accurate-tier.json"],
        ["throughput", "throughput-python-peers-1M.json"],
        ["ratios", "throughput-1M.json", "accuracy-exhaustive.json", "accuracy-exhaustive-accurate-tier.json"],
    ]

    static func printed(_ arguments: [String]) throws -> BenchProcess.Outcome {
        try RepositoryScript.run("readme_tables.py", arguments.map { $0.hasSuffix(".json") ? RepositoryScript.path("results/\($0)") : $0 },
                                 interpreter: "python3", environment: ["BENCH": BenchProcess.executable.path])
    }

    static var readme: [Substring] {
        get throws { try String(contentsOfFile: RepositoryScript.path("README.md"), encoding: .utf8).split(separator: "\n") }
    }

    @Test(arguments: tables)
    func theReadmeHoldsThePrintedTable(arguments: [String]) throws {
        let o = try Self.printed(arguments)
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let table = o.stdout.split(separator: "\n")
        try #require(table.count >= 3)
        let readme = try Self.readme
        let at = readme.indices.first { readme[$0...].starts(with: table) }
        #expect(at != nil, "\(arguments): the README has no block equal to\n\(o.stdout)")
    }

    /// Each README line that is a table row belongs to one of the printed tables.
    @Test func everyReadmeTableIsPrinted() throws {
        var printed = Set<Substring>()
        for arguments in Self.tables { printed.formUnion(try Self.printed(arguments).stdout.split(separator: "\n")) }
        let typed = try Self.readme.filter { $0.hasPrefix("|") && !printed.contains($0) }
        #expect(typed.isEmpty, "README table rows no report prints: \(typed)")
    }
}
