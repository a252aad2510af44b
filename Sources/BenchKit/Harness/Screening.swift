/// How the harness keeps samples a busy neighbour slowed out of the figures, and how long it may
/// sample to get enough clean ones.
///
/// A `ContentionProbe` reading is taken before every sample and after the last, so each sample is
/// bracketed by two. A sample is *quiet* when both readings are within `tolerance` of the quietest
/// reading of the run; only quiet samples make the medians, the others are kept in the report as
/// rejected. Bracketing each sample, not each round, matters: on the machines measured, contention
/// comes and goes within a fraction of a second, so one reading per round (~0.7 s) hardly predicts
/// the samples after it. Rounds go on until every piece has `samples` quiet samples, or until
/// `maxDuration` has passed (the report then says how few quiet samples it got). The reference is the
/// run's own quietest reading, so a run spent entirely under a neighbour's load cannot tell.
///
/// The defaults were chosen on a 2-core shared VM (README, "Method"): replaying a 538-round
/// recording as back-to-back 21-sample runs, unscreened runs disagreed by more than 5% on some kernel
/// in 11 of 24 pairs (worst 37%); screened at 3%, 0 of 9 (worst 3.3%), at ~37 s of sampling each.
public struct Screening: Codable, Sendable, Equatable {
    /// A sample is quiet when both readings around it are at most (1 + tolerance) × the quietest.
    public var tolerance: Double
    /// Most seconds of sampling rounds, however few quiet samples there are by then.
    public var maxDuration: Double

    public init(tolerance: Double = 0.03, maxDuration: Double = 60) {
        self.tolerance = tolerance
        self.maxDuration = maxDuration
    }

    enum CodingKeys: String, CodingKey {
        case tolerance
        case maxDuration = "max_duration_s"
    }

    /// Which samples are quiet, given the probe readings around them: `probes[k]` was read just
    /// before sample k and `probes[k + 1]` just after, so there is one sample fewer than readings.
    public func quietSamples(probes: [Double]) -> [Bool] {
        guard probes.count >= 2, let reference = probes.min() else { return [] }
        let limit = reference * (1 + tolerance)
        return (0..<(probes.count - 1)).map { probes[$0] <= limit && probes[$0 + 1] <= limit }
    }
}

/// The probe readings of one interleaved measurement and which samples counted.
public struct RoundLog: Codable, Sendable, Equatable {
    /// Elements per call of the measured pieces (the run's size).
    public var size: Int
    /// Pieces measured in each round: samples are taken round by round, piece by piece, so sample k
    /// belongs to piece k % piecesPerRound.
    public var piecesPerRound: Int
    /// The probe's nanoseconds per element before each sample, in the order taken, and after the last.
    public var probeNsPerElement: [Double]
    /// Whether each sample, in the order taken, was quiet (made the figures).
    public var quiet: [Bool]
    /// Seconds spent in sampling rounds.
    public var duration: Double

    public init(size: Int, piecesPerRound: Int, probeNsPerElement: [Double], quiet: [Bool], duration: Double) {
        self.size = size
        self.piecesPerRound = piecesPerRound
        self.probeNsPerElement = probeNsPerElement
        self.quiet = quiet
        self.duration = duration
    }

    public var rounds: Int { piecesPerRound > 0 ? quiet.count / piecesPerRound : 0 }
    /// Quiet samples of the piece with fewest.
    public var quietCount: Int { Self.fewestQuiet(quiet, piecesPerRound: piecesPerRound) }
    /// Samples rejected, over all pieces.
    public var rejectedCount: Int { quiet.lazy.filter { !$0 }.count }

    /// Piece `piece`'s quiet flags, one per round.
    public func quiet(piece: Int) -> [Bool] {
        stride(from: piece, to: quiet.count, by: Swift.max(piecesPerRound, 1)).map { quiet[$0] }
    }

    static func fewestQuiet(_ quiet: [Bool], piecesPerRound: Int) -> Int {
        guard piecesPerRound > 0 else { return 0 }
        var counts = [Int](repeating: 0, count: piecesPerRound)
        for (k, q) in quiet.enumerated() where q { counts[k % piecesPerRound] += 1 }
        return counts.min() ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case size
        case piecesPerRound = "pieces_per_round"
        case probeNsPerElement = "probe_ns_per_element"
        case quiet
        case duration = "duration_s"
    }
}
