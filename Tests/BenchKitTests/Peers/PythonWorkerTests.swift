import Foundation
import TestSupport
import Testing
@testable import BenchKit
import SwiftKernels

/// PythonWorker against the fake interpreter (Tests/Fixtures/fake_peer_python.py): handshake, both
/// call paths, and every failure, without the venv.
@Suite(.enabled(if: FakePeer.available, "the fake peer needs python3 on PATH"))
struct PythonWorkerTests {
    func worker(_ mode: String, handshakeTimeout: Double = 60) throws -> PythonWorker {
        try PythonWorker(interpreter: try FakePeer.python(mode), script: "/dev/null", handshakeTimeout: handshakeTimeout)
    }

    /// The fake's sigmoid, in Swift: the same double computation rounded to float.
    static func sigmoid(_ x: Float) -> Float {
        let d = Double(x)
        return Float(d >= 0 ? 1 / (1 + exp(-d)) : exp(d) / (1 + exp(d)))
    }

    static func inputs(_ count: Int) -> [Float] {
        var generator = SeededGenerator(seed: UInt64(count) &+ 3)
        return (0..<count).map { _ in Float.random(in: -12...12, using: &generator) }
    }

    @Test func handshakeAnnouncesTheKernels() throws {
        let worker = try worker("good")
        #expect(worker.kernels == [
            PeerKernelInfo(index: 0, function: .sigmoid, implementation: "py-fake", library: "fake 1.0",
                           isa: "python (fake)", note: "1/(1+exp(-x)) in double"),
            PeerKernelInfo(index: 1, function: .elu, implementation: "py-fake", library: "fake 1.0",
                           isa: "python (fake)", note: "alpha*expm1(x) in double"),
        ])
        try worker.noop()
    }

    /// Arrays and other memory outside the shared regions go through the staging region, which
    /// grows past its first 65536 floats when a call needs it.
    @Test(arguments: [1, 17, 100_000])
    func copyPath(count: Int) throws {
        let worker = try worker("good")
        let xs = Self.inputs(count)
        var ys = [Float](repeating: .nan, count: count)
        try worker.call(kernel: 0, xs, &ys, count: count, alpha: 1)
        #expect(ys == xs.map(Self.sigmoid))
        var elu = [Float](repeating: .nan, count: count)
        try worker.call(kernel: 1, xs, &elu, count: count, alpha: 0.5)
        #expect(elu == xs.map { $0 > 0 ? $0 : Float(0.5 * expm1(Double($0))) })
    }

    /// Buffers from the worker's allocator are sent as offsets: the requests name their regions,
    /// never a staging one, and unaligned and in-place calls land where they should.
    @Test func zeroCopyPath() throws {
        let worker = try worker("good")
        let input = try worker.allocateBuffer(count: 40)
        let output = try worker.allocateBuffer(count: 40)
        let xs = Self.inputs(40)
        _ = input.buffer.update(fromContentsOf: xs)
        output.buffer.update(repeating: 7)
        try worker.call(kernel: 0, input.pointer + 1, output.pointer + 1, count: 38, alpha: 1)
        #expect(Array(output.buffer[1..<39]) == xs[1..<39].map(Self.sigmoid))
        #expect(output.buffer[0] == 7 && output.buffer[39] == 7)
        try worker.call(kernel: 0, input.pointer + 3, input.pointer + 3, count: 5, alpha: 1)
        #expect(Array(input.buffer[3..<8]) == xs[3..<8].map(Self.sigmoid))
        #expect(Array(input.buffer[8...]) == Array(xs[8...]))
        // Regions 1 and 2 are the two buffers; the staging region would be a third.
        #expect(worker.stderrTail.contains("request: call 0 1 1 2 1 38 1.0"))
        #expect(worker.stderrTail.contains("request: call 0 1 3 1 3 5 1.0"))
    }

    @Test func countZeroSendsNothing() throws {
        let worker = try worker("crash-on-call")
        var y: Float = 5
        let x: Float = 1
        try worker.call(kernel: 0, [x], &y, count: 0, alpha: 1)
        #expect(y == 5)
    }

    @Test func missingPackageIsReported() throws {
        #expect(throws: PeerError.handshakeRefused(
            "missing package: import torch failed (No module named 'torch'); run scripts/setup-python-peers.sh")) {
            _ = try worker("missing-package")
        }
    }

    @Test func crashDuringHandshakeNamesStderr() throws {
        do {
            _ = try worker("crash-at-hello")
            Issue.record("the handshake succeeded")
        } catch {
            #expect(error as? PeerError == .workerDied(how: "exited with status 3",
                                         stderrTail: "request: hello 1 | Traceback (most recent call last): | ImportError: fake import failure"))
        }
    }

    @Test func silentWorkerTimesOut() throws {
        let start = Date()
        #expect(throws: PeerError.timedOut("the handshake")) { _ = try worker("hang-at-hello", handshakeTimeout: 0.5) }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func malformedHandshake() throws {
        #expect(throws: PeerError.malformedReply(line: "kernel\t0\tsigmoid",
                                                 expected: "kernel <index> <function> <implementation> <library> <isa> <note>")) {
            _ = try worker("malformed-hello")
        }
    }

    /// A worker that dies mid-call is an error naming its end and its stderr, and so is every later
    /// request, at once.
    @Test func crashDuringCall() throws {
        let worker = try worker("crash-on-call")
        var y: Float = 0
        let x: Float = 1
        do {
            try worker.call(kernel: 0, [x], &y, count: 1, alpha: 1)
            Issue.record("the call succeeded")
        } catch {
            guard case .workerDied(let how, let tail) = error else { Issue.record("\(error)"); return }
            #expect(how == "was killed by signal 11")
            // Staging: region 1 of 2 x 65536 floats, input at 0 and output at 65536.
            #expect(tail.hasSuffix("request: call 0 1 0 1 65536 1 1.0 | fake worker: about to crash"), "\(tail)")
            #expect(throws: error) { try worker.noop() }
        }
    }

    @Test func malformedReplyToACall() throws {
        let worker = try worker("malformed-on-call")
        var y: Float = 0
        let x: Float = 1
        #expect(throws: PeerError.malformedReply(line: "okay", expected: "ok, error, kernel or ready")) {
            try worker.call(kernel: 0, [x], &y, count: 1, alpha: 1)
        }
        #expect(throws: PeerError.malformedReply(line: "okay", expected: "ok, error, kernel or ready")) { try worker.noop() }
    }

    /// An `error` reply fails that request only; the worker goes on serving.
    @Test func errorReplyFailsOneRequest() throws {
        let worker = try worker("error-on-elu")
        var y: Float = 0
        let x: Float = 1
        #expect(throws: PeerError.requestFailed("fake elu failure")) { try worker.call(kernel: 1, [x], &y, count: 1, alpha: 1) }
        try worker.call(kernel: 0, [x], &y, count: 1, alpha: 1)
        #expect(y == Self.sigmoid(1))
    }

    @Test func interpreterMissing() {
        #expect(throws: PeerError.interpreterMissing("/nonexistent/python")) {
            _ = try PythonPeers.locateInterpreter("/nonexistent/python")
        }
        #expect(throws: PeerError.interpreterMissing("no-such-python-here")) {
            _ = try PythonPeers.locateInterpreter("no-such-python-here")
        }
    }

    /// The Kernel values: buffers from the worker, the body calling it.
    @Test func kernelsCallTheWorker() throws {
        let worker = try worker("good")
        let kernels = PythonPeers.kernels(of: worker, noop: true) { error in fatalError("\(error)") }
        #expect(kernels.map(\.id) == ["sigmoid/py-fake", "elu/py-fake"] + ActivationFunction.allCases.map { "\($0.rawValue)/py-noop" })
        let allocator = try #require(kernels[0].bufferAllocator as? PythonPeers.StoppingAllocator)
        #expect(allocator.worker === worker)
        #expect(kernels.allSatisfy { $0.bufferAllocator === allocator && $0.isAvailable && $0.ulpBudget == nil })
        let xs = Self.inputs(9)
        var ys = [Float](repeating: 0, count: 9)
        kernels[1].run(xs, &ys, count: 9, parameters: KernelParameters(alpha: 2))
        #expect(ys == xs.map { $0 > 0 ? $0 : Float(2 * expm1(Double($0))) })
        kernels[2].run(xs, &ys, count: 9)
        #expect(worker.stderrTail.hasSuffix("request: noop"))
    }
}
