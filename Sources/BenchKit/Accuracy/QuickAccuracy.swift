/// The max-ulp figure `bench` prints beside each throughput row: a fixed, seeded sample (random bit
/// patterns plus a grid over [-20, 20]) against the Double reference, MPFR settling the inputs next
/// to rounding midpoints. About 130,000 inputs: milliseconds for a SIMD kernel, well under a second
/// for a scalar one. The sample never changes, so baselines can compare the figure run to run.
public struct QuickAccuracy: Sendable {
    public let sample: AccuracySample
    public let alpha: Float
    private var references: [ActivationFunction: [ULP.Prepared]] = [:]

    public init(alpha: Float = 1, randomCount: Int = 65_536, gridCount: Int = 65_536) {
        sample = AccuracySample(randomCount: randomCount, gridCount: gridCount, grid: -20...20, seed: 0x9e1f)
        self.alpha = alpha
    }

    /// The kernel's max ulp over the sample (nil when it is unavailable here).
    public mutating func maxULP(_ kernel: Kernel) -> Double? {
        guard kernel.isAvailable else { return nil }
        let double = DoubleReference(.activation(kernel.function), alpha: alpha)
        let refs = references[kernel.function] ?? sample.inputs.map { double.reference($0).0 }
        references[kernel.function] = refs
        let outputs = AccuracyRun(sample: sample, alpha: alpha).run(kernel)
        var worst = 0.0
        for i in outputs.indices { worst = Swift.max(worst, refs[i].error(outputs[i])) }
        return worst
    }

    /// Sets `maxULP` on every row of `results` measured from one of `kernels` (the copy row and
    /// kernels unavailable here keep nil); each kernel is sampled once however many sizes it ran at.
    public mutating func fillMaxULP(_ results: inout [KernelResult], kernels: [Kernel]) {
        var measured: [String: Double?] = [:]
        for i in results.indices {
            let row = results[i]
            guard let kernel = kernels.first(where: {
                $0.function.rawValue == row.function && $0.implementation == row.implementation
            }) else { continue }
            if measured[kernel.id] == nil { measured[kernel.id] = .some(maxULP(kernel)) }
            results[i].maxULP = measured[kernel.id] ?? nil
        }
    }
}
