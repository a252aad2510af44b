/// A 64-byte aligned Float buffer: every kernel sees the same alignment (a cache line, and an AVX-512
/// vector), so no implementation is helped or hurt by where its buffers happen to land.
public final class AlignedBuffer: @unchecked Sendable {
    public static let alignment = 64
    public let count: Int
    public let pointer: UnsafeMutablePointer<Float>

    /// Fails (returns nil) when the allocation is impossible, so a too-large size is a clear error,
    /// not a crash.
    public init?(count: Int) {
        guard count >= 0, count <= Int.max / 8 else { return nil }
        let bytes = Swift.max(count, 1) * MemoryLayout<Float>.stride
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, Self.alignment, bytes) == 0, let raw else { return nil }
        self.count = count
        pointer = raw.bindMemory(to: Float.self, capacity: Swift.max(count, 1))
        pointer.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    deinit { free(pointer) }

    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: pointer, count: count) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
