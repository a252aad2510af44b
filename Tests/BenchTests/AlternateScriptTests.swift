import Foundation
import Testing
import TestSupport

/// scripts/alternate.sh with stand-in `bench` binaries (shell scripts that write a throughput report
/// with fixed medians), so each figure it prints is known: the per-kernel medians and speedups over
/// the first binary, and RATIO's peer-over-fastest-of-ours per binary, per round.
@Suite(.enabled(if: FakePeer.available, "scripts/alternate.sh needs python3 on PATH"))
struct AlternateScriptTests {
    /// A stand-in `bench` in `dir` that writes, to the path after --output, GELU-erf rows with these
    /// median ns/elem.
    static func fakeBench(_ name: String, in dir: URL, medians: [String: Double]) throws -> String {
        let rows = medians.sorted { $0.key < $1.key }.map {
            #"{"function": "gelu-erf", "implementation": "\#($0.key)", "summary": {"median_ns_per_element": \#($0.value)}}"#
        }
        // The test process writes only the text; `install`, a child that has exited before the script
        // runs, writes the executable. Tests run in parallel and spawn processes: a write descriptor
        // held here could pass to another test's child, and exec of a file open for writing fails
        // with "Text file busy".
        let source = dir.appendingPathComponent(name + ".txt").path
        try """
            #!/bin/sh
            while [ $# -gt 0 ]; do [ "$1" = --output ] && out="$2"; shift; done
            echo '{"kind": "throughput", "results": [\(rows.joined(separator: ", "))]}' > "$out"
            """.write(toFile: source, atomically: true, encoding: .utf8)
        let path = dir.appendingPathComponent(name).path
        let install = try BenchProcess.run(["-m", "755", source, path], executable: URL(fileURLWithPath: "/usr/bin/install"))
        try #require(install.status == 0, "install: \(install.stderr)")
        return path
    }

    static func alternate(_ arguments: [String], ratio: String?) throws -> BenchProcess.Outcome {
        var environment = ["ROUNDS": "2"]
        if let ratio { environment["RATIO"] = ratio }
        return try RepositoryScript.run("alternate.sh", arguments, interpreter: "bash", environment: environment)
    }

    @Test func mediansSpeedupsAndTheRatio() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = try Self.fakeBench("old", in: dir, medians: ["cpp-eigen": 0.3, "swift-simd8-fast": 0.25, "swift-simd16-fast": 0.24])
        let new = try Self.fakeBench("new", in: dir, medians: ["cpp-eigen": 0.3, "swift-simd8-fast": 0.2, "swift-simd16-fast": 0.22])
        let o = try Self.alternate(["--functions gelu-erf", old, new], ratio: "cpp-eigen/swift-simd8-fast+swift-simd16-fast")
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let lines = o.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("gelu-erf   swift-simd8-fast     1=0.2500 (1.000x) [0.2500 0.2500]  2=0.2000 (1.250x) [0.2000 0.2000]"),
                "stdout: \(o.stdout)")
        // Binary 1's fastest of ours is the 16-lane kernel (0.24), binary 2's the 8-lane one (0.20).
        #expect(lines.contains { $0.hasPrefix("gelu-erf   cpp-eigen / swift-simd8-fast+swift-simd16-fast")
                                 && $0.hasSuffix(" 1=1.250 [1.250 1.250]  2=1.500 [1.500 1.500]") }, "stdout: \(o.stdout)")
    }

    @Test func refusals() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bench = try Self.fakeBench("b", in: dir, medians: ["cpp-eigen": 0.3])
        for (arguments, ratio, status, mentions) in [
            (["--size 1M", bench], nil, Int32(64), "usage"),
            (["--size 1M", bench, dir.appendingPathComponent("absent").path], nil, 66, "not an executable"),
            (["--size 1M", bench, bench], "cpp-eigen", 64, "RATIO must be PEER/OURS"),
            (["--size 1M", bench, bench], "cpp-eigen/swift-simd8+", 64, "RATIO must be PEER/OURS"),
            (["--size 1M", bench, bench], "cpp-eigen/swift-simd8", 1, "no function has both measured"),
        ] as [([String], String?, Int32, String)] {
            let o = try Self.alternate(arguments, ratio: ratio)
            #expect(o.status == status, "\(arguments) RATIO=\(ratio ?? ""): exit \(o.status), stderr \(o.stderr)")
            #expect(o.stderr.contains(mentions), "\(arguments) RATIO=\(ratio ?? ""): stderr \(o.stderr)")
        }
    }
}
