import Foundation
import Testing
import TestSupport
@testable import BenchKit
import SwiftKernels

/// The plugin ABI round trip: the example plugin loads, its kernels meet the kernel contract and
/// their budgets, and every kind of bad plugin is refused with the error that names it.
@Suite struct PluginLoaderTests {
    @Test func exampleLoadsWithItsDeclarations() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try PluginBuilder.example(in: dir).path
        let loaded = try PluginLoader.load(path: path, into: Registry.standard)
        #expect(loaded.kernels.map(\.id) == ["sigmoid/c-example-scalar", "elu/c-example-scalar"])
        #expect(loaded.kernels.map(\.ulpBudget) == [3, 2])
        #expect(loaded.kernels.allSatisfy { $0.library == "plugin example plugin 1.0" && $0.isa == "scalar" })
        let merged = Registry.standard.adding(loaded)
        #expect(merged.implementations.last == "c-example-scalar")
    }

    @Test func exampleKernelsMeetTheContractAndTheirBudgets() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = try PluginLoader.load(path: try PluginBuilder.example(in: dir).path, into: Registry.standard)
        for kernel in loaded.kernels {
            for count in [0, 1, 7, 17, 1001] {
                let xs = (0..<count).map { Float($0) * 0.37 - 150 }
                var out = [Float](repeating: .nan, count: count + 2)
                var inPlace = [Float(0)] + xs + [0]
                xs.withUnsafeBufferPointer { i in
                    out.withUnsafeMutableBufferPointer { o in kernel.run(i.baseAddress!, o.baseAddress! + 1, count: count, parameters: KernelParameters(alpha: 1.5)) }
                }
                inPlace.withUnsafeMutableBufferPointer { b in
                    kernel.run(UnsafePointer(b.baseAddress! + 1), b.baseAddress! + 1, count: count, parameters: KernelParameters(alpha: 1.5))
                }
                #expect(out.first!.isNaN && out.last!.isNaN, "\(kernel.id) n=\(count) wrote outside")
                #expect(zip(out[1..<(count + 1)], inPlace[1..<(count + 1)]).allSatisfy { $0.bitPattern == $1.bitPattern },
                        "\(kernel.id) n=\(count) in place differs")
            }
            let sample = AccuracySample(inputs: (0..<20_000).map { Float($0) * 0.01 - 100 })
            let stats = try #require(AccuracyRun(sample: sample, alpha: 1.5).measure([kernel]).first?.stats)
            #expect(stats.maxULP <= kernel.ulpBudget!, "\(kernel.id): \(stats.maxULP) ulp")
        }
    }

    @Test func missingFileIsNotFound() {
        #expect(throws: PluginError.notFound(path: "/nonexistent/libx.so")) {
            try PluginLoader.load(path: "/nonexistent/libx.so", into: Registry.standard)
        }
    }

    @Test func aTextFileIsNotLoadable() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("notes.so")
        try "not a library".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try PluginLoader.load(path: file.path, into: Registry.standard)
            Issue.record("loaded a text file")
        } catch let error as PluginError {
            guard case .notLoadable = error else { Issue.record("wrong error \(error)"); return }
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aLibraryWithoutTheSymbolIsRefused() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lib = try PluginBuilder.build(code: "int something_else(void) { return 1; }\n", in: dir, name: "libnosymbol")
        #expect(throws: PluginError.missingSymbol(path: lib.path)) {
            try PluginLoader.load(path: lib.path, into: Registry.standard)
        }
    }

    /// A plugin whose declarations the registry cannot take, one defect at a time.
    @Test(arguments: [
        ("{\"no-such-function\", \"c-bad\", \"scalar\", -1, k}", "unknown function 'no-such-function'"),
        ("{\"sigmoid\", \"Bad Name\", \"scalar\", -1, k}", "must be 1-40 characters"),
        ("{\"sigmoid\", \"c-bad\", \"scalar\", -1, 0}", "kernel is NULL"),
        ("{\"sigmoid\", \"swift-simd16\", \"scalar\", -1, k}", "already registered"),
        ("{\"sigmoid\", \"c-bad\", \"scalar\", 1.0/0.0, k}", "ulp_budget must be a finite number"),
    ])
    func badDeclarationsAreRefused(entry: String, mentions: String) throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let code = """
            #include "activation_bench_plugin.h"
            static void k(const float *in, float *out, ptrdiff_t n, float a) { (void)a; for (ptrdiff_t i = 0; i < n; i++) out[i] = in[i]; }
            static const ab_kernel kernels[] = { \(entry) };
            static const ab_plugin plugin = { ACTIVATION_BENCH_PLUGIN_ABI, "bad", 1, kernels };
            const ab_plugin *activation_bench_plugin(void) { return &plugin; }
            """
        let lib = try PluginBuilder.build(code: code, in: dir, name: "libbad")
        do {
            _ = try PluginLoader.load(path: lib.path, into: Registry.standard)
            Issue.record("accepted \(entry)")
        } catch let error as PluginError {
            #expect(error.description.contains(mentions), "\(error)")
        }
    }

    @Test func anotherABIVersionIsRefused() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let code = """
            #include "activation_bench_plugin.h"
            static const ab_plugin plugin = { 99, "future", 0, 0 };
            const ab_plugin *activation_bench_plugin(void) { return &plugin; }
            """
        let lib = try PluginBuilder.build(code: code, in: dir, name: "libfuture")
        #expect(throws: PluginError.abiVersion(path: lib.path, found: 99)) {
            try PluginLoader.load(path: lib.path, into: Registry.standard)
        }
    }

    /// A plugin's free text with tabs or newlines reaches tables and reports as one line.
    @Test func controlCharactersInTextBecomeSpaces() throws {
        let dir = try PluginBuilder.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let code = """
            #include "activation_bench_plugin.h"
            static void k(const float *in, float *out, ptrdiff_t n, float a) { (void)a; for (ptrdiff_t i = 0; i < n; i++) out[i] = in[i]; }
            static const ab_kernel kernels[] = { {"sigmoid", "c-tabbed", "avx\\t512\\nf", -1, k} };
            static const ab_plugin plugin = { ACTIVATION_BENCH_PLUGIN_ABI, "my\\tlib", 1, kernels };
            const ab_plugin *activation_bench_plugin(void) { return &plugin; }
            """
        let lib = try PluginBuilder.build(code: code, in: dir, name: "libtabbed")
        let kernel = try #require(try PluginLoader.load(path: lib.path, into: Registry.standard).kernels.first)
        #expect(kernel.isa == "avx 512 f")
        #expect(kernel.library == "plugin my lib")
    }
}
