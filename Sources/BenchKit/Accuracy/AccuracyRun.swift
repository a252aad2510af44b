import SwiftKernels
/// Runs kernels over an accuracy sample and measures them against the MPFR reference.
public struct AccuracyRun: Sendable {
    /// One kernel's outcome: its figures, or the reason it was not run.
    public struct Entry: Sendable {
        public let kernel: Kernel
        /// nil when the kernel is unavailable on this CPU (it was not called).
        public let stats: AccuracyStats?
        public let outputs: [Float]
    }

    public let sample: AccuracySample
    public let alpha: Float

    public init(sample: AccuracySample, alpha: Float = 1) {
        self.sample = sample
        self.alpha = alpha
    }

    /// The reference values of `function` over the sample.
    public func references(for function: ActivationFunction) -> [ReferenceValue] {
        Reference.evaluate(.activation(function), sample.inputs, alpha: alpha)
    }

    /// Measures each kernel; references are computed once per function. Unavailable kernels are
    /// reported with nil stats and never called.
    public func measure(_ kernels: [Kernel]) -> [Entry] {
        var cache: [ActivationFunction: [ReferenceValue]] = [:]
        return kernels.map { kernel in
            guard kernel.isAvailable else { return Entry(kernel: kernel, stats: nil, outputs: []) }
            let refs = cache[kernel.function] ?? references(for: kernel.function)
            cache[kernel.function] = refs
            let outputs = run(kernel)
            return Entry(kernel: kernel, stats: AccuracyStats(inputs: sample.inputs, outputs: outputs, references: refs),
                         outputs: outputs)
        }
    }

    /// The kernel's outputs over the sample.
    public func run(_ kernel: Kernel) -> [Float] {
        AlignedBuffer.outputs(over: sample.inputs) { kernel.run($0, $1, count: $2, parameters: KernelParameters(alpha: alpha)) }
    }
}
