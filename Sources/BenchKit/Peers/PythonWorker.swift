import Foundation

/// One running peer worker (scripts/peer_worker.py, or anything that speaks its protocol) and the
/// shared memory it reads. Thread safe: kernel bodies may be called from several threads (the
/// accuracy engine), and every request holds one lock for its whole round trip, so calls to one
/// worker are serialised; the worker is single threaded anyway, and so is each library in it.
///
/// Zero copy: a call whose input and output both lie in regions this worker allocated
/// (`allocateBuffer`, which the throughput run uses through `Kernel.bufferAllocator`) sends only
/// offsets. Any other call copies the input into a private staging region, calls, and copies the
/// output back: correct for any pointers (accuracy runs, the kernel contract tests), slower.
///
/// Failure: once the worker has died or sent a malformed reply every request throws the same error
/// at once; an `error` reply fails that request only.
public final class PythonWorker: KernelBufferAllocator, @unchecked Sendable {
    /// The kernels the handshake announced, in the worker's order.
    public let kernels: [PeerKernelInfo]
    private let lock = NSLock()
    private let process: WorkerProcess
    private var regions: [Int: SharedMemoryRegion] = [:]
    /// Region numbers are never reused within a worker (the worker caches per-call state by them).
    private var nextRegion = 1
    /// Input at 0, output at `staging.floats / 2`.
    private var staging: SharedMemoryRegion?
    private var failure: PeerError?

    /// The threading variables the worker also sets itself, before it imports anything.
    static let singleThreadEnvironment = ["OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"]

    /// Starts `interpreter script` and performs the handshake (waiting at most `handshakeTimeout`
    /// seconds: the imports take a few).
    public init(interpreter: String, script: String, handshakeTimeout: Double = 300) throws(PeerError) {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(Self.singleThreadEnvironment) { _, new in new }
        process = try WorkerProcess(executable: interpreter, arguments: [script], environment: environment)
        do throws(PeerError) {
            try process.sendLine(PeerProtocol.Request.hello(version: PeerProtocol.version).line)
            var announced: [PeerKernelInfo] = []
            while true {
                let line = try process.receiveLine(timeout: handshakeTimeout, what: "the handshake")
                switch try PeerProtocol.Reply(parsing: line) {
                case .kernel(let info):
                    guard info.index == announced.count else {
                        throw PeerError.malformedReply(line: line, expected: "kernel \(announced.count) (kernels are numbered in order)")
                    }
                    guard !announced.contains(where: { $0.function == info.function && $0.implementation == info.implementation }) else {
                        throw PeerError.malformedReply(line: line, expected: "each (function, implementation) once")
                    }
                    announced.append(info)
                case .ready(let count):
                    guard count == announced.count else {
                        throw PeerError.malformedReply(line: line, expected: "ready \(announced.count)")
                    }
                    kernels = announced
                    return
                case .error(let message):
                    throw PeerError.handshakeRefused(message)
                case .ok:
                    throw PeerError.malformedReply(line: line, expected: "kernel or ready")
                }
            }
        } catch {
            process.terminate()
            throw error
        }
    }

    /// Runs `kernel` (an index into `kernels`) on `count` floats.
    public func call(kernel: Int, _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, count: Int,
                     alpha: Float) throws(PeerError) {
        try locked { () throws(PeerError) in
            guard count > 0 else { return }
            if let (inRegion, inOffset) = locate(input, count), let (outRegion, outOffset) = locate(output, count) {
                try roundTrip(.call(kernel: kernel, inRegion: inRegion, inOffset: inOffset, outRegion: outRegion,
                                    outOffset: outOffset, count: count, alpha: alpha))
                return
            }
            let stage = try stagingRegion(count: count)
            let half = stage.floats / 2
            stage.pointer.update(from: input, count: count)
            try roundTrip(.call(kernel: kernel, inRegion: stage.id, inOffset: 0, outRegion: stage.id, outOffset: half,
                                count: count, alpha: alpha))
            output.update(from: stage.pointer + half, count: count)
        }
    }

    /// The round trip alone (`noop`): what the bridge costs per call.
    public func noop() throws(PeerError) {
        try locked { () throws(PeerError) in try roundTrip(.noop) }
    }

    public func allocateBuffer(count: Int) throws -> KernelBuffer {
        let region = try locked { () throws(PeerError) in try newRegion(floats: count) }
        return KernelBuffer(pointer: region.pointer, count: count) { [weak self] in self?.release(region.id) }
    }

    /// The worker's stderr tail (for a test or a message).
    public var stderrTail: String { lock.withLock { process.stderrTail() } }

    deinit { process.stop() }

    private func release(_ id: Int) {
        lock.withLock {
            guard regions.removeValue(forKey: id) != nil, failure == nil else { return }
            try? roundTrip(.unmap(region: id))
        }
    }

    private func locked<T>(_ body: () throws(PeerError) -> T) throws(PeerError) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        return try body()
    }

    private func locate(_ address: UnsafePointer<Float>, _ count: Int) -> (Int, Int)? {
        for region in regions.values {
            if let offset = region.offset(of: address, count: count) { return (region.id, offset) }
        }
        return nil
    }

    /// A region of `floats`, mapped by the worker, its path already removed. Lock held.
    private func newRegion(floats: Int) throws(PeerError) -> SharedMemoryRegion {
        let region = try SharedMemoryRegion(id: nextRegion, floats: floats)
        nextRegion += 1
        defer { region.removePath() }
        try roundTrip(.map(region: region.id, path: region.path!, floats: region.floats))
        regions[region.id] = region
        return region
    }

    /// Staging for `count` floats in and out, grown by doubling. Lock held.
    private func stagingRegion(count: Int) throws(PeerError) -> SharedMemoryRegion {
        if let staging, staging.floats / 2 >= count { return staging }
        var half = Swift.max(staging.map { $0.floats / 2 } ?? 0, 1 << 16)
        while half < count { half *= 2 }
        let region = try SharedMemoryRegion(id: nextRegion, floats: 2 * half)
        nextRegion += 1
        defer { region.removePath() }
        try roundTrip(.map(region: region.id, path: region.path!, floats: region.floats))
        if let old = staging { try roundTrip(.unmap(region: old.id)) }
        staging = region
        return region
    }

    /// Sends `request` and reads its reply: `ok` returns, `error` throws `requestFailed`; a dead
    /// worker or any other reply marks the worker failed. Lock held.
    private func roundTrip(_ request: PeerProtocol.Request) throws(PeerError) {
        do throws(PeerError) {
            try process.sendLine(request.line)
            let line = try process.receiveLine(timeout: nil, what: "a request")
            switch try PeerProtocol.Reply(parsing: line) {
            case .ok: return
            case .error(let message): throw PeerError.requestFailed(message)
            default: throw PeerError.malformedReply(line: line, expected: "ok or error")
            }
        } catch {
            if case .requestFailed = error { throw error }
            if case .malformedReply = error { process.terminate() }
            failure = error
            throw error
        }
    }
}
