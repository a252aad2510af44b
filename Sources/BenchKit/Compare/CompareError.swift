import Foundation

/// Why two reports cannot be compared. Each description says what was wrong and what to do.
public enum CompareError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// Baselines are per machine (DESIGN §8): times from another CPU say nothing about a change.
    case machineMismatch(baseline: String, current: String)
    /// A result without samples has no interval to judge from (a hand-edited or truncated file).
    case noSamples(kernel: String, side: String)
    /// Not one kernel (function, implementation, size, threads) is in both reports: a comparison would
    /// pass having judged nothing, which a CI job must not mistake for "no regression".
    case nothingInCommon(baseline: String, current: String)

    public var description: String {
        switch self {
        case .machineMismatch(let baseline, let current):
            return "the reports come from different machines (baseline machine key \"\(baseline)\", "
                + "current \"\(current)\"); timings from different CPUs are not comparable. "
                + "Compare against a baseline made on this machine, or pass --force to compare anyway"
        case .noSamples(let kernel, let side):
            return "\(kernel) in the \(side) report has no samples (samples_ns_per_element is empty); "
                + "a comparison needs every sample of both runs"
        case .nothingInCommon(let baseline, let current):
            return "the reports have no kernel in common (baseline: \(baseline); current: \(current)); a kernel is "
                + "compared only at the same function, implementation, size and thread count. Run the current "
                + "report with the baseline's --size and --threads"
        }
    }

    public var errorDescription: String? { description }
}
