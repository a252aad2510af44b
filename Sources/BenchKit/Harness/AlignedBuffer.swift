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

    /// `kernel`'s outputs over `inputs`, computed on 64-byte aligned copies, as the throughput and
    /// exhaustive runs call kernels: a peer whose result depends on an element's address
    /// (`Kernel.positionDependence`) then gives the same outputs in every run. Outputs the kernel
    /// does not write stay NaN; an empty input calls nothing.
    public static func outputs(over inputs: [Float], _ kernel: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) -> [Float] {
        guard !inputs.isEmpty else { return [] }
        guard let input = AlignedBuffer(count: inputs.count), let output = AlignedBuffer(count: inputs.count) else {
            preconditionFailure("cannot allocate \(inputs.count) floats")
        }
        _ = input.buffer.update(fromContentsOf: inputs)
        output.pointer.update(repeating: .nan, count: inputs.count)
        kernel(input.pointer, output.pointer, inputs.count)
        return Array(output.buffer)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
