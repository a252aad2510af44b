import Foundation

/// Several fresh processes, one report: how `bench --processes N` combines its processes.
///
/// Why processes: on this shared 2-core VM, a kernel sometimes runs 10-60% slow for the whole
/// life of one process while the contention probe, its thread's CPU time and every other kernel in
/// the same interleaved rounds read normal (results/screening/README.md, the on-CPU series). Such a
/// state belongs to the process, not to the moment, so no screening inside the process can see it;
/// a second process does not share it. Kalibera and Jones ("Rigorous benchmarking in reasonable
/// time", 2013) call this execution-level variance and measure over several executions for it.
///
/// Why the lower median: the process-level states seen here are rare and large, mostly slow (up to
/// 60%) and sometimes fast (a process caught in the host's fast state, 17% fast on every kernel),
/// so a robust statistic fits better than a mean. Sorted by median, process ⌈N/2⌉ (the lower
/// median) is the minimum for two processes and the middle for three: one slow process in two or
/// three does not move the figure, and with three or more a process that happened to be fast does
/// not set it either. Measured: results/screening/README.md, "Three processes per run".
extension ThroughputReport {
    /// Why process reports could not be combined (they come from one binary and one command line,
    /// so this means a bug or a tampered file).
    public struct CombineError: Error, CustomStringConvertible {
        public var description: String
    }

    /// One report from the reports of `processes` (in the order run): each row is the row of the
    /// process at the lower median of the process medians, with every process's samples beside it;
    /// the round logs of every process are kept, each marked with its process. Relative figures
    /// (speedup, roofline) and max ulp are left to the caller.
    public static func combining(_ processes: [ThroughputReport], machine: MachineInfo,
                                 configuration: RunConfiguration) throws -> ThroughputReport {
        guard let first = processes.first else { throw CombineError(description: "no process reports to combine") }
        let ids = first.results.map(\.id)
        for (k, report) in processes.enumerated() where report.results.map(\.id) != ids {
            throw CombineError(description: "process \(k + 1) measured other kernels than process 1")
        }
        let results = ids.indices.map { row in
            let rows = processes.map { $0.results[row] }
            let medians = rows.map(\.summary.medianNsPerElement)
            let chosen = lowerMedianIndex(medians)
            var result = rows[chosen]
            result.maxULP = nil
            result.process = chosen + 1
            result.processes = rows.map {
                KernelResult.ProcessMeasurement(medianNsPerElement: $0.summary.medianNsPerElement, batch: $0.batch,
                                                samplesNsPerElement: $0.samplesNsPerElement,
                                                rejectedNsPerElement: $0.rejectedNsPerElement)
            }
            return result
        }
        let rounds = processes.enumerated().flatMap { k, report in
            report.rounds.map { log in
                var log = log
                log.process = k + 1
                return log
            }
        }
        return ThroughputReport(machine: machine, configuration: configuration, results: results, rounds: rounds)
    }

    /// The index of the lower median of `values`, the ⌈n/2⌉-th smallest (equal values are ordered
    /// by index, so of two equal processes the first is taken).
    static func lowerMedianIndex(_ values: [Double]) -> Int {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        return order[(order.count - 1) / 2]
    }

    /// One NOTE line per size at which some kernel's process medians differ by more than the round
    /// tolerance (the slowest over the fastest), naming the worst: the figure is still the lower
    /// median, but the reader should know the processes disagreed. The copy row is left out: it is
    /// memory bound and spreads 5-10% with nothing interfering, so it would be noted every run.
    var processDisagreements: [String] {
        let tolerance = configuration.screening?.consensusTolerance ?? 0.05
        let sizes = results.reduce(into: [Int]()) { if !$0.contains($1.size) { $0.append($1.size) } }
        return sizes.compactMap { size in
            let spread = results.filter { $0.size == size && $0.function != Self.rooflineFunction }.compactMap { row -> (KernelResult, Double)? in
                guard let medians = row.processes?.map(\.medianNsPerElement), let lo = medians.min(),
                      let hi = medians.max(), lo > 0 else { return nil }
                return (row, hi / lo - 1)
            }
            let apart = spread.filter { $0.1 > tolerance }
            guard let (worst, by) = apart.max(by: { $0.1 < $1.1 }) else { return nil }
            let medians = worst.processes?.map { Self.threeDigits($0.medianNsPerElement) }.joined(separator: ", ") ?? ""
            return "NOTE: size \(Self.sizeLabel(size)): \(apart.count) of \(spread.count) rows' process medians differ by "
                + "more than \(Self.percent(tolerance)); worst \(worst.function)/\(worst.implementation), "
                + "\(Self.percent(by)) (\(medians) ns/elem); each row shows the lower median of its processes."
        }
    }
}
