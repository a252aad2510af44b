/// Every constant of the method in one value: which samples count (screening, `judge`) and which
/// processes a multi-process run's rows come from (selection, `rowSources`). The rules, what each
/// constant buys and the evidence: docs/method.md and results/screening/README.md.
///
/// `standard` is what `bench run` uses; `bench rejudge` re-applies a report's rules, or others, to
/// the samples and probe readings the report keeps. A report records the rules it was judged by
/// (`RunConfiguration.rules`), so its notes are re-derived with the same constants.
public struct ScreeningRules: Sendable, Equatable {
    // MARK: The probe's quiet band (`quietBand`)

    /// Width of the quiet band: readings in [b, b × (1 + quietTolerance)]. Readings above it are a
    /// neighbour's contention; readings below it are the host's faster speed state, kept apart so
    /// that a row's median does not depend on how much of each state a run caught.
    public var quietTolerance: Double
    /// The band starts at most this far above the lowest range holding a real share of the readings,
    /// so a neighbour's busy spell that holds most readings is never taken for the quiet level; the
    /// host's fast state sits closer than this below the usual one, so the usual state still wins
    /// when it is the more common.
    public var bandReach: Double
    /// Share of the readings a range needs to count as a state of the machine (with at least
    /// `bandFloorReadings`): fewer are stray readings, not a state.
    public var bandFloorShare: Double
    public var bandFloorReadings: Int

    // MARK: The round's consensus

    /// A round whose median over pieces of (sample / the piece's reference time) exceeds
    /// 1 + consensusTolerance is dropped whole: contention that flickers between probe readings
    /// still slows most pieces of its round (nil: no consensus test).
    public var consensusTolerance: Double?
    /// Rounds of fewer pieces skip the consensus test: the median would lean on the piece judged.
    public var consensusMinimumPieces: Int
    /// Which percentile of a piece's probe-quiet samples is its reference time for the consensus and
    /// own tests. The lower quartile, not the median: a slowdown the scalar probe does not feel can
    /// cover half a run, and a median reference then sits between the two levels.
    public var referencePercentile: Double

    // MARK: The piece's own test

    /// A sample more than this above its piece's quiet time is dropped: contention that hits one
    /// kernel's units or the memory while the probe reads normal (nil: no own test). The quiet time
    /// is the lower of the reference time and the bottom of the piece's own quiet band, which finds
    /// the floor when most probe-quiet samples of a memory-bound kernel were slowed.
    public var ownTolerance: Double?
    /// Probe-quiet samples a piece needs before its own test applies (a reference time from two or
    /// three samples is one of them).
    public var ownTestMinimumSamples: Int
    /// How far below the probe band a sample's readings may lie for the sample to help find its
    /// piece's own quiet band: twice the band's width, well short of the host's fast state.
    public var ownReach: Double

    // MARK: On the CPU

    /// A sample counts only when its thread was off the CPU for at most this share of its wall time
    /// (the thread's CPU clock): the host taking the vCPU for milliseconds between probe bursts
    /// (nil: no such test; it needs per-sample CPU times, which single-threaded runs have).
    public var offCPUTolerance: Double?

    // MARK: Processes (`rowSources`)

    /// Probe bands, or kernel paces, further apart than this are different states of a process:
    /// twice the quiet band's width, above the spread of one state's process bands.
    public var stateSplit: Double
    /// Whether rows come only from the processes in the speed state most processes were in (by
    /// probe band): the host has a faster state, and a run's rows should not mix states.
    public var selectsSpeedState: Bool
    /// Whether rows come only from the processes at the fastest kernel pace `paceQuorum` of them
    /// share: a process's kernels can all run slow while its probe reads like the others', and
    /// interference only slows, so the fastest shared pace is the undisturbed one.
    public var selectsKernelPace: Bool
    /// Processes that must share a pace for it to set the rows, so one process's odd state cannot.
    public var paceQuorum: Int
    /// Process medians of a row further apart than this (slowest over fastest, among the processes
    /// the rows come from) get a NOTE: the figure is still the lower median.
    public var disagreementTolerance: Double

    /// The rules `bench run` uses.
    public static let standard = ScreeningRules()

    public init(quietTolerance: Double = 0.03, bandReach: Double = 0.25, bandFloorShare: Double = 0.05,
                bandFloorReadings: Int = 3, consensusTolerance: Double? = 0.05, consensusMinimumPieces: Int = 8,
                referencePercentile: Double = 25, ownTolerance: Double? = 0.05, ownTestMinimumSamples: Int = 4,
                ownReach: Double = 0.06, offCPUTolerance: Double? = 0.02, stateSplit: Double = 0.06,
                selectsSpeedState: Bool = true, selectsKernelPace: Bool = true, paceQuorum: Int = 2,
                disagreementTolerance: Double = 0.05) {
        self.quietTolerance = quietTolerance
        self.bandReach = bandReach
        self.bandFloorShare = bandFloorShare
        self.bandFloorReadings = bandFloorReadings
        self.consensusTolerance = consensusTolerance
        self.consensusMinimumPieces = consensusMinimumPieces
        self.referencePercentile = referencePercentile
        self.ownTolerance = ownTolerance
        self.ownTestMinimumSamples = ownTestMinimumSamples
        self.ownReach = ownReach
        self.offCPUTolerance = offCPUTolerance
        self.stateSplit = stateSplit
        self.selectsSpeedState = selectsSpeedState
        self.selectsKernelPace = selectsKernelPace
        self.paceQuorum = paceQuorum
        self.disagreementTolerance = disagreementTolerance
    }
}
