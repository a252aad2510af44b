import SwiftKernels
import Foundation

/// Every float input (all 2^32 bit patterns, or those inside a domain) through every selected kernel,
/// measured against `DoubleReference` with MPFR settling the inputs next to rounding midpoints.
/// Work is split into chunks of 2^16 consecutive bit patterns spread over every core; each chunk
/// computes its references once per function and feeds every kernel of that function.
public struct ExhaustiveRun: Sendable {
    public let kernels: [Kernel]
    public let alpha: Float
    /// Inclusive range of bit patterns to visit.
    public let patterns: ClosedRange<UInt32>
    /// Only inputs inside this closed domain count (nil: every input, NaNs and infinities included).
    public let domain: ClosedRange<Float>?

    public static let chunkSize = 1 << 16

    public init(kernels: [Kernel], alpha: Float = 1, patterns: ClosedRange<UInt32> = 0...UInt32.max,
                domain: ClosedRange<Float>? = nil) {
        self.kernels = kernels.filter(\.isAvailable)
        self.alpha = alpha
        self.patterns = patterns
        self.domain = domain
    }

    public struct Outcome: Sendable {
        public var stats: [String: AccuracyStats]
        /// Inputs whose reference MPFR settled because the Double value sat next to a midpoint.
        public var settledByMPFR: Int
        public var inputsVisited: Int
        public var seconds: Double
    }

    /// Runs the sweep; `progress(done, total)` is called as chunks finish (from worker threads).
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) -> Outcome {
        let start = Date()
        let first = UInt64(patterns.lowerBound), last = UInt64(patterns.upperBound)
        let total = Int(last - first + 1)
        let chunks = (total + Self.chunkSize - 1) / Self.chunkSize
        let kernels = self.kernels, alpha = self.alpha, domain = self.domain
        let parameters = KernelParameters(alpha: alpha)
        let functions = ActivationFunction.allCases.filter { f in kernels.contains { $0.function == f } }
        let state = SharedState(kernelIDs: kernels.map(\.id))

        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = first + UInt64(c * Self.chunkSize)
            let hi = Swift.min(last, lo + UInt64(Self.chunkSize) - 1)
            var inputs: [Float] = []
            inputs.reserveCapacity(Int(hi - lo + 1))
            for bits in lo...hi {
                let x = Float(bitPattern: UInt32(bits))
                if let domain, !(domain.contains(x)) { continue }
                inputs.append(x)
            }
            var local = [AccuracyAccumulator](repeating: AccuracyAccumulator(), count: kernels.count)
            var settled = 0
            var outputs = [Float](repeating: 0, count: inputs.count)
            var refs = [ULP.Prepared](repeating: ULP.Prepared(ReferenceValue(hi: 0)), count: inputs.count)
            if !inputs.isEmpty {
                for function in functions {
                    let double = DoubleReference(function, alpha: alpha)
                    for i in inputs.indices {
                        let (r, mpfr) = double.reference(inputs[i])
                        refs[i] = r
                        if mpfr { settled += 1 }
                    }
                    for (k, kernel) in kernels.enumerated() where kernel.function == function {
                        inputs.withUnsafeBufferPointer { i in
                            outputs.withUnsafeMutableBufferPointer { o in
                                kernel.run(i.baseAddress!, o.baseAddress!, count: inputs.count, parameters: parameters)
                            }
                        }
                        var accumulator = local[k]   // a local copy: no array access per input
                        for i in inputs.indices { accumulator.add(input: inputs[i], output: outputs[i], reference: refs[i]) }
                        local[k] = accumulator
                    }
                }
            }
            let done = state.merge(local, settled: settled, visited: inputs.count)
            progress?(done, chunks)
        }
        let (accumulators, settled, visited) = state.result()
        var stats: [String: AccuracyStats] = [:]
        for (kernel, accumulator) in zip(kernels, accumulators) { stats[kernel.id] = accumulator.stats }
        return Outcome(stats: stats, settledByMPFR: settled, inputsVisited: visited,
                       seconds: Date().timeIntervalSince(start))
    }

    /// The accumulators the workers merge into, behind a lock (merged once per chunk).
    private final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var accumulators: [AccuracyAccumulator]
        private var settled = 0
        private var visited = 0
        private var chunksDone = 0

        init(kernelIDs: [String]) { accumulators = kernelIDs.map { _ in AccuracyAccumulator() } }

        func merge(_ local: [AccuracyAccumulator], settled: Int, visited: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            for k in local.indices { accumulators[k].merge(local[k]) }
            self.settled += settled
            self.visited += visited
            chunksDone += 1
            return chunksDone
        }

        func result() -> ([AccuracyAccumulator], Int, Int) {
            lock.lock()
            defer { lock.unlock() }
            return (accumulators, settled, visited)
        }
    }
}
