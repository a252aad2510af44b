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
    /// Whether each row gets a max-ulp figure from `QuickAccuracy`.
    public var measureAccuracy: Bool

    public init(kernels: [Kernel], sizes: [Int], harness: Harness, distribution: InputDistribution,
                seed: UInt64, alpha: Float = 1, measureAccuracy: Bool = true) {
        self.measureAccuracy = measureAccuracy
        self.kernels = kernels
        self.sizes = sizes
        self.harness = harness
        self.distribution = distribution
        self.seed = seed
        self.alpha = alpha
    }

    /// What is about to be measured, for progress display: (done, total, label).
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ label: String) -> Void

    /// The steps of the run, in order: per size, the copy and each available kernel.
    public var stepCount: Int { sizes.count * (1 + kernels.filter(\.isAvailable).count) }

    public enum RunError: Error, CustomStringConvertible {
        case allocation(size: Int)
        public var description: String {
            switch self {
            case .allocation(let size): return "cannot allocate two buffers of \(size) floats (\(size * 8) bytes)"
            }
        }
    }

    /// Runs everything; unavailable kernels are skipped (they are listed by `bench list`).
    public func run(progress: Progress? = nil) throws -> [KernelResult] {
        var results: [KernelResult] = []
        var step = 0
        var accuracy = QuickAccuracy(alpha: alpha)
        var maxULP: [String: Double] = [:]
        for size in sizes {
            guard let input = AlignedBuffer(count: size), let output = AlignedBuffer(count: size) else {
                throw RunError.allocation(size: size)
            }
            distribution.fill(input.buffer, seed: seed)
            let source = SendableAddress(UnsafePointer(input.pointer))
            let destination = SendableAddress(output.pointer)

            // The copy (the roofline) and every kernel, measured interleaved round by round.
            let runnable = kernels.filter(\.isAvailable)
            var pieces = [Harness.Work(count: size) { range in
                ck_copy(source.pointer + range.lowerBound, destination.pointer + range.lowerBound, range.count)
            }]
            let alpha = self.alpha
            for kernel in runnable {
                pieces.append(Harness.Work(count: size) { range in
                    kernel.run(source.pointer + range.lowerBound, destination.pointer + range.lowerBound,
                               count: range.count, alpha: alpha)
                })
            }
            let label = "\(runnable.count) kernels + copy @\(size)"
            progress?(step, stepCount, label)
            let measurements = harness.measureInterleaved(pieces) { round, rounds in
                progress?(step, stepCount, "\(label), sample round \(round)/\(rounds)")
            }
            results.append(result(function: "copy", implementation: "memcpy", isa: "memory", size: size, measurements[0]))
            for (kernel, measurement) in zip(runnable, measurements.dropFirst()) {
                var row = result(function: kernel.function.rawValue, implementation: kernel.implementation,
                                 isa: kernel.isa, size: size, measurement)
                if measureAccuracy {
                    if maxULP[kernel.id] == nil { maxULP[kernel.id] = accuracy.maxULP(kernel) }
                    row.maxULP = maxULP[kernel.id]
                }
                results.append(row)
            }
            step += pieces.count
            blackHole(output.buffer)
        }
        progress?(step, stepCount, "done")
        return results
    }

    func result(function: String, implementation: String, isa: String, size: Int,
                _ m: Harness.Measurement) -> KernelResult {
        KernelResult(function: function, implementation: implementation, isa: isa, size: size,
                     threads: harness.threads, batch: m.batch, samplesNsPerElement: m.nsPerElement,
                     samplesCyclesPerElement: m.cyclesPerElement,
                     summary: KernelResult.Summary(nsPerElement: m.nsPerElement, cyclesPerElement: m.cyclesPerElement))
    }
}

/// Reads the output so that no optimiser can decide the stores were dead.
@inline(never)
func blackHole(_ buffer: UnsafeMutableBufferPointer<Float>) {
    var sum: UInt32 = 0
    for x in buffer { sum &+= x.bitPattern }
    if sum == 0x1234_5678 { print("", terminator: "") }
}
