/// Which processes of a multi-process run a size's rows come from (docs/method.md, "Processes").
///
/// A run measures in several fresh processes because a state that slows a kernel for a whole
/// process is invisible inside it (execution-level variance: Kalibera and Jones, "Rigorous
/// benchmarking in reasonable time", 2013). Each row is the lower median of the processes' medians,
/// among the processes in the usual speed state (`usualStateProcesses`) whose kernels ran at the
/// fastest shared pace (`kernelStates`). Evidence: results/screening/README.md.
extension ScreeningRules {
    /// The processes a size's rows come from, and why.
    public struct RowSources: Equatable, Sendable {
        /// The processes (indices, in order) in the usual speed state.
        public var usual: [Int]
        /// Those of `usual` whose kernels ran at the fastest shared pace: the rows' processes.
        public var sources: [Int]
        /// Every usual-state process's kernel pace (empty when paces were not compared).
        public var pace: [Int: Double]
    }

    /// The processes a size's rows come from. `bands[k]` is process k's probe band (its lower end;
    /// nil for a process without one); with fewer bands than `processes` (an unscreened run) every
    /// process is in the usual state. `medians[row][k]` is a kernel's median in process k, for the
    /// rows that are not memory bound.
    public func rowSources(bands: [Double?], medians: [[Double]], processes: Int) -> RowSources {
        let usual = bands.count == processes ? usualStateProcesses(bands: bands) : Array(0..<processes)
        let (sources, pace) = kernelStates(medians: medians, among: usual)
        return RowSources(usual: usual, sources: sources, pace: pace)
    }

    /// The processes (indices, in order) in the machine's usual speed state, judged by each
    /// process's probe band (its lower end); every process when a band is missing, or when
    /// `selectsSpeedState` is off.
    ///
    /// States are split by `states`; the usual one is the state most processes are in, among those
    /// within `bandReach` of the fastest (as in `quietBand`, so a neighbour's busy spell is never
    /// chosen); of two holding as many, the slower. Why the majority: which of the host's states is
    /// the common one changes by the hour, and a run's majority follows the hour it was made in.
    /// A run with most of its processes in the state the hour is leaving comes out in that state;
    /// the speed-state NOTE names the processes in each.
    public func usualStateProcesses(bands: [Double?]) -> [Int] {
        let known = bands.compactMap { $0 }
        guard selectsSpeedState, known.count == bands.count, let fastest = known.min() else { return Array(bands.indices) }
        let states = states(Array(bands.indices)) { known[$0] }
        let reachable = states.filter { known[$0[0]] <= fastest * (1 + bandReach) }
        let most = reachable.map(\.count).max() ?? 0
        return (reachable.last { $0.count == most } ?? states[0]).sorted()
    }

    /// The processes (indices into `among`'s values, in order) in the fastest *kernel pace* that at
    /// least `paceQuorum` of `among` share; all of `among` when none is shared (or with no more than
    /// `paceQuorum` processes), or when `selectsKernelPace` is off.
    ///
    /// `medians[row][process]` is a kernel's median in each process (rows that are not memory bound:
    /// the copy varies with neighbours' cache use whatever the core does). A process's pace is the
    /// median, over kernels, of its median over the kernel's fastest median among `among` (the
    /// fastest, not the middle: with two paces in an even number of processes the middle falls
    /// between them and spreads the fast ones apart); paces further apart than `stateSplit` are
    /// different states, as for probe bands.
    public func kernelStates(medians: [[Double]], among: [Int]) -> (sources: [Int], pace: [Int: Double]) {
        let rows = medians.filter { row in among.allSatisfy { $0 < row.count && row[$0] > 0 } }
        guard selectsKernelPace, among.count > paceQuorum, !rows.isEmpty else { return (among, [:]) }
        var pace: [Int: Double] = [:]
        let fastest = rows.map { row in among.map { row[$0] }.min()! }
        for k in among {
            pace[k] = SampleStatistics(zip(rows, fastest).map { row, best in row[k] / best }).median
        }
        let states = states(among) { pace[$0]! }
        return ((states.first { $0.count >= paceQuorum } ?? among).sorted(), pace)
    }

    /// `processes` grouped into states, fastest first: sorted by `value` (then index), a new state
    /// starts wherever a value is more than `stateSplit` above the one before it. Shared by the
    /// probe's speed states and the kernels' paces.
    public func states(_ processes: [Int], by value: (Int) -> Double) -> [[Int]] {
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

    /// The index of the lower median of `values`, the ⌈n/2⌉-th smallest (equal values are ordered by
    /// index, so of two equal processes the first is taken). Why the lower median: process states
    /// are rare and large, mostly slow and sometimes fast, so a robust statistic fits; it is the
    /// faster of two and the middle of three, so neither one slow process nor one fast one sets it.
    public static func lowerMedianIndex(_ values: [Double]) -> Int {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        return order[(order.count - 1) / 2]
    }
}
