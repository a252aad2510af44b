/// The buffers of the kernels that bring an allocator (`Kernel.bufferAllocator`): one input and one
/// output per distinct allocator, the input filled with the same seeded values as the run's own
/// buffers, so every kernel of a size reads the same inputs wherever its memory lives.
struct AllocatedBuffers {
    private var pairs: [ObjectIdentifier: (input: KernelBuffer, output: KernelBuffer)] = [:]

    init(kernels: [Kernel], count: Int, distribution: InputDistribution, seed: UInt64) throws {
        for kernel in kernels {
            guard let allocator = kernel.bufferAllocator, pairs[ObjectIdentifier(allocator)] == nil else { continue }
            let input = try allocator.allocateBuffer(count: count)
            let output = try allocator.allocateBuffer(count: count)
            distribution.fill(input.buffer, seed: seed)
            pairs[ObjectIdentifier(allocator)] = (input, output)
        }
    }

    /// The kernel's input and output when its allocator gave them; nil: it uses the run's own.
    func addresses(for kernel: Kernel) -> (SendableAddress<Float>, SendableAddress<Float>)? {
        guard let allocator = kernel.bufferAllocator, let pair = pairs[ObjectIdentifier(allocator)] else { return nil }
        return (SendableAddress(UnsafePointer(pair.input.pointer)), SendableAddress(pair.output.pointer))
    }

    /// Reads every output (see `blackHole`); also what keeps the buffers alive until the size is done.
    func readOutputs() {
        for pair in pairs.values { blackHole(pair.output.buffer) }
    }
}
