import Foundation
import SwiftKernels

/// The opt-in Python peers (docs/python-peers.md): ONNX Runtime, PyTorch, numpy and scipy kernels
/// run by scripts/peer_worker.py and called through the same `Kernel` interface as the built-in
/// ones. One worker per interpreter per process, started on first use and kept until the process
/// exits (it exits itself when its input closes).
public enum PythonPeers {
    /// What a kernel body does when its worker fails mid-run; it cannot return an error, so it
    /// must not return. `bench` prints the error and exits (`ExitStatus.unavailable`).
    public typealias FailureHandler = @Sendable (PeerError) -> Never

    /// The peer kernels of the worker for `python` (nil: `.venv-peers/bin/python`), with the
    /// `py-noop` kernels too when `noop` is set.
    public static func kernels(python: String?, noop: Bool = false, onFailure: @escaping FailureHandler) throws(PeerError) -> [Kernel] {
        kernels(of: try worker(python: python), noop: noop, onFailure: onFailure)
    }

    /// The shared worker for `python`, started on first use.
    public static func worker(python: String?) throws(PeerError) -> PythonWorker {
        let interpreter = try locateInterpreter(python)
        return try cache.worker(for: interpreter) { () throws(PeerError) in
            try PythonWorker(interpreter: interpreter, script: try locateWorkerScript())
        }
    }

    /// `Kernel` values calling `worker`: unavailable never, no ulp budget (the libraries promise
    /// none), buffers from the worker's shared memory (one allocator for all of them). With `noop`, one `py-noop` kernel per
    /// function too: the round trip alone (the output is left as it was), for the bridge overhead.
    public static func kernels(of worker: PythonWorker, noop: Bool = false, onFailure: @escaping FailureHandler) -> [Kernel] {
        let allocator = StoppingAllocator(worker: worker, onFailure: onFailure)
        var kernels = worker.kernels.map { info in
            Kernel(function: info.function, implementation: info.implementation, isa: info.isa, isAvailable: true,
                   ulpBudget: nil, library: info.library, note: info.note,
                   body: body(worker, info.index, onFailure), bufferAllocator: allocator)
        }
        if noop {
            kernels += ActivationFunction.allCases.map { function in
                Kernel(function: function, implementation: noopImplementation, isa: "python (round trip only)",
                       isAvailable: true, ulpBudget: nil, library: "bench's Python worker",
                       note: "the round trip to the worker only; the output is not computed",
                       body: { _, _, _, _ in do throws(PeerError) { try worker.noop() } catch { onFailure(error) } },
                       bufferAllocator: allocator)
            }
        }
        return kernels
    }

    /// The worker's shared memory, failing as its kernel bodies fail (`onFailure`), so a region
    /// that cannot be made stops a run the same way as a worker that died. One per `kernels(of:)`:
    /// the throughput run gives all kernels of one allocator the same buffers.
    final class StoppingAllocator: KernelBufferAllocator {
        let worker: PythonWorker
        let onFailure: FailureHandler

        init(worker: PythonWorker, onFailure: @escaping FailureHandler) {
            self.worker = worker
            self.onFailure = onFailure
        }

        func allocateBuffer(count: Int) throws -> KernelBuffer {
            do { return try worker.allocateBuffer(count: count) } catch let error as PeerError { onFailure(error) }
        }
    }

    /// The implementation id of the round-trip-only kernels.
    public static let noopImplementation = "py-noop"

    /// Every Python peer's implementation id begins so; the worker's handshake is refused otherwise.
    public static let implementationPrefix = "py-"

    /// Whether `implementation` names a Python peer (the round trip alone included).
    public static func names(_ implementation: String) -> Bool { implementation.hasPrefix(implementationPrefix) }

    static func body(_ worker: PythonWorker, _ index: Int, _ onFailure: @escaping FailureHandler) -> ActivationKernel {
        { input, output, count, parameters in
            do throws(PeerError) {
                try worker.call(kernel: index, input, output, count: count, alpha: parameters.alpha)
            } catch { onFailure(error) }
        }
    }

    /// `python` when given (a path, or a name looked up on PATH), else `.venv-peers/bin/python` in
    /// the current directory or the package this was built from.
    static func locateInterpreter(_ python: String?) throws(PeerError) -> String {
        if let python {
            if python.contains("/") {
                guard FileManager.default.isExecutableFile(atPath: python) else { throw .interpreterMissing(python) }
                return python
            }
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/\(python)") {
                return "\(directory)/\(python)"
            }
            throw .interpreterMissing(python)
        }
        let candidates = searchRoots.map { "\($0)/.venv-peers/bin/python" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .interpreterMissing(candidates.joined(separator: "' or '"))
        }
        return found
    }

    static func locateWorkerScript() throws(PeerError) -> String {
        let candidates = searchRoots.map { "\($0)/scripts/peer_worker.py" }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw .workerScriptMissing(candidates)
        }
        return found
    }

    /// The current directory, then the package root this file was compiled in.
    static var searchRoots: [String] {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let current = FileManager.default.currentDirectoryPath
        return current == packageRoot ? [current] : [current, packageRoot]
    }

    private static let cache = WorkerCache()

    private final class WorkerCache: @unchecked Sendable {
        private let lock = NSLock()
        private var workers: [String: PythonWorker] = [:]

        func worker(for interpreter: String, start: () throws(PeerError) -> PythonWorker) throws(PeerError) -> PythonWorker {
            lock.lock()
            defer { lock.unlock() }
            if let worker = workers[interpreter] { return worker }
            let worker = try start()
            workers[interpreter] = worker
            return worker
        }
    }
}
