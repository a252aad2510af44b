import SwiftKernels

/// Every float input (all 2^32 bit patterns, or those inside a domain) through every selected
/// activation kernel, on `ExhaustiveSweep`: one group per function, its `DoubleReference` computed
/// once per input and fed to every kernel of that function.
public struct ExhaustiveRun: Sendable {
    public let kernels: [Kernel]
    public let alpha: Float
    /// Inclusive range of bit patterns to visit.
    public let patterns: ClosedRange<UInt32>
    /// Only inputs inside this closed domain count (nil: every input, NaNs and infinities included).
    public let domain: ClosedRange<Float>?

    public init(kernels: [Kernel], alpha: Float = 1, patterns: ClosedRange<UInt32> = 0...UInt32.max,
                domain: ClosedRange<Float>? = nil) {
        self.kernels = kernels.filter(\.isAvailable)
        self.alpha = alpha
        self.patterns = patterns
        self.domain = domain
    }

    public struct Outcome: Sendable {
        /// By kernel id.
        public var stats: [String: AccuracyStats]
        /// Inputs whose reference MPFR settled because the Double value sat next to a midpoint.
        public var settledByMPFR: Int
        /// Inputs each kernel saw.
        public var inputsVisited: Int
        public var seconds: Double
    }

    /// Runs the sweep; `progress(done, total)` is called as chunks finish (from worker threads).
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) -> Outcome {
        let parameters = KernelParameters(alpha: alpha)
        let functions = ActivationFunction.allCases.filter { f in kernels.contains { $0.function == f } }
        let members = functions.map { f in kernels.filter { $0.function == f } }
        let groups = zip(functions, members).map { function, kernels in
            ExhaustiveSweep.Group(reference: DoubleReference(.activation(function), alpha: alpha), domain: domain,
                                  kernels: kernels.map { kernel in { kernel.run($0, $1, count: $2, parameters: parameters) } })
        }
        let outcome = ExhaustiveSweep(groups: groups, patterns: patterns).run(progress: progress)
        var stats: [String: AccuracyStats] = [:]
        for (kernels, figures) in zip(members, outcome.stats) {
            for (kernel, s) in zip(kernels, figures) { stats[kernel.id] = s }
        }
        return Outcome(stats: stats, settledByMPFR: outcome.settledByMPFR.reduce(0, +),
                       inputsVisited: outcome.inputsVisited.first ?? 0, seconds: outcome.seconds)
    }
}
