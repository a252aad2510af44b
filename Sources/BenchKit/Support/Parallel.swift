import Dispatch

/// Splits 0..<count into chunks and runs `body` on them on every core.
///
/// Raw buffer addresses cross into the worker closures as integers: each chunk touches a disjoint
/// range, which the compiler cannot see, so the pointers themselves are not Sendable.
public func parallelChunks(count: Int, chunk: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let chunks = (count + chunk - 1) / chunk
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
        let start = c * chunk
        body(start..<Swift.min(start + chunk, count))
    }
}

/// A buffer address that can be handed to worker closures (see `parallelChunks`).
public struct SendableAddress<T>: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<T>
    public init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
    public init(_ pointer: UnsafePointer<T>) { self.pointer = UnsafeMutablePointer(mutating: pointer) }
}
