@testable import BenchKit
import Foundation
import TestSupport
import Testing

/// `--peers python` end to end through the built binary, with the fake interpreter
/// (Tests/Fixtures/fake_peer_python.py) standing in for the venv: options, exit status 69 and one
/// line for every peer failure, no report file after a crash, and the options reaching the
/// processes of a multi-process run.
@Suite struct PeerOptionsTests {
    let smoke = ["--quick", "--size", "1K", "--samples", "2", "--min-time", "0.001", "--force-debug-timing", "--no-accuracy"]

    func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("peer-options-\(UUID().uuidString)-\(name)").path
    }

    @Test func aPeerImplementationNeedsThePeersEnabled() throws {
        let o = try BenchProcess.run(["run", "--impls", "py-torch"])
        #expect(o.status == 64)
        #expect(o.stderr.contains("'py-torch' is a Python peer; enable the peers with --peers python"))
        let eval = try BenchProcess.run(["eval", "--function", "sigmoid", "--impl", "py-numpy", "0"])
        #expect(eval.status == 64)
        #expect(eval.stderr.contains("'py-numpy' is a Python peer; enable the peers with --peers python"))
    }

    @Test func peerOptionsNeedPeers() throws {
        let o = try BenchProcess.run(["list", "--python", "/usr/bin/python3"])
        #expect(o.status == 64)
        #expect(o.stderr.contains("--python and --peer-noop need --peers python"))
        let unknown = try BenchProcess.run(["list", "--peers", "ruby"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown --peers 'ruby'"))
    }

    @Test func missingInterpreterIsOneLine() throws {
        let o = try BenchProcess.run(["list", "--peers", "python", "--python", "/nonexistent/python"])
        #expect(o.status == 69)
        #expect(o.stderr == "bench: python peers: no Python interpreter at '/nonexistent/python'; run scripts/setup-python-peers.sh or pass --python PATH\n")
    }

    @Test(.enabled(if: FakePeer.available, "the fake peer needs python3 on PATH"))
    func missingPackageIsOneLine() throws {
        let o = try BenchProcess.run(["list", "--peers", "python", "--python", try FakePeer.python("missing-package")])
        #expect(o.status == 69)
        #expect(o.stderr == "bench: python peers: the worker refused to start: missing package: import torch failed (No module named 'torch'); run scripts/setup-python-peers.sh\n")
    }

    @Test(.enabled(if: FakePeer.available, "the fake peer needs python3 on PATH"))
    func listAndEvalShowThePeers() throws {
        let python = try FakePeer.python("good")
        let list = try BenchProcess.run(["list", "--peers", "python", "--python", python])
        #expect(list.status == 0, "stderr: \(list.stderr)")
        #expect(list.stdout.contains("py-fake"))
        #expect(list.stdout.contains("1/(1+exp(-x)) in double"))
        let eval = try BenchProcess.run(["eval", "--peers", "python", "--python", python, "--function", "elu", "--impl", "py-fake",
                                         "--alpha", "2", "--", "-1", "3"])
        #expect(eval.status == 0, "stderr: \(eval.stderr)")
        #expect(eval.stdout.contains("elu/py-fake"))
        #expect(eval.stdout.contains(String(Float(2 * expm1(-1.0)))))
    }

    /// A worker that crashes mid-run stops bench with exit status 69 and one line naming the
    /// crash and the worker's stderr; no report is written.
    @Test(.enabled(if: FakePeer.available, "the fake peer needs python3 on PATH"))
    func crashMidRunStopsWithoutAReport() throws {
        let output = temporaryFile("crash.json")
        let o = try BenchProcess.run(["run", "--peers", "python", "--python", try FakePeer.python("crash-on-call"),
                                      "--impls", "py-fake", "--functions", "sigmoid", "--processes", "1",
                                      "--format", "json", "--output", output] + smoke)
        #expect(o.status == 69)
        #expect(o.stderr.contains("bench: python peers: the worker was killed by signal 11; its stderr ends: "))
        #expect(o.stderr.contains("fake worker: about to crash; stopped, no report written"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// The processes of a multi-process run get the whole command line, so each starts its own
    /// worker and measures the peer.
    @Test(.enabled(if: FakePeer.available, "the fake peer needs python3 on PATH"))
    func peersReachTheMeasuringProcesses() throws {
        let o = try BenchProcess.run(["run", "--peers", "python", "--python", try FakePeer.python("good"), "--peer-noop",
                                      "--impls", "py-fake,py-noop", "--functions", "sigmoid", "--processes", "2",
                                      "--format", "json"] + smoke)
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let report = try ThroughputReport.decode(from: Data(o.stdout.utf8))
        #expect(Set(report.results.map(\.implementation)) == ["memcpy", "py-fake", "py-noop"])
        #expect(report.results.allSatisfy { $0.summary.medianNsPerElement > 0 })
    }

    /// `--peer-max-isa avx2`: oneDNN, XNNPACK and Highway list no ISA wider than AVX2, the processes
    /// of a multi-process run measure the capped kernels (the rows' ISA), and an unknown cap or the
    /// Python peers beside it are refused. Through the binary: a cap holds for the whole process, so
    /// the test runner's own peers are never capped.
    @Test func peerMaxISACapsTheDispatchingPeers() throws {
        let wide = ["avx512", "avx3", "avx10"]
        let capped = ["c-onednn", "c-xnnpack", "cpp-highway"]
        let list = try BenchProcess.run(["list", "--peer-max-isa", "avx2"])
        #expect(list.status == 0, "stderr: \(list.stderr)")
        let rows = list.stdout.split(separator: "\n").filter { row in
            row.hasPrefix("sigmoid ") && capped.contains { row.contains(" \($0) ") }
        }
        #expect(rows.count == capped.count, "\(list.stdout)")
        for row in rows { #expect(!wide.contains { row.lowercased().contains($0) }, "\(row)") }

        let run = try BenchProcess.run(["run", "--peer-max-isa", "AVX2", "--impls", capped.joined(separator: ","),
                                        "--functions", "sigmoid", "--processes", "2", "--format", "json"] + smoke)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let report = try ThroughputReport.decode(from: Data(run.stdout.utf8))
        let measured = report.results.filter { capped.contains($0.implementation) }
        #expect(measured.count == capped.count)
        for row in measured { #expect(!wide.contains { row.isa.lowercased().contains($0) }, "\(row.implementation): \(row.isa)") }

        let unknown = try BenchProcess.run(["list", "--peer-max-isa", "sse2"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown --peer-max-isa 'sse2'; the one cap is 'avx2'"))
        let python = try BenchProcess.run(["list", "--peer-max-isa", "avx2", "--peers", "python"])
        #expect(python.status == 64)
        #expect(python.stderr.contains("--peer-max-isa cannot be combined with --peers python"))
    }
}
