import Foundation

/// Why two reports cannot be compared. Each description says what was wrong and what to do.
public enum CompareError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// Baselines are per machine (DESIGN §8): times from another CPU say nothing about a change.
    case machineMismatch(baseline: String, current: String)
    /// A result without samples has no interval to judge from (a hand-edited or truncated file).
    case noSamples(kernel: String, side: String)

    public var description: String {
        switch self {
        case .machineMismatch(let baseline, let current):
            return "the reports come from different machines (baseline machine key \"\(baseline)\", "
                + "current \"\(current)\"); timings from different CPUs are not comparable. "
                + "Compare against a baseline made on this machine, or pass --force to compare anyway"
        case .noSamples(let kernel, let side):
            return "\(kernel) in the \(side) report has no samples (samples_ns_per_element is empty); "
                + "a comparison needs every sample of both runs"
        }
    }

    public var errorDescription: String? { description }
}
