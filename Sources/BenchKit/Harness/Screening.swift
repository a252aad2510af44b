/// A screened run's settings beyond its rules (`ScreeningRules`): how long it may sample, and the
/// band it is held to. Nil in a `Harness` or a `RunConfiguration`: every sample counts.
public struct Screening: Sendable, Equatable {
    /// Most seconds of sampling rounds, however few quiet samples there are by then (the report then
    /// says how few it got).
    public var maxDuration: Double
    /// A quiet band fixed in advance (from a baseline run on this machine, `--baseline` /
    /// `--anchor-baseline`) instead of found in this run's readings: a run spent entirely in a
    /// neighbour's busy spell would find that spell as its densest band and measure it; anchored,
    /// it keeps sampling for the baseline's state and says so when it cannot reach it.
    public var anchor: ClosedRange<Double>?

    public init(maxDuration: Double = 60, anchor: ClosedRange<Double>? = nil) {
        self.maxDuration = maxDuration
        self.anchor = anchor
    }
}
