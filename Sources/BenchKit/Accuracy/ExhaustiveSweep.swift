import Foundation
import SwiftKernels

/// The core of every exhaustive accuracy run: every float bit pattern of a range, in chunks of 2^16
/// consecutive patterns spread over every core. A sweep holds groups, each one reference (a
/// `DoubleReference`, MPFR settling the inputs next to rounding midpoints) over one domain with the
/// kernels measured against it; each chunk computes a group's references once and feeds every kernel
/// of the group from them. The activations (`ExhaustiveRun`: one group per function, all over one
/// domain) and the primitives (one group per primitive, each over its own domain) both run on it.
public struct ExhaustiveSweep: Sendable {
    /// One reference over one domain, and the kernels measured against it.
    public struct Group: Sendable {
        public let reference: DoubleReference
        /// Only inputs inside this closed domain count (nil: every input, NaNs and infinities included).
        public let domain: ClosedRange<Float>?
        public let kernels: [UnaryKernel]

        public init(reference: DoubleReference, domain: ClosedRange<Float>?, kernels: [UnaryKernel]) {
            self.reference = reference
            self.domain = domain
            self.kernels = kernels
        }
    }

    public let groups: [Group]
    /// Inclusive range of bit patterns to visit.
    public let patterns: ClosedRange<UInt32>

    public static let chunkSize = 1 << 16

    public init(groups: [Group], patterns: ClosedRange<UInt32> = 0...UInt32.max) {
        self.groups = groups
        self.patterns = patterns
    }

    public struct Outcome: Sendable {
        /// Per group, per kernel in the group's order.
        public var stats: [[AccuracyStats]]
        /// Per group: inputs whose reference MPFR settled because the Double value sat next to a
        /// midpoint, and inputs visited.
        public var settledByMPFR: [Int]
        public var inputsVisited: [Int]
        public var seconds: Double
    }

    /// The bit patterns of the floats inside `domain`, ascending: at most two ranges, the
    /// non-negative floats (sign clear, ascending in value) then the non-positive ones (sign set,
    /// descending in value). Both zeros count as inside a domain holding 0.
    static func patternRanges(of domain: ClosedRange<Float>?) -> [ClosedRange<UInt32>] {
        guard let domain else { return [0...UInt32.max] }
        let a = domain.lowerBound, b = domain.upperBound
        var ranges: [ClosedRange<UInt32>] = []
        if b >= 0 { ranges.append((a <= 0 ? 0 : a.bitPattern)...Swift.abs(b).bitPattern) }
        if a <= 0 { ranges.append((0x8000_0000 | (b >= 0 ? 0 : Swift.abs(b).bitPattern))...(0x8000_0000 | Swift.abs(a).bitPattern)) }
        return ranges
    }

    /// `ranges` cut to `limit` (both ascending, so the result is too).
    static func clamp(_ ranges: [ClosedRange<UInt32>], to limit: ClosedRange<UInt32>) -> [ClosedRange<UInt32>] {
        ranges.compactMap { r in r.overlaps(limit) ? r.clamped(to: limit) : nil }
    }

    /// Chunk `c` of `patterns`: `chunkSize` consecutive patterns from its start, the last one shorter.
    static func chunk(_ c: Int, of patterns: ClosedRange<UInt32>) -> ClosedRange<UInt32> {
        let lo = UInt64(patterns.lowerBound) + UInt64(c * chunkSize)
        return UInt32(lo)...UInt32(Swift.min(UInt64(patterns.upperBound), lo + UInt64(chunkSize) - 1))
    }

    /// Runs the sweep; `progress(done, total)` is called with 0 before the first chunk, then as chunks
    /// finish (from worker threads). Chunks holding no group's input are skipped and not counted.
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) -> Outcome {
        let start = Date()
        let groups = self.groups, patterns = self.patterns
        let ranges = groups.map { Self.clamp(Self.patternRanges(of: $0.domain), to: patterns) }
        let chunkCount = Int((patterns.upperBound - patterns.lowerBound) / UInt32(Self.chunkSize)) + 1
        let chunks = (0..<chunkCount).map { Self.chunk($0, of: patterns) }
            .filter { chunk in ranges.contains { !Self.clamp($0, to: chunk).isEmpty } }
        let state = SharedState(kernelCounts: groups.map(\.kernels.count))
        progress?(0, chunks.count)

        DispatchQueue.concurrentPerform(iterations: chunks.count) { n in
            let chunk = chunks[n]
            // Kernels run on 64-byte aligned buffers, as in the throughput runs: a peer whose result
            // depends on an element's address (`Kernel.positionDependence`) then gives the same
            // figures in every run.
            guard let inputBuffer = AlignedBuffer(count: Self.chunkSize), let outputBuffer = AlignedBuffer(count: Self.chunkSize) else {
                preconditionFailure("cannot allocate the sweep's chunk buffers")
            }
            let inputs = inputBuffer.pointer, outputs = outputBuffer.pointer
            var count = 0, gathered: [ClosedRange<UInt32>]? = nil
            let refs = ReferenceColumns(capacity: Self.chunkSize)
            var local = groups.map { [AccuracyAccumulator](repeating: AccuracyAccumulator(), count: $0.kernels.count) }
            var settled = [Int](repeating: 0, count: groups.count), visited = settled
            for (g, group) in groups.enumerated() {
                let mine = Self.clamp(ranges[g], to: chunk)
                if mine != gathered {   // groups over one domain share the chunk's inputs
                    count = 0
                    for r in mine { for bits in r { inputs[count] = Float(bitPattern: bits); count += 1 } }
                    gathered = mine
                }
                guard count > 0 else { continue }
                visited[g] = count
                refs.resetBlocks()
                for i in 0..<count {
                    let (r, mpfr) = group.reference.reference(inputs[i])
                    refs.set(i, r)
                    if mpfr { settled[g] += 1 }
                }
                for (k, kernel) in group.kernels.enumerated() {
                    kernel(inputs, outputs, count)
                    local[g][k].add(inputs: inputs, outputs: outputs, references: refs, count: count)
                }
            }
            let done = state.merge(local, settled: settled, visited: visited)
            progress?(done, chunks.count)
        }
        let result = state.result()
        return Outcome(stats: result.accumulators.map { $0.map(\.stats) }, settledByMPFR: result.settled,
                       inputsVisited: result.visited, seconds: Date().timeIntervalSince(start))
    }

    /// The accumulators the workers merge into, behind a lock (merged once per chunk).
    private final class SharedState: @unchecked Sendable {
        private let lock = NSLock()
        private var accumulators: [[AccuracyAccumulator]]
        private var settled: [Int]
        private var visited: [Int]
        private var chunksDone = 0

        init(kernelCounts: [Int]) {
            accumulators = kernelCounts.map { [AccuracyAccumulator](repeating: AccuracyAccumulator(), count: $0) }
            settled = kernelCounts.map { _ in 0 }
            visited = settled
        }

        func merge(_ local: [[AccuracyAccumulator]], settled: [Int], visited: [Int]) -> Int {
            lock.lock()
            defer { lock.unlock() }
            for g in local.indices {
                for k in local[g].indices { accumulators[g][k].merge(local[g][k]) }
                self.settled[g] += settled[g]
                self.visited[g] += visited[g]
            }
            chunksDone += 1
            return chunksDone
        }

        func result() -> (accumulators: [[AccuracyAccumulator]], settled: [Int], visited: [Int]) {
            lock.lock()
            defer { lock.unlock() }
            return (accumulators, settled, visited)
        }
    }
}
