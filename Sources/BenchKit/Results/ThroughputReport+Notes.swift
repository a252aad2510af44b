import Foundation

/// The WARNING and NOTE lines under the table and in Markdown: what the screening and the choice of
/// processes (`ThroughputReport+Selection`, `ScreeningRules`) did, in words.
extension ThroughputReport {
    /// The warnings and notes shown under the table and in Markdown: screening warnings, then
    /// processes in another speed state, then processes whose kernels ran slower, then process
    /// disagreements, then the Python bridge's share.
    var runNotes: [String] { screeningWarnings + speedStateNotes + kernelStateNotes + processDisagreements + bridgeNotes }

    /// The WARNING and NOTE lines the table prints under it: for standard error when the report
    /// itself goes to standard output as JSON or CSV, which have no place for them.
    public var noteLines: [String] {
        runNotes + (configuration.forcedDebugTiming ? [Self.debugTimingWarning] : [])
    }

    static let debugTimingWarning = "WARNING: timed a debug build (forced); these figures are not representative."

    /// One WARNING line per size whose sampling budget ran out before every kernel had `samples`
    /// quiet samples. With several processes the line counts the processes that ran out and names
    /// the one with the fewest; the JSON's `rounds` has each. "High or low": on a busy machine the
    /// kept samples can lean either way, since a state the probe does not feel can also be a fast one.
    var screeningWarnings: [String] {
        guard let screening = configuration.screening else { return [] }
        let wanted = configuration.samples
        let seconds = screening.maxDuration
        let budget = seconds >= 10 || seconds == seconds.rounded() ? String(format: "%.0f", seconds) : String(format: "%.2g", seconds)
        return roundSizes.compactMap { size in
            let logs = rounds.filter { $0.size == size }
            let short = logs.filter { $0.quietCount < wanted }
            guard let worst = short.min(by: { $0.quietCount < $1.quietCount }) else { return nil }
            let what = worst.process == nil
                ? "a kernel got only \(worst.quietCount) quiet samples in \(worst.rounds) rounds, "
                    + "\(String(format: "%.1f", worst.duration)) s of sampling (\(wanted) wanted; sampling stops at \(budget) s once \(wanted) rounds are done)"
                : "\(short.count) of \(logs.count) processes ran out of their \(budget) s before every kernel had \(wanted) "
                    + "quiet samples (fewest: \(worst.quietCount) in \(worst.rounds) rounds, process \(worst.process ?? 1))"
            return "WARNING: size \(Self.sizeLabel(size)): \(what); the machine was busy and these medians may be more than 5% off, high or low"
                + (worst.quietCount == 0 ? " (a kernel with no quiet sample is summarised from all its samples)." : ".")
        }
    }

    /// "had no quiet sample for tanh/swift-simd16 at 256K" (naming up to three; "some kernel" when
    /// the logs do not fit the rows) when a screened run left a row with no quiet sample at all in
    /// the process its figures come from, so that they were made from samples a busy machine slowed;
    /// nil otherwise. (A process whose figures no row kept does not count; a kernel with a few quiet
    /// samples is still measured in the quiet state, its wider bootstrap interval carrying the
    /// uncertainty.) When most of that log's probe readings sat *below* its band (an anchored run
    /// made in the host's faster speed state), it says so instead of blaming a busy machine.
    public var unscreenedRows: String? {
        guard configuration.screening != nil else { return nil }
        for size in roundSizes {
            guard let anyLog = rounds.first(where: { $0.size == size && $0.quietCount == 0 }) else { continue }
            let rows = rowsWithoutQuietSample(at: size)
            if let rows, rows.isEmpty { continue }
            let log = rows?.first.flatMap { row in rounds.first { $0.size == size && $0.process == row.process } } ?? anyLog
            let names = (rows ?? []).map { "\($0.function)/\($0.implementation)" }
            let who = names.isEmpty ? "some kernel"
                : names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
            let at = "had no quiet sample for \(who) at \(Self.sizeLabel(size))"
            if let band = log.band, !log.probeNsPerElement.isEmpty,
               case let median = SampleStatistics(log.probeNsPerElement).median, median < band.lowerBound {
                return at + ", the machine running faster than the band it was screened against (probe median "
                    + "\(Self.threeDigits(median)) ns against "
                    + "\(Self.threeDigits(band.lowerBound))-\(Self.threeDigits(band.upperBound))): another speed state"
            }
            return at + ", so its figures come from a busy machine"
        }
        return nil
    }

    /// The rows at `size` that got no quiet sample in the process their figures come from (its
    /// round log; a size's rows are its pieces in the order measured, the copy first, as re-judging
    /// reads them); nil when the logs do not fit the rows (a hand-edited report).
    func rowsWithoutQuietSample(at size: Int) -> [KernelResult]? {
        let rows = results.filter { $0.size == size }
        guard !rows.isEmpty else { return nil }
        var found: [KernelResult] = []
        for (piece, row) in rows.enumerated() {
            guard let log = rounds.first(where: { $0.size == size && $0.process == row.process }),
                  log.piecesPerRound == rows.count else { return nil }
            if !log.quiet(piece: piece).contains(true) { found.append(row) }
        }
        return found
    }

    /// One NOTE line per size at which some processes ran in another speed state of the machine than
    /// the ones the rows come from, naming them and their probe bands.
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

    /// One NOTE line per size at which some usual-state processes ran their kernels at another pace
    /// than the processes the rows come from (slower, or a lone faster one), naming them and by how much.
    var kernelStateNotes: [String] {
        resultSizes.compactMap { size in
            let selection = rowSources(at: size)
            let (sources, pace) = (selection.sources, selection.pace)
            let others = selection.usual.filter { !sources.contains($0) }
            guard !others.isEmpty else { return nil }
            let base = SampleStatistics(sources.compactMap { pace[$0] }).median
            let logs = rounds.filter { $0.size == size }
            let name = { (k: Int) in "\(k < logs.count ? logs[k].process ?? k + 1 : k + 1)" }
            let described = others.map { k in
                let change = (pace[k] ?? base) / base - 1
                return "process \(name(k)) (\(Self.percent(abs(change))) \(change < 0 ? "faster" : "slower"))"
            }
            let sourceNames = "process\(sources.count > 1 ? "es" : "") \(sources.map(name).joined(separator: ", "))"
            let quorum = configuration.rules.paceQuorum
            let listed = described.count < 2 ? described.joined()
                : described.dropLast().joined(separator: ", ") + " and " + described.last!
            return "NOTE: size \(Self.sizeLabel(size)): kernels ran at another pace in \(listed) "
                + "than in \(sourceNames) (median over kernels), with the probe reading alike; the rows come from "
                + "\(sourceNames), the fastest pace \(quorum == 2 ? "two" : "\(quorum)") processes share."
        }
    }

    /// One NOTE line per size at which some kernel's process medians (among the processes the rows
    /// come from; the others are the notes above) differ by more than the rules'
    /// `disagreementTolerance`, naming the worst: the figure is still the lower median, but the
    /// reader should know the processes disagreed. The copy row is left out: it is memory bound and
    /// spreads 5-10% with nothing interfering, so it would be noted every run.
    var processDisagreements: [String] {
        let tolerance = configuration.rules.disagreementTolerance
        return resultSizes.compactMap { size in
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

extension ThroughputReport {
    /// One NOTE per size whose rows have Python peers beside the bridge's round trip alone
    /// (`py-noop`, `--peer-noop`) for the same function: every Python row's time includes that
    /// round trip, which the host sets (docs/python-peers.md), so the note gives its share of those
    /// rows, from the least to the most, and names the row it weighs on most.
    var bridgeNotes: [String] {
        resultSizes.compactMap { size in
            let rows = results.filter { $0.size == size }
            var roundTrip: [String: Double] = [:]
            for row in rows where row.implementation == PythonPeers.noopImplementation {
                roundTrip[row.function] = row.summary.medianNsPerElement
            }
            let shares = rows.compactMap { row -> (share: Double, id: String)? in
                guard PythonPeers.names(row.implementation), row.implementation != PythonPeers.noopImplementation,
                      let trip = roundTrip[row.function], row.summary.medianNsPerElement > 0 else { return nil }
                return (trip / row.summary.medianNsPerElement, "\(row.function)/\(row.implementation)")
            }
            guard let least = shares.map(\.share).min(), let most = shares.max(by: { $0.share < $1.share }) else { return nil }
            func percent(_ share: Double) -> String { String(format: "%.1f", 100 * share) }
            let range = (shares.count == 1 ? "" : percent(least) + "-") + percent(most.share) + "%"
            return "NOTE: size \(Self.sizeLabel(size)): the Python bridge's round trip (\(PythonPeers.noopImplementation)) is \(range) of the Python "
                + "rows' times (most: \(most.id)); each Python row includes it."
        }
    }
}
