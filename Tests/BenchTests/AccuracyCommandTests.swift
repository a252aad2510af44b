import BenchKit
import Foundation
import Testing
import TestSupport

/// `bench accuracy` and `bench eval` end to end.
@Suite struct AccuracyCommandTests {
    @Test func sampledJSONReport() throws {
        let o = try BenchProcess.run(["accuracy", "--samples", "500", "--functions", "elu", "--impls", "swift-simd8,swift-naive",
                                      "--format", "json", "--no-primitives"])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let report = try AccuracyReport.decode(from: Data(o.stdout.utf8))
        #expect(report.schemaVersion == AccuracyReport.currentSchemaVersion)
        let implementations = report.results.map(\.implementation)
        #expect(implementations == ["swift-naive", "swift-simd8"])
        #expect(report.configuration.inputsPerKernel > 1000)
        let simd = report.results[1]
        #expect(simd.stats.maxULP <= 4)
        let allPass = simd.specialValues.allSatisfy { $0.pass }
        #expect(allPass)
        #expect(report.profile?.maxULP["elu/swift-simd8"]?.count == report.profile?.bins)
        #expect(report.geluTanhVersusErf == nil)   // no GELU selected: no GELU-tanh deviation line
    }

    /// A kernel that breaks its declared budget (a plugin's copy promising 3 ulp for sigmoid) makes
    /// the run exit 1 with the report still written and the kernel named on standard error; the
    /// same run with kernels that keep their promises exits 0.
    @Test func aBrokenBudgetExitsOne() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plugin = try PluginBuilder.build(code: """
            #include "activation_bench_plugin.h"
            #include <stddef.h>
            static void copy(const float *in, float *out, ptrdiff_t n, float alpha) {
                (void)alpha;
                for (ptrdiff_t i = 0; i < n; i++) out[i] = in[i];
            }
            static const ab_kernel kernels[] = {{"sigmoid", "c-copy", "scalar", 3.0, copy}};
            static const ab_plugin plugin = {1, "copy", 1, kernels};
            const ab_plugin *activation_bench_plugin(void) { return &plugin; }
            """, in: dir, name: "libcopy").path
        let output = dir.appendingPathComponent("acc.json").path
        let o = try BenchProcess.run(["accuracy", "--plugin", plugin, "--functions", "sigmoid", "--impls", "c-copy,swift-simd8",
                                      "--samples", "300", "--no-primitives", "--format", "json", "--output", output])
        #expect(o.status == 1, "stderr: \(o.stderr)")
        #expect(o.stderr.contains("a kernel is out of its declared budget:\n  sigmoid/c-copy: max "))
        #expect(!o.stderr.contains("swift-simd8"))
        let report = try AccuracyReport.decode(from: Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(Dictionary(uniqueKeysWithValues: report.results.map { ($0.implementation, $0.withinBudget) })
                == ["c-copy": false, "swift-simd8": true])
        let kept = try BenchProcess.run(["accuracy", "--plugin", plugin, "--functions", "sigmoid", "--impls", "swift-simd8",
                                         "--samples", "300", "--no-primitives"])
        #expect(kept.status == 0 && kept.stderr.isEmpty, "stderr: \(kept.stderr)")
    }

    @Test func markdownReportIsSelfContained() throws {
        let o = try BenchProcess.run(["accuracy", "--samples", "200", "--functions", "sigmoid", "--impls", "swift-libm", "--format", "markdown"])
        #expect(o.status == 0)
        #expect(o.stdout.hasPrefix("# Accuracy report"))
        #expect(o.stdout.contains("## sigmoid"))
        #expect(o.stdout.contains("## Primitives"))
        #expect(o.stdout.contains("; sampled: 20000 random"))   // a sampled run samples the primitives too
        #expect(o.stdout.contains("MPFR"))
    }

    @Test func evalPrintsOutputReferenceAndError() throws {
        let o = try BenchProcess.run(["eval", "--function", "gelu-erf", "--impl", "swift-naive", "--", "-5", "0x1p+0", "nan"])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        let lines = o.stdout.split(separator: "\n")
        #expect(lines.count == 6)   // title, header, rule, 3 inputs
        #expect(lines[3].contains("-0x1.4p+2"))
        #expect(lines[5].hasPrefix("nan"))
        // Negative inputs need no `--`.
        let bare = try BenchProcess.run(["eval", "--function", "gelu-erf", "--impl", "swift-naive", "-5", "0x1p+0", "nan"])
        #expect(bare.status == 0 && bare.stdout == o.stdout, "stderr: \(bare.stderr)")
    }

    @Test(arguments: [
        (["accuracy", "--samples", "0"], "samples"),
        (["accuracy", "--domain", "5:1"], "domain"),
        (["accuracy", "--domain", "x"], "domain"),
        (["accuracy", "--format", "csv"], "csv"),
        (["accuracy", "--impls", "fortran"], "valid"),
        (["accuracy", "--exhaustive", "--samples", "10"], "not with --exhaustive"),
        (["list", "--ids", "--functions"], "cannot be combined with --functions"),
        (["list", "--functions", "--json", "--curve-points", "1000000000"], "between 2 and 100000"),
        (["accuracy", "--output", "/tmp/x.csv"], "this command writes no csv"),
        (["eval", "--function", "tanh", "--impl", "swift-libm", "--", "abc"], "bad input"),
        (["eval", "--function", "no-such-function", "--impl", "swift-libm", "1"], "unknown function"),
        (["eval", "--function", "tanh", "--impl", "c-sleef-u10-avx2x", "1"], "unknown implementation"),
        (["eval", "--function", "tanh", "--impl", "c-xnnpack", "1"], "c-xnnpack has no tanh kernel"),
        (["eval", "--function", "tanh", "--impl", "py-torch", "1"], "--peers python"),
        (["list", "--peers", "python", "--python", ""], "--python is empty"),
    ])
    func badOptionsExit64(arguments: [String], mentions: String) throws {
        try BenchProcess.expectRefusal(arguments, status: 64, mentions: mentions)
    }
}
