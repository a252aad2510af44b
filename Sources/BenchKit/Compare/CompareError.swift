import Foundation

/// Why two reports cannot be compared. Each description says what was wrong and what to do.
public enum CompareError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// Baselines are per machine (docs/method.md): times from another CPU say nothing about a change.
    case machineMismatch(baseline: String, current: String)
    /// A result without samples has no interval to judge from (a hand-edited or truncated file).
    case noSamples(kernel: String, side: String)
    /// Not one kernel (function, implementation, size, threads) other than the copy reference is in
    /// both reports (also when a report holds none): a comparison would pass having judged nothing,
    /// which a CI job must not mistake for "no regression".
    case nothingInCommon(baseline: String, current: String)
    /// A report lists one kernel (function, implementation, size, threads) twice: which of its rows
    /// to judge is ambiguous (a hand-merged or edited file).
    case duplicateKernel(kernel: String, side: String)
    /// Count baselines are per toolchain: another compiler, target CPU, valgrind or library
    /// executes other instructions, so a difference would say nothing about a change.
    case toolchainMismatch(baseline: String, current: String)
    /// One report holds times, the other instruction counts: nothing to compare.
    case measureMismatch(baseline: ReportMeasure, current: ReportMeasure)

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
                + "report with the baseline's kernels, --size and --threads"
        case .duplicateKernel(let kernel, let side):
            return "\(kernel) appears more than once in the \(side) report; a report holds one row per function, "
                + "implementation, size and thread count"
        case .toolchainMismatch(let baseline, let current):
            return "the count reports come from different toolchains (baseline \"\(baseline)\", current \"\(current)\"); "
                + "instruction counts from another compiler, target CPU, valgrind or library differ for that reason alone. "
                + "Compare against a count baseline of this toolchain, or pass --force to compare anyway"
        case .measureMismatch(let baseline, let current):
            func what(_ m: ReportMeasure) -> String { m == .instructions ? "instruction counts (bench count)" : "timings (bench run)" }
            return "the baseline holds \(what(baseline)) and the current report \(what(current)); "
                + "compare counts with counts and timings with timings"
        }
    }

    public var errorDescription: String? { description }
}

extension CompareError {
    /// A report's rows by kernel, refusing a kernel listed twice (`duplicateKernel`, naming `side`):
    /// which of two rows to judge would be arbitrary.
    static func index<Row>(_ rows: [Row], side: String, key: (Row) -> KernelKey) throws(CompareError) -> [KernelKey: Row] {
        var index: [KernelKey: Row] = [:]
        for row in rows where index.updateValue(row, forKey: key(row)) != nil {
            throw .duplicateKernel(kernel: key(row).label, side: side)
        }
        return index
    }
}
