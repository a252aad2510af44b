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
/// not set it either. Measured: results/screening/README.md, "Three processes per run" and the
/// 2026-11-24 section (five processes).
///
/// Why only the processes in the usual speed state: a whole process, or several, can sit in the
/// host's faster state (every kernel 15-18% fast), and the lower median would then take it
/// (`usualStateProcesses`). And of those, only the processes whose kernels ran at the fastest pace
/// two of them share: a process can run every kernel 10-15% slow while its probe reads like the
/// others' (`kernelStates`, ThroughputReport+KernelStates.swift).
extension ThroughputReport {
    /// Why process reports could not be combined (they come from one binary and one command line,
    /// so this means a bug or a tampered file).
    public struct CombineError: Error, CustomStringConvertible {
        public var description: String
    }

    /// One report from the reports of `processes` (in the order run): each row is the row of the
    /// process at the lower median of the process medians among the processes its size's rows may
    /// come from (`rowSources`), with every process's samples beside it;
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
            var result = processes[0].results[row]
            result.maxULP = nil
            result.processes = processes.map {
                let measured = $0.results[row]
                return KernelResult.ProcessMeasurement(medianNsPerElement: measured.summary.medianNsPerElement,
                                                       batch: measured.batch, samplesNsPerElement: measured.samplesNsPerElement,
                                                       rejectedNsPerElement: measured.rejectedNsPerElement)
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
        var combined = ThroughputReport(machine: machine, configuration: configuration, results: results, rounds: rounds)
        // Each row from the lower median of the processes its size's rows may come from (`rowSources`).
        for size in combined.resultSizes {
            let sources = combined.rowSources(at: size).sources
            for row in results.indices where results[row].size == size {
                let medians = sources.map { processes[$0].results[row].summary.medianNsPerElement }
                let chosen = sources[lowerMedianIndex(medians)]
                var result = processes[chosen].results[row]
                result.maxULP = nil
                result.process = chosen + 1
                result.processes = results[row].processes
                combined.results[row] = result
            }
        }
        return combined
    }

    /// The processes (indices, in order) a size's rows may come from: those in the machine's usual
    /// speed state, judged by each process's probe band (`bands`, its lower end; nil for a process
    /// without one, and then every process counts).
    ///
    /// Processes fall into speed states where their bands differ by more than `stateSplit`; the
    /// usual state is the one most processes are in, among those within `Screening.bandReach` of the
    /// fastest (as in `Screening.quietBand`, so a neighbour's busy spell is never chosen); of two
    /// holding as many, the slower. Why: the host has a faster state, probe and every kernel 15-18%
    /// fast (probe 4.4-4.5 ns against 5.1-5.5), and which state is the common one changes by the hour.
    /// In the runs kept up to 2026-11-24 02:11 UTC it was rare (28 of 462 process bands), though it
    /// held processes 2-5 of run 09 of the five-process series, which then read 12-14% fast against
    /// its neighbours; from 02:39 to 03:19 it was the common state
    /// (98 of 100 bands in twenty runs), and a rule that took the slower state whenever there was
    /// one (bench from 9abb134 to 81753cd) gave two of ten runs the rows of their one usual-state
    /// process, 16-19% slow against their neighbours (series processes-5-fast-hour). The majority
    /// follows the state the hour is in: a run has to have most of its processes in the other state
    /// to come out in it. That still happens (run 09 above: re-judged with this rule it reads fast
    /// again), and nothing inside one run tells it from a run in an hour of the fast state; the
    /// speed-state NOTE says which processes were in which state. Counted over every series kept:
    /// `replay_screening.py bands results/screening/*.tar.gz`.
    static func usualStateProcesses(bands: [Double?]) -> [Int] {
        let known = bands.compactMap { $0 }
        guard known.count == bands.count, let fastest = known.min() else { return Array(bands.indices) }
        let states = Self.states(Array(bands.indices)) { known[$0] }
        let reachable = states.filter { known[$0[0]] <= fastest * (1 + Screening.bandReach) }
        let most = reachable.map(\.count).max() ?? 0
        return (reachable.last { $0.count == most } ?? states[0]).sorted()
    }

    /// Probe bands further apart than this are different speed states (`usualStateProcesses`):
    /// twice the band's width. Within a state, process bands spread up to 3.5% in the runs recorded.
    static let stateSplit = 0.06

    /// `processes` grouped into states, fastest first: sorted by `value` (then index), a new state
    /// starts wherever a value is more than `stateSplit` above the one before it. Shared by the probe's
    /// speed states and the kernels' paces (`kernelStates`).
    static func states(_ processes: [Int], by value: (Int) -> Double) -> [[Int]] {
        var states: [[Int]] = []
        for k in processes.sorted(by: { (value($0), $0) < (value($1), $1) }) {
            if let last = states.last?.last, value(k) <= value(last) * (1 + stateSplit) {
                states[states.count - 1].append(k)
            } else {
                states.append([k])
            }
        }
        return states
    }

    /// The sizes this report's round logs cover, in the order first measured.
    var roundSizes: [Int] {
        rounds.reduce(into: [Int]()) { if !$0.contains($1.size) { $0.append($1.size) } }
    }

    /// The sizes this report's rows cover, in the order first measured.
    var resultSizes: [Int] {
        results.reduce(into: [Int]()) { if !$0.contains($1.size) { $0.append($1.size) } }
    }

    /// A size's round logs (one per process) and the indices among them of the processes in the
    /// usual speed state: the processes its rows may come from.
    func speedStates(at size: Int) -> (logs: [RoundLog], usual: [Int]) {
        let logs = rounds.filter { $0.size == size }
        return (logs, Self.usualStateProcesses(bands: logs.map { $0.band?.lowerBound }))
    }

    /// The index of the lower median of `values`, the ⌈n/2⌉-th smallest (equal values are ordered
    /// by index, so of two equal processes the first is taken).
    static func lowerMedianIndex(_ values: [Double]) -> Int {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        return order[(order.count - 1) / 2]
    }

    /// One NOTE line per size at which some processes ran in another speed state of the machine than
    /// the ones the rows come from (`usualStateProcesses`), naming them and their probe bands.
    var speedStateNotes: [String] {
        roundSizes.compactMap { size in
            let (logs, usual) = speedStates(at: size)
            guard usual.count < logs.count else { return nil }
            let other = logs.indices.filter { !usual.contains($0) }
            func describe(_ indices: [Int]) -> (names: String, bands: String) {
                let bands = indices.compactMap { logs[$0].band?.lowerBound }
                let low = Self.threeDigits(bands.min() ?? 0), high = Self.threeDigits(bands.max() ?? 0)
                return (indices.map { "\(logs[$0].process ?? $0 + 1)" }.joined(separator: ", "), low == high ? low : "\(low)-\(high)")
            }
            let (otherNames, otherBands) = describe(other), (usualNames, usualBands) = describe(usual)
            return "NOTE: size \(Self.sizeLabel(size)): process\(other.count > 1 ? "es" : "") \(otherNames) ran in another speed "
                + "state of the machine (probe band \(otherBands) ns, against \(usualBands) ns); the rows come from "
                + "process\(usual.count > 1 ? "es" : "") \(usualNames)."
        }
    }

    /// One NOTE line per size at which some kernel's process medians differ by more than the round
    /// tolerance (the slowest over the fastest), naming the worst: the figure is still the lower
    /// median, but the reader should know the processes disagreed. The copy row is left out: it is
    /// memory bound and spreads 5-10% with nothing interfering, so it would be noted every run.
    var processDisagreements: [String] {
        let tolerance = configuration.screening?.consensusTolerance ?? 0.05
        return resultSizes.compactMap { size in
            // Only the processes the rows may come from: the others are the speed-state NOTEs'.
            let sources = rowSources(at: size).sources
            let counted = { (k: Int) in sources.contains(k) }
            let spread = results.filter { $0.size == size && $0.function != Self.rooflineFunction }.compactMap { row -> (KernelResult, Double)? in
                guard let medians = row.processes?.enumerated().filter({ counted($0.offset) }).map(\.element.medianNsPerElement),
                      let lo = medians.min(), let hi = medians.max(), lo > 0 else { return nil }
                return (row, hi / lo - 1)
            }
            let apart = spread.filter { $0.1 > tolerance }
            guard let (worst, by) = apart.max(by: { $0.1 < $1.1 }) else { return nil }
            let medians = worst.processes?.enumerated().filter { counted($0.offset) }
                .map { Self.threeDigits($0.element.medianNsPerElement) }.joined(separator: ", ") ?? ""
            return "NOTE: size \(Self.sizeLabel(size)): \(apart.count) of \(spread.count) rows' process medians differ by "
                + "more than \(Self.percent(tolerance)); worst \(worst.function)/\(worst.implementation), "
                + "\(Self.percent(by)) (\(medians) ns/elem); each row shows the lower median of its processes."
        }
    }
}
