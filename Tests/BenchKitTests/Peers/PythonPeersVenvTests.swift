import Foundation
import Testing
@testable import BenchKit
import SwiftKernels
import TestSupport

/// The real peers (.venv-peers, made by scripts/setup-python-peers.sh) against the kernel contract
/// of KernelContractTests (tails, any alignment, in place, through both the copy and the zero-copy
/// path) and a loose accuracy check that catches a wrong function or variant. Skipped without the venv.
@Suite(.enabled(if: PeerVenv.exists, "no .venv-peers: run scripts/setup-python-peers.sh to test the real Python peers"),
       .serialized)
struct PythonPeersVenvTests {
    static let python = PeerVenv.python

    func peerKernels() throws -> [Kernel] {
        try PythonPeers.kernels(python: Self.python) { error in fatalError("\(error)") }
    }

    static func inputs(_ count: Int) -> [Float] {
        var generator = SeededGenerator(seed: UInt64(count) &+ 17)
        return (0..<count).map { _ in Float.random(in: -12...12, using: &generator) }
    }

    func expected(_ kernel: Kernel, _ xs: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: xs.count)
        if !xs.isEmpty { kernel.run(xs, &out, count: xs.count, parameters: KernelParameters(alpha: 1.5)) }
        return out
    }

    func same(_ a: some Collection<Float>, _ b: some Collection<Float>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    @Test func everyPeerAnnouncesALibraryAndANote() throws {
        let worker = try PythonPeers.worker(python: Self.python)
        let implementations = Set(worker.kernels.map(\.implementation))
        #expect(implementations == ["py-onnxruntime", "py-torch", "py-numpy", "py-scipy"])
        #expect(worker.kernels.filter { $0.implementation == "py-onnxruntime" || $0.implementation == "py-torch" }.count == 10)
        #expect(worker.kernels.allSatisfy { !$0.library.isEmpty && !$0.note.isEmpty && $0.isa.hasPrefix("python (") })
    }

    /// Arrays outside the shared memory: the copy path.
    @Test func contractThroughTheCopyPath() throws {
        let guardValue: Float = 12345.5
        for kernel in try peerKernels() {
            for count in [0, 1, 7, 15, 16, 17, 33, 100_003] {
                let xs = Self.inputs(count)
                let want = expected(kernel, xs)
                var source = [0] + xs + [0]
                var destination = [Float](repeating: guardValue, count: count + 2)
                source.withUnsafeBufferPointer { s in
                    destination.withUnsafeMutableBufferPointer { d in
                        kernel.run(s.baseAddress! + 1, d.baseAddress! + 1, count: count, parameters: KernelParameters(alpha: 1.5))
                    }
                }
                #expect(destination.first == guardValue && destination.last == guardValue, "\(kernel.id) n=\(count) wrote outside")
                #expect(same(destination[1..<(count + 1)], want), "\(kernel.id) n=\(count) unaligned differs")
                source.withUnsafeMutableBufferPointer { b in
                    kernel.run(UnsafePointer(b.baseAddress! + 1), b.baseAddress! + 1, count: count, parameters: KernelParameters(alpha: 1.5))
                }
                #expect(same(source[1..<(count + 1)], want), "\(kernel.id) n=\(count) in place differs")
            }
        }
    }

    /// Buffers from the worker's shared memory, as the throughput run uses them: offsets only,
    /// unaligned (one float in) and in place, each equal to the copy path's result.
    @Test func contractThroughTheZeroCopyPath() throws {
        let kernels = try peerKernels()
        let allocator = try #require(kernels.first?.bufferAllocator)
        let count = 4099
        let input = try allocator.allocateBuffer(count: count + 2)
        let output = try allocator.allocateBuffer(count: count + 2)
        let xs = Self.inputs(count)
        for kernel in kernels {
            let want = expected(kernel, xs)
            _ = input.buffer.update(fromContentsOf: [0] + xs + [0])
            output.buffer.update(repeating: 12345.5)
            kernel.run(input.pointer + 1, output.pointer + 1, count: count, parameters: KernelParameters(alpha: 1.5))
            #expect(same(output.buffer[1..<(count + 1)], want), "\(kernel.id) zero copy differs")
            #expect(output.buffer[0] == 12345.5 && output.buffer[count + 1] == 12345.5, "\(kernel.id) wrote outside")
            kernel.run(input.pointer + 1, input.pointer + 1, count: count, parameters: KernelParameters(alpha: 1.5))
            #expect(same(input.buffer[1..<(count + 1)], want), "\(kernel.id) zero copy in place differs")
        }
    }

    /// A loose check against the function table's Double reference over [-8, 8]: within 1e-5 absolute,
    /// tighter than the 4.7e-4 between the two GELUs and far from any other function.
    @Test func valuesAreTheFunction() throws {
        let xs = (0...1600).map { Float(-8 + Double($0) / 100) }
        for kernel in try peerKernels() {
            let ys = expected(kernel, xs)
            let reference = kernel.function.definition.reference
            let worst = zip(xs, ys).map { abs(Double($1) - reference(Double($0), KernelParameters(alpha: 1.5))) }.max() ?? 0
            #expect(worst <= 1e-5, "\(kernel.id): max abs error \(worst)")
        }
    }
}

/// The package's .venv-peers interpreter.
enum PeerVenv {
    static let python = PluginBuilder.packageRoot.appendingPathComponent(".venv-peers/bin/python").path
    static var exists: Bool { FileManager.default.isExecutableFile(atPath: python) }
}

/// The real worker's answers to requests it cannot serve: one `error` line each, and it goes on
/// serving. Spoken to directly, below PythonWorker (which never sends such requests).
@Suite(.enabled(if: PeerVenv.exists, "no .venv-peers: run scripts/setup-python-peers.sh to test the real Python peers"))
struct PeerWorkerErrorTests {
    @Test func badRequestsGetOneLineErrors() throws {
        let script = try PythonPeers.locateWorkerScript()
        let process = try WorkerProcess(executable: PeerVenv.python, arguments: [script],
                                        environment: ProcessInfo.processInfo.environment)
        defer { process.stop() }
        func ask(_ line: String) throws -> String {
            try process.sendLine(line + "\n")
            return try process.receiveLine(timeout: 60, what: line)
        }
        try process.sendLine("hello\t1\n")
        var line = try process.receiveLine(timeout: 120, what: "hello")
        while line.hasPrefix("kernel\t") { line = try process.receiveLine(timeout: 60, what: "hello") }
        #expect(line == "ready\t16")
        let region = try SharedMemoryRegion(id: 1, floats: 8)
        #expect(try ask("map\t1\t\(region.path!)\t8") == "ok")
        region.removePath()
        #expect(try ask("map\t1\t/dev/shm/x\t8") == "error\tregion 1 was already used; region numbers are never reused")
        #expect(try ask("call\t99\t1\t0\t1\t0\t8\t1.0") == "error\tunknown kernel 99 (this worker has 16)")
        #expect(try ask("call\t0\t1\t4\t1\t0\t8\t1.0") == "error\tinput [4, 12) outside region 1 of 8 floats")
        #expect(try ask("call\t0\t1\t0\t1\t-1\t8\t1.0") == "error\toutput [-1, 7) outside region 1 of 8 floats")
        #expect(try ask("call\t0\t2\t0\t1\t0\t8\t1.0") == "error\tunknown input region 2")
        #expect(try ask("call\t0\t1\t0\t1\t0\tmany\t1.0") == "error\t'call' field 6: 'many' is not an integer")
        #expect(try ask("call\t0\t1\t0") == "error\t'call' takes 7 fields, got 3")
        #expect(try ask("map\t3\t/nonexistent/file\t8") == "error\tcannot map /nonexistent/file: No such file or directory")
        #expect(try ask("sing") == "error\tunknown request 'sing'")
        #expect(try ask("call\t0\t1\t0\t1\t0\t8\t1.0") == "ok")
        #expect(try ask("noop") == "ok")
    }
}
