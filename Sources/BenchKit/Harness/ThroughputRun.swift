import SwiftKernels
import CKernels

/// The throughput matrix: every selected kernel at every size, plus a plain copy of the same size as
/// the memory roofline, all on the same seeded 64-byte aligned input.
public struct ThroughputRun: Sendable {
    public var kernels: [Kernel]
    public var sizes: [Int]
    public var harness: Harness
    public var distribution: InputDistribution
    public var seed: UInt64
    public var alpha: Float

    public init(kernels: [Kernel], sizes: [Int], harness: Harness, distribution: InputDistribution,
                seed: UInt64, alpha: Float = 1) {
        self.kernels = kernels
        self.sizes = sizes
        self.harness = harness
        self.distribution = distribution
        self.seed = seed
        self.alpha = alpha
    }

    /// Where the run stands, for progress display: the size being measured (index among `sizes`), a
    /// label, and the harness's round progress (nil while calibrating).
    public typealias Progress = @Sendable (_ sizeIndex: Int, _ label: String, _ rounds: Harness.RoundProgress?) -> Void

    /// The rows and, per size, the screening log.
    public struct Output: Sendable {
        public var results: [KernelResult]
        public var rounds: [RoundLog]
    }

    public enum RunError: Error, CustomStringConvertible {
        case allocation(size: Int)
        public var description: String {
            switch self {
            case .allocation(let size): return "cannot allocate two buffers of \(size) floats (\(size * 8) bytes)"
            }
        }
    }

    /// Runs everything; unavailable kernels are skipped (they are listed by `bench list`). The max-ulp
    /// column is filled apart (`QuickAccuracy.fillMaxULP`), once per run however many processes.
    public func run(progress: Progress? = nil) throws -> Output {
        var results: [KernelResult] = []
        var logs: [RoundLog] = []
        for (sizeIndex, size) in sizes.enumerated() {
            guard let input = AlignedBuffer(count: size), let output = AlignedBuffer(count: size) else {
                throw RunError.allocation(size: size)
            }
            distribution.fill(input.buffer, seed: seed)
            let source = SendableAddress(UnsafePointer(input.pointer))
            let destination = SendableAddress(output.pointer)

            // The copy (the roofline) and every kernel, measured interleaved round by round. The
            // copy is memory bound and its samples spread with neighbours' cache use even when the
            // core is quiet, so it gets no own test (the same piece `rejudged` exempts).
            let runnable = kernels.filter(\.isAvailable)
            var pieces = [Harness.Work(count: size, ownTest: false) { range in
                ck_copy(source.pointer + range.lowerBound, destination.pointer + range.lowerBound, range.count)
            }]
            let parameters = KernelParameters(alpha: alpha)
            let allocated = try AllocatedBuffers(kernels: runnable, count: size, distribution: distribution, seed: seed)
            for kernel in runnable {
                let (source, destination) = allocated.addresses(for: kernel) ?? (source, destination)
                pieces.append(Harness.Work(count: size) { range in
                    kernel.run(source.pointer + range.lowerBound, destination.pointer + range.lowerBound,
                               count: range.count, parameters: parameters)
                })
            }
            let label = "\(runnable.count) kernels + copy @\(size)"
            progress?(sizeIndex, "\(label), calibrating", nil)
            let measured = harness.measureInterleaved(pieces) { progress?(sizeIndex, label, $0) }
            let log = measured.rounds
            if let log { logs.append(log) }
            results.append(result(function: "copy", implementation: "memcpy", isa: "memory", size: size,
                                  measured.pieces[0], quiet: log?.quiet(piece: 0)))
            for (piece, kernel) in runnable.enumerated() {
                results.append(result(function: kernel.function.rawValue, implementation: kernel.implementation,
                                      isa: kernel.isa, size: size, measured.pieces[piece + 1],
                                      quiet: log?.quiet(piece: piece + 1)))
            }
            blackHole(output.buffer)
            allocated.readOutputs()
        }
        return Output(results: results, rounds: logs)
    }

    func result(function: String, implementation: String, isa: String, size: Int,
                _ m: Harness.Measurement, quiet: [Bool]?) -> KernelResult {
        KernelResult(function: function, implementation: implementation, isa: isa, size: size, threads: harness.threads,
                     batch: m.batch, nsPerElement: m.nsPerElement, cyclesPerElement: m.cyclesPerElement, quiet: quiet)
    }
}

extension KernelResult {
    /// One row from a piece's samples in the order taken: the summary from the quiet samples (all
    /// samples when `quiet` is nil); the rejected ones are kept beside them. A row left with no quiet
    /// sample at all (the sampling budget ran out on a busy machine) keeps every sample, and the
    /// report's warning says so.
    init(function: String, implementation: String, isa: String, size: Int, threads: Int, batch: Int,
         nsPerElement: [Double], cyclesPerElement: [Double], quiet: [Bool]?) {
        var counts = quiet ?? Array(repeating: true, count: nsPerElement.count)
        if !counts.contains(true) { counts = Array(repeating: true, count: nsPerElement.count) }
        let ns = zip(nsPerElement, counts).filter(\.1).map(\.0)
        let cycles = zip(cyclesPerElement, counts).filter(\.1).map(\.0)
        let rejected = zip(nsPerElement, counts).filter { !$0.1 }.map(\.0)
        self.init(function: function, implementation: implementation, isa: isa, size: size, threads: threads,
                  batch: batch, samplesNsPerElement: ns, samplesCyclesPerElement: cycles, rejectedNsPerElement: rejected,
                  summary: Summary(nsPerElement: ns, cyclesPerElement: cycles))
    }
}

/// Reads the output so that no optimiser can decide the stores were dead.
@inline(never)
func blackHole(_ buffer: UnsafeMutableBufferPointer<Float>) {
    var sum: UInt32 = 0
    for x in buffer { sum &+= x.bitPattern }
    if sum == 0x1234_5678 { print("", terminator: "") }
}
