/// Why a report cannot be re-judged: it lacks, or contradicts, the samples and probe readings the
/// rules need. Each description says which row or log and what is wrong.
public struct RejudgeError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

extension ThroughputReport {
    /// The report `bench` would have made from this report's samples and probe readings under
    /// `rules` (with `screened` false, counting every sample): each process's samples judged again
    /// (`ScreeningRules.judge`, with the run's anchor), each row rebuilt from its quiet samples, and
    /// the processes combined again (`combining`). Max ulp and instruction counts are kept; the
    /// relative figures are filled again. For a report this version of bench made, the result under
    /// the rules it records is the report itself.
    ///
    /// The rounds are the ones recorded: a live run under other rules would have stopped at another
    /// round. Cycles are recorded only for the chosen process's quiet samples; any other sample's
    /// cycles are its time at the row's recorded cycles per nanosecond (the timestamp counter's rate).
    public func rejudged(by rules: ScreeningRules, screened: Bool = true) throws -> ThroughputReport {
        // Nothing to re-judge is an input fault, as it is for a comparison, not an empty success.
        guard !results.isEmpty else { throw RejudgeError(description: "the report holds no results") }
        let processCount = configuration.processes ?? 1
        var configuration = self.configuration
        configuration.rules = rules
        if !screened { configuration.screening = nil }
        let processes = try (0..<processCount).map { k in
            try processReport(k, of: processCount, configuration: configuration)
        }
        var report = processCount == 1 ? processes[0]
            : try Self.combining(processes, machine: machine, configuration: configuration)
        for row in report.results.indices {
            report.results[row].maxULP = results[row].maxULP
            report.results[row].instructionsPerElement = results[row].instructionsPerElement
        }
        report.fillRelativeFigures()
        return report
    }

    /// Process `k`'s own report, re-judged: its rows and round logs as that process would have
    /// written them.
    private func processReport(_ k: Int, of processCount: Int, configuration: RunConfiguration) throws -> ThroughputReport {
        var rows: [KernelResult] = []
        var logs: [RoundLog] = []
        for size in resultSizes {
            let pieces = results.filter { $0.size == size }
            let recorded = try pieces.map { try $0.measurement(ofProcess: k, of: processCount) }
            var log = try self.configuration.screening == nil ? nil
                : roundLog(size: size, process: k, of: processCount, pieces: pieces.count)
            let series = try zip(pieces, recorded).enumerated().map { p, piece in
                try piece.0.series(piece.1, quiet: log?.quiet(piece: p), process: k, of: processCount)
            }
            var quiet: [[Bool]?] = series.map { _ in nil }
            if var judged = log, let screening = configuration.screening {
                let rounds = judged.rounds
                let offCPU = judged.offCPUShare.map { shares in
                    (0..<pieces.count).map { p in (0..<rounds).map { shares[$0 * pieces.count + p] } }
                }
                let verdict = configuration.rules.judge(
                    probes: judged.probeNsPerElement, samples: series.map(\.ns), ownTest: pieces.map { $0.function != Self.rooflineFunction },
                    offCPU: offCPU, anchor: screening.anchor)
                judged.quiet = verdict.quiet
                judged.slowdown = verdict.slowdown
                judged.band = verdict.band
                quiet = (0..<pieces.count).map { judged.quiet(piece: $0) }
                log = judged
            } else {
                log = nil
            }
            for (p, piece) in pieces.enumerated() {
                rows.append(KernelResult(function: piece.function, implementation: piece.implementation, isa: piece.isa,
                                         size: size, threads: piece.threads, batch: recorded[p].batch,
                                         nsPerElement: series[p].ns, cyclesPerElement: series[p].cycles, quiet: quiet[p]))
            }
            if var log {
                log.process = nil
                logs.append(log)
            }
        }
        return ThroughputReport(machine: machine, configuration: configuration, results: rows, rounds: logs)
    }

    /// "size 1M" or "size 1M, process 2": where a problem is.
    private func place(_ size: Int, _ k: Int, _ processCount: Int) -> String {
        "size \(Self.sizeLabel(size))" + (processCount > 1 ? ", process \(k + 1)" : "")
    }

    /// Process `k`'s round log at `size`, checked against itself and the size's rows.
    private func roundLog(size: Int, process k: Int, of processCount: Int, pieces: Int) throws -> RoundLog {
        let wanted = processCount > 1 ? k + 1 : nil
        guard let log = rounds.first(where: { $0.size == size && $0.process == wanted }) else {
            throw RejudgeError(description: "\(place(size, k, processCount)): no round log (probe readings) in the report")
        }
        guard log.piecesPerRound == pieces else {
            throw RejudgeError(description: "\(place(size, k, processCount)): the round log has \(log.piecesPerRound) "
                               + "pieces per round, but the report has \(pieces) rows")
        }
        let samples = log.rounds * log.piecesPerRound
        guard log.quiet.count == samples, log.probeNsPerElement.count == samples + 1,
              log.offCPUShare.map({ $0.count == samples }) ?? true else {
            throw RejudgeError(description: "\(place(size, k, processCount)): the round log's \(log.quiet.count) verdicts, "
                               + "\(log.probeNsPerElement.count) probe readings and \(log.offCPUShare?.count ?? 0) off-CPU shares "
                               + "do not fit \(log.rounds) rounds of \(log.piecesPerRound) pieces")
        }
        return log
    }
}

extension KernelResult {
    /// What a report records of one process's measurement of this row.
    fileprivate struct Recorded {
        var batch: Int
        var kept: [Double]
        var rejected: [Double]
        /// The kept samples' cycles, when this process's are the ones recorded.
        var cycles: [Double]?
    }

    fileprivate func measurement(ofProcess k: Int, of processCount: Int) throws -> Recorded {
        guard processCount > 1 else {
            return Recorded(batch: batch, kept: samplesNsPerElement, rejected: rejectedNsPerElement, cycles: samplesCyclesPerElement)
        }
        guard let processes, processes.count == processCount else {
            throw RejudgeError(description: "row \(function)/\(implementation) at size \(ThroughputReport.sizeLabel(size)) has "
                               + "\(processes?.count ?? 0) processes' samples, but the run had \(processCount) processes")
        }
        let measured = processes[k]
        return Recorded(batch: measured.batch, kept: measured.samplesNsPerElement, rejected: measured.rejectedNsPerElement,
                        cycles: process == k + 1 ? samplesCyclesPerElement : nil)
    }

    /// Every sample of `recorded` in the order taken, by the recorded verdicts (`quiet`, nil for an
    /// unscreened run: every sample was kept), with each sample's cycles.
    fileprivate func series(_ recorded: Recorded, quiet: [Bool]?, process k: Int, of processCount: Int) throws
        -> (ns: [Double], cycles: [Double]) {
        let flags = quiet ?? Array(repeating: true, count: recorded.kept.count + recorded.rejected.count)
        // A row with no quiet sample keeps every sample as kept.
        let keptFlags = flags.contains(true) ? flags : Array(repeating: true, count: flags.count)
        guard recorded.kept.count == keptFlags.filter({ $0 }).count,
              recorded.rejected.count == keptFlags.count - recorded.kept.count else {
            throw RejudgeError(description: "row \(function)/\(implementation) at size \(ThroughputReport.sizeLabel(size))"
                               + (processCount > 1 ? ", process \(k + 1)" : "") + ": \(recorded.kept.count) kept and "
                               + "\(recorded.rejected.count) rejected samples, but its round log has \(flags.filter { $0 }.count) "
                               + "quiet of \(flags.count)")
        }
        let rate = summary.medianNsPerElement > 0 ? summary.medianCyclesPerElement / summary.medianNsPerElement : 0
        let keptCycles = recorded.cycles.flatMap { $0.count == recorded.kept.count ? $0 : nil }
        var kept = 0, rejected = 0
        var ns: [Double] = [], cycles: [Double] = []
        for isKept in keptFlags {
            if isKept {
                ns.append(recorded.kept[kept])
                cycles.append(keptCycles?[kept] ?? recorded.kept[kept] * rate)
                kept += 1
            } else {
                ns.append(recorded.rejected[rejected])
                cycles.append(recorded.rejected[rejected] * rate)
                rejected += 1
            }
        }
        return (ns, cycles)
    }
}
