/// A report's processes as its rules (`configuration.rules`) sort them: the selection the rows were
/// made by, re-derived from the figures the JSON keeps, so a reloaded report says the same.
extension ThroughputReport {
    /// The sizes this report's round logs cover, in the order first measured.
    var roundSizes: [Int] {
        rounds.reduce(into: [Int]()) { if !$0.contains($1.size) { $0.append($1.size) } }
    }

    /// The sizes this report's rows cover, in the order first measured.
    var resultSizes: [Int] {
        results.reduce(into: [Int]()) { if !$0.contains($1.size) { $0.append($1.size) } }
    }

    /// A size's round logs (one per process) and the indices among them of the processes in the
    /// usual speed state.
    func speedStates(at size: Int) -> (logs: [RoundLog], usual: [Int]) {
        let logs = rounds.filter { $0.size == size }
        return (logs, configuration.rules.usualStateProcesses(bands: logs.map { $0.band?.lowerBound }))
    }

    /// The processes a size's rows come from (`ScreeningRules.rowSources`), from the round logs'
    /// probe bands and the rows' process medians (the copy row left out). A run without round logs
    /// for the size (unscreened) has every process in the usual state.
    func rowSources(at size: Int) -> ScreeningRules.RowSources {
        let count = results.first { $0.size == size }?.processes?.count ?? 1
        let medians = results.filter { $0.size == size && $0.function != Self.rooflineFunction }
            .compactMap { $0.processes?.map(\.medianNsPerElement) }
        let bands = rounds.filter { $0.size == size }.map { $0.band?.lowerBound }
        return configuration.rules.rowSources(bands: bands, medians: medians, processes: count)
    }

    /// The probe's quiet band of this run (of its longest-sampled size), to anchor a later run to:
    /// probe readings are nanoseconds per element of a fixed workload, so they compare across runs
    /// and sizes on one machine. Nil for an unscreened run. Of a multi-process run, only the
    /// processes in the usual speed state count, so a baseline saved from a run partly in the
    /// host's fast state does not anchor later runs to that state.
    public var probeQuietBand: ClosedRange<Double>? {
        let usual = roundSizes.flatMap { size in
            let (logs, usual) = speedStates(at: size)
            return usual.map { logs[$0] }
        }
        guard let log = usual.max(by: { $0.probeNsPerElement.count < $1.probeNsPerElement.count }),
              log.probeNsPerElement.count >= 2 else { return nil }
        return log.band ?? configuration.rules.quietBand(log.probeNsPerElement)
    }
}
