import Foundation

/// Which processes of a multi-process run its rows come from, after the probe's speed states
/// (`usualStateProcesses`): the processes whose kernels ran in the fastest pace that two of them share.
///
/// Why: a process's kernels can run 10-15% slow for its whole life while its probe reads the same band
/// as the other processes'. Pinned runs point at where from (2026-11-24,
/// `results/screening/pinned-cpu-0-vs-1.tar.gz`): one-process runs at 1M alternating `--cpu 0` and
/// `--cpu 1` all read probe bands of 4.42-4.48 ns, but 4 of the 12 runs on vCPU 1 ran every kernel
/// slow (`sigmoid/swift-libm` 14.1 ns against 12.2-12.7, the copy 0.42 against 0.33-0.38) and none
/// of the 12 on vCPU 0 (`replay_screening.py medians FILE`): at times something else shares vCPU 1's core, which slows throughput-bound
/// kernels and memory traffic but not the probe's short latency-bound bursts (each reading is the
/// fastest of three 0.2 ms bursts). A process stays on one vCPU for most of its life, so the slowdown
/// covers the process. In the ten runs of `back-to-back-1M-processes-5-kernel-states.tar.gz`, one or
/// two of the five processes ran their kernels 6.5-13.6% slower in eight runs (`replay_screening.py
/// paces FILE`), and the lower median
/// took the slow level for any kernel a third process was slow for: 5 of 9 pairs more than 5% apart,
/// worst 17.4%; with this rule, 1 of 9, worst 5.1%. Interference only slows, so the fastest pace is
/// the undisturbed one; two processes must share it, so one process's odd state cannot set the figures.
extension ThroughputReport {
    /// The processes (indices into `among`'s values, in order) in the fastest *kernel pace* that at
    /// least two of `among` share; all of `among` when none is shared (or with fewer than three).
    ///
    /// `medians[row][process]` is a kernel's median in each process (rows that are not memory bound:
    /// the copy varies with neighbours' cache use whatever the core does). A process's pace is the
    /// median, over kernels, of its median over the kernel's fastest median among `among` (the fastest,
    /// not the middle: with two paces in an even number of processes the middle falls between them and
    /// spreads the fast ones apart); paces more than `stateSplit` apart are different states, as for
    /// probe bands.
    static func kernelStates(medians: [[Double]], among: [Int]) -> (sources: [Int], pace: [Int: Double]) {
        let rows = medians.filter { row in among.allSatisfy { $0 < row.count && row[$0] > 0 } }
        guard among.count > 2, !rows.isEmpty else { return (among, [:]) }
        var pace: [Int: Double] = [:]
        let fastest = rows.map { row in among.map { row[$0] }.min()! }
        for k in among {
            pace[k] = SampleStatistics(zip(rows, fastest).map { row, best in row[k] / best }).median
        }
        let states = Self.states(among) { pace[$0]! }
        return ((states.first { $0.count >= 2 } ?? among).sorted(), pace)
    }

    /// The processes a size's rows come from: those in the usual probe state (`speedStates`) whose
    /// kernels ran at the fastest shared pace (`kernelStates`), with every usual-state process's pace.
    /// (A run without round logs for the size, unscreened, has every process usual.)
    func rowSources(at size: Int) -> (usual: [Int], sources: [Int], pace: [Int: Double]) {
        let count = results.first { $0.size == size }?.processes?.count ?? 1
        let (logs, band) = speedStates(at: size)
        let usual = logs.count == count ? band : Array(0..<count)
        let medians = results.filter { $0.size == size && $0.function != Self.rooflineFunction }
            .compactMap { $0.processes?.map(\.medianNsPerElement) }
        let (sources, pace) = Self.kernelStates(medians: medians, among: usual)
        return (usual, sources, pace)
    }

    /// One NOTE line per size at which some usual-state processes ran their kernels at another pace
    /// than the processes the rows come from (slower, or a lone faster one), naming them and by how much.
    var kernelStateNotes: [String] {
        resultSizes.compactMap { size in
            let (usual, sources, pace) = rowSources(at: size)
            let others = usual.filter { !sources.contains($0) }
            guard !others.isEmpty else { return nil }
            let base = SampleStatistics(sources.compactMap { pace[$0] }).median
            let logs = rounds.filter { $0.size == size }
            let name = { (k: Int) in "\(k < logs.count ? logs[k].process ?? k + 1 : k + 1)" }
            let described = others.map { k in
                let change = (pace[k] ?? base) / base - 1
                return "process \(name(k)) (\(Self.percent(abs(change))) \(change < 0 ? "faster" : "slower"))"
            }
            let sourceNames = "process\(sources.count > 1 ? "es" : "") \(sources.map(name).joined(separator: ", "))"
            let listed = described.count < 2 ? described.joined()
                : described.dropLast().joined(separator: ", ") + " and " + described.last!
            return "NOTE: size \(Self.sizeLabel(size)): kernels ran at another pace in \(listed) "
                + "than in \(sourceNames) (median over kernels), with the probe reading alike; the rows come from "
                + "\(sourceNames), the fastest pace two processes share."
        }
    }
}
