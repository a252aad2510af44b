import BenchKit
import Foundation
import Testing

/// `bench count` end to end. Counting needs valgrind and a release bench without AVX-512 code: the
/// bench beside the tests is a debug build (several times the instructions) and usually for
/// `native`, so the test takes the executable from BENCH_COUNT_EXECUTABLE (.ci/run sets it to the
/// AVX2 build of scripts/ci-counts.sh), or the one beside it where that is a release build for
/// another target.
@Suite struct CountCommandTests {
    static let valgrind = try? CallgrindRun.findValgrind()

    static var countingExecutable: URL? {
        if let path = ProcessInfo.processInfo.environment["BENCH_COUNT_EXECUTABLE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return Machine.swiftTargetCPU == "native" || isDebugBuild ? nil : BenchProcess.executable
    }

    @Test("counts one cheap kernel, twice, identically",
          .enabled(if: valgrind != nil, "valgrind is not installed (scripts/install-deps.sh installs it)"),
          .enabled(if: countingExecutable != nil,
                   "the bench beside the tests is a debug or native build; set BENCH_COUNT_EXECUTABLE to an AVX2 release build (scripts/ci-counts.sh --build-only prints one)"))
    func countsOneKernelRepeatably() throws {
        let files = try ReportFiles(); defer { files.remove() }
        let executable = try #require(Self.countingExecutable)
        var reports: [CountReport] = []
        for name in ["a.json", "b.json"] {
            let o = try BenchProcess.run(["count", "--functions", "elu", "--impls", "swift-simd8", "--size", "4K",
                                          "--format", "json", "--output", files.path(name)], executable: executable)
            #expect(o.status == 0, "stderr: \(o.stderr)")
            #expect(o.stderr.contains("[2/2] elu/swift-simd8"))
            reports.append(try CountReport.load(path: files.path(name)))
        }
        let report = reports[0]
        #expect(report.measure == .instructions)
        #expect(report.results.count == 1)
        let elu = try #require(report.results.first)
        #expect(elu.size == 4096 && elu.isRepeatable)
        // ELU over SIMD8 is a few dozen instructions per vector of 8: a figure far outside means the
        // brackets counted something else (nothing, or the whole program).
        #expect(elu.instructionsPerElement > 1 && elu.instructionsPerElement < 50)
        #expect(report.configuration.harnessInstructions["kernel", default: 0] > 0)
        #expect(reports[1].results == reports[0].results)
        #expect(try BenchProcess.run(["compare", files.path("a.json"), files.path("b.json")]).status == 0)
    }

    @Test func aMissingValgrindExits69() throws {
        let o = try BenchProcess.run(["count", "--functions", "elu", "--impls", "swift-naive", "--valgrind", "/nonexistent/valgrind"])
        #expect(o.status == 69, "stderr: \(o.stderr)")
        #expect(o.stderr.contains("valgrind not found"))
    }

    @Test("a native build is refused with 78", .enabled(if: Machine.swiftTargetCPU == "native", "this bench is not built for native"),
          .enabled(if: valgrind != nil, "valgrind is not installed, which is refused first"))
    func aNativeBuildIsRefused() throws {
        let o = try BenchProcess.run(["count", "--functions", "elu", "--impls", "swift-naive"])
        #expect(o.status == 78, "stderr: \(o.stderr)")
        #expect(o.stderr.contains("ACTIVATION_BENCH_TARGET_CPU=haswell"))
    }
}
