/// Memory a kernel wants the throughput run's buffers in: a peer in another process (the Python
/// peers) reads and writes a shared-memory region, so its kernels are called on buffers inside it
/// and no array is copied per call. `ThroughputRun` asks each distinct allocator for one input and
/// one output buffer per size and fills the input with the run's seeded values.
public protocol KernelBufferAllocator: AnyObject, Sendable {
    /// `count` floats, zeroed, at least 64-byte aligned; released when the returned buffer is freed.
    func allocateBuffer(count: Int) throws -> KernelBuffer
}

/// Floats handed out by a `KernelBufferAllocator`, released (by the allocator's closure) when the
/// last reference goes away.
public final class KernelBuffer: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<Float>
    public let count: Int
    private let release: @Sendable () -> Void

    public init(pointer: UnsafeMutablePointer<Float>, count: Int, release: @escaping @Sendable () -> Void) {
        self.pointer = pointer
        self.count = count
        self.release = release
    }

    deinit { release() }

    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: pointer, count: count) }
}
