import Foundation
import Testing
import TestSupport

/// scripts/accuracy_diff.py on reports `bench accuracy` writes: a report against itself agrees, a
/// changed figure, special-value output or row is named, and bad input exits with `bench compare`'s
/// codes (64 usage, 65 not an accuracy report) and one line, never a traceback.
@Suite(.enabled(if: FakePeer.available, "scripts/accuracy_diff.py needs python3 on PATH"))
struct AccuracyDiffScriptTests {
    static func diff(_ arguments: [String]) throws -> BenchProcess.Outcome {
        try RepositoryScript.run("accuracy_diff.py", arguments, interpreter: "python3")
    }

    /// A sampled accuracy report of two ELU kernels, as JSON objects, and a scratch directory.
    static func report() throws -> (json: [String: Any], dir: URL) {
        let o = try BenchProcess.run(["accuracy", "--samples", "300", "--functions", "elu", "--impls", "swift-simd8,swift-naive",
                                      "--format", "json", "--no-primitives"])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as? [String: Any])
        return (json, try PluginBuilder.scratch())
    }

    static func write(_ json: Any, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aReportAgreesWithItself() throws {
        let (json, dir) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.write(json, "a.json", in: dir)
        let o = try Self.diff([a, a])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        #expect(o.stdout.hasSuffix("2 of 2 rows agree\n"), "stdout: \(o.stdout)")
    }

    /// One row's max ulp and one special value's output changed, and the other row dropped: exit 1,
    /// the changed row named with both figures, the dropped one counted.
    @Test func aDifferenceIsNamed() throws {
        let (json, dir) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.write(json, "a.json", in: dir)
        var changed = json
        var results = try #require(json["results"] as? [[String: Any]])
        var row = results[1]
        #expect(row["implementation"] as? String == "swift-simd8")
        var stats = try #require(row["stats"] as? [String: Any])
        #expect(stats["max_ulp"] as? Double != 99.5)
        stats["max_ulp"] = 99.5
        row["stats"] = stats
        var specials = try #require(row["special_values"] as? [[String: Any]])
        specials[0]["output"] = "0"
        row["special_values"] = specials
        results = [row]
        changed["results"] = results
        let b = try Self.write(changed, "b.json", in: dir)
        let o = try Self.diff([a, b])
        #expect(o.status == 1, "stderr: \(o.stderr)")
        let line = o.stdout.split(separator: "\n").first { $0.hasPrefix("elu swift-simd8: ") }
        #expect(line?.hasPrefix("elu swift-simd8: max_ulp ") == true && line?.hasSuffix(" / 99.5; NaN -> nan / 0") == true, "stdout: \(o.stdout)")
        #expect(o.stdout.hasSuffix("0 of 1 rows agree; 1 rows in one report only\n"), "stdout: \(o.stdout)")
    }

    @Test func badInputExitsWithOneLine() throws {
        let (json, dir) = try Self.report()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try Self.write(json, "a.json", in: dir)
        let throughput = try Self.write(["kind": "throughput"], "t.json", in: dir)
        let text = dir.appendingPathComponent("text.json").path
        try Data("not json\n".utf8).write(to: URL(fileURLWithPath: text))
        for (arguments, status, mentions) in [([a], Int32(64), "Usage"), ([a, dir.appendingPathComponent("missing.json").path], 65, "cannot read"),
                                              ([text, a], 65, "cannot read"), ([a, throughput], 65, "not an accuracy report")] {
            let o = try Self.diff(arguments)
            #expect(o.status == status, "\(arguments): exit \(o.status), stderr \(o.stderr)")
            #expect(o.stderr.contains(mentions) && !o.stderr.contains("Traceback"), "\(arguments): stderr \(o.stderr)")
        }
    }
}
