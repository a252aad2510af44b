/// Several fresh processes, one report: how `bench --processes N` (and `bench rejudge`) combines
/// the reports of its processes, by the rules in `configuration.rules` (`ScreeningRules.rowSources`).
extension ThroughputReport {
    /// Why process reports could not be combined (they come from one binary and one command line,
    /// so this means a bug or a tampered file).
    public struct CombineError: Error, CustomStringConvertible {
        public var description: String
    }

    /// One report from the reports of `processes` (in the order run): each row is the row of the
    /// process at the lower median of the process medians among the processes its size's rows may
    /// come from (`rowSources`), with every process's samples beside it; the round logs of every
    /// process are kept, each marked with its process. Relative figures (speedup, roofline) and
    /// max ulp are left to the caller.
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
        for size in combined.resultSizes {
            let sources = combined.rowSources(at: size).sources
            for row in results.indices where results[row].size == size {
                let medians = sources.map { processes[$0].results[row].summary.medianNsPerElement }
                let chosen = sources[ScreeningRules.lowerMedianIndex(medians)]
                var result = processes[chosen].results[row]
                result.maxULP = nil
                result.process = chosen + 1
                result.processes = results[row].processes
                combined.results[row] = result
            }
        }
        return combined
    }
}
