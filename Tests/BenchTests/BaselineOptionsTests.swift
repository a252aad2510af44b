import BenchKit
import Foundation
import Testing

/// `bench --save-baseline / --baseline / --history` with a real (debug, forced, tiny) run.
@Suite struct BaselineOptionsTests {
    let smoke = ["--quick", "--size", "1K", "--samples", "3", "--min-time", "0.001", "--force-debug-timing",
                 "--functions", "sigmoid", "--impls", "swift-naive"]

    @Test func saveThenCompareThenHistory() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let results = files.path("results")
        // --save-baseline without a name, followed by another option: the name is "default".
        let save = try BenchProcess.run(smoke + ["--save-baseline", "--results-dir", results])
        #expect(save.status == 0, "stderr: \(save.stderr)")
        let baselines = files.directory.appendingPathComponent("results/baselines")
        let machines = try FileManager.default.contentsOfDirectory(atPath: baselines.path)
        #expect(machines.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: baselines.appendingPathComponent(machines[0]).path) == ["default.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: results + "/latest") == [machines[0] + ".json"])

        let named = try BenchProcess.run(smoke + ["--results-dir", results, "--save-baseline", "mine"])
        #expect(named.status == 0, "stderr: \(named.stderr)")
        #expect(!named.stderr.contains("replacing"))
        let again = try BenchProcess.run(smoke + ["--results-dir", results, "--save-baseline", "mine"])
        #expect(again.stderr.contains("replacing baseline 'mine', which held 2 results at size 1K"), "stderr: \(again.stderr)")

        // Debug timings are too noisy for a timing verdict; accuracy is deterministic and must pass.
        let summary = files.path("summary.md")
        let compared = try BenchProcess.run(smoke + ["--baseline", "mine", "--no-timing-verdicts", "--history",
                                                     "--results-dir", results, "--summary", summary])
        #expect(compared.status == 0, "stderr: \(compared.stderr)")
        #expect(compared.stdout.contains("comparison passed"))
        #expect(try String(contentsOfFile: summary, encoding: .utf8).hasPrefix("## Performance comparison: passed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: results + "/history").count == 1)
    }

    /// A screened baseline's quiet band becomes the next run's screening band; a missing one exits 66
    /// before anything runs.
    @Test func anchorBaselineScreensAgainstTheBaselinesBand() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let results = files.path("results")
        let screened = ["--size", "1K", "--samples", "3", "--min-time", "0.001", "--max-duration", "3",
                        "--functions", "sigmoid", "--impls", "swift-simd16", "--no-accuracy", "--force-debug-timing",
                        "--results-dir", results]
        let save = try BenchProcess.run(screened + ["--save-baseline", "b", "--format", "json"])
        #expect(save.status == 0, "stderr: \(save.stderr)")
        let band = try #require(try ThroughputReport.decode(from: Data(save.stdout.utf8)).probeQuietBand)
        let anchored = try BenchProcess.run(screened + ["--anchor-baseline", "b", "--format", "json"])
        #expect(anchored.status == 0, "stderr: \(anchored.stderr)")
        // Said once, by the parent of the default five processes; each process screens against it.
        #expect(anchored.stderr.components(separatedBy: "screening against the quiet band of baseline 'b'").count == 2)
        let report = try ThroughputReport.decode(from: Data(anchored.stdout.utf8))
        #expect(report.configuration.screening?.anchor == band)
        #expect(report.rounds.count == 5 && report.rounds.allSatisfy { $0.band == band })
        let missing = try BenchProcess.run(screened + ["--anchor-baseline", "nope"])
        #expect(missing.status == 66 && missing.stdout.isEmpty)
    }

    @Test func jsonOnStandardOutputStaysValidWithABaseline() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let results = files.path("results")
        #expect(try BenchProcess.run(smoke + ["--save-baseline=x", "--results-dir", results]).status == 0)
        let o = try BenchProcess.run(smoke + ["--baseline", "x", "--no-timing-verdicts", "--results-dir", results, "--format", "json"])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        _ = try ThroughputReport.decode(from: Data(o.stdout.utf8))
        #expect(o.stderr.contains("comparison passed"))
    }

    @Test func missingBaselineExits66BeforeRunning() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let o = try BenchProcess.run(smoke + ["--baseline", "nothing", "--results-dir", files.path("results")])
        #expect(o.status == 66)
        #expect(o.stderr.contains("no baseline 'nothing'") && o.stderr.contains("--save-baseline nothing"))
        #expect(o.stdout.isEmpty)   // refused before the run: no report printed
    }

    /// A baseline with nothing at the run's size is refused before the run (65, nothing printed).
    @Test func baselineAtAnotherSizeExits65BeforeRunning() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let results = files.path("results")
        #expect(try BenchProcess.run(smoke + ["--save-baseline", "b", "--results-dir", results]).status == 0)
        var other = smoke
        other[other.firstIndex(of: "1K")!] = "2K"
        let o = try BenchProcess.run(other + ["--baseline", "b", "--results-dir", results])
        #expect(o.status == 65, "stderr: \(o.stderr)")
        #expect(o.stderr.contains("no kernel in common") && o.stderr.contains("--size and --threads"))
        #expect(o.stdout.isEmpty)
    }

    /// `--baseline x --save-baseline x` whose comparison cannot be made (other kernels at the same
    /// size: no kernel in common but the copy) is refused before the run with advice about the
    /// kernels (65, nothing printed) and leaves x as it was.
    @Test func aComparisonThatCannotBeMadeKeepsTheBaseline() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let results = files.path("results")
        #expect(try BenchProcess.run(smoke + ["--save-baseline", "x", "--results-dir", results]).status == 0)
        let baselines = files.directory.appendingPathComponent("results/baselines")
        let machine = try FileManager.default.contentsOfDirectory(atPath: baselines.path)[0]
        let path = baselines.appendingPathComponent(machine).appendingPathComponent("x.json").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var tanh = smoke
        tanh[tanh.firstIndex(of: "sigmoid")!] = "tanh"
        let o = try BenchProcess.run(tanh + ["--baseline", "x", "--save-baseline", "x", "--results-dir", results])
        #expect(o.status == 65, "stderr: \(o.stderr)")
        #expect(o.stderr.contains("no kernel in common") && o.stderr.contains("(--functions, --impls)"))
        #expect(o.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func badBaselineNameExits64() throws {
        let o = try BenchProcess.run(smoke + ["--save-baseline", "../escape"])
        #expect(o.status == 64)
        #expect(o.stderr.contains("bad baseline name"))
    }
}
