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
    /// Per round, the consensus slowdown (`ScreeningRules.judge`); nil where that test did not apply.
    public var slowdown: [Double?]
    /// The probe band the samples were judged by: found in this run's readings, or the anchor.
    public var band: ClosedRange<Double>?
    /// Seconds spent in sampling rounds.
    public var duration: Double
    /// Per sample, in the order taken, the share of its wall time the thread was not running (nil
    /// when not measured: multi-threaded runs, reports made before the off-CPU test).
    public var offCPUShare: [Double]?
    /// In a multi-process run, the process (from 1) this log comes from; nil for one process.
    public var process: Int?

    public init(size: Int, piecesPerRound: Int, probeNsPerElement: [Double], quiet: [Bool], slowdown: [Double?] = [],
                band: ClosedRange<Double>? = nil, duration: Double, offCPUShare: [Double]? = nil) {
        self.band = band
        self.offCPUShare = offCPUShare
        self.slowdown = slowdown
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
        case slowdown = "round_slowdown"
        case band = "quiet_band_ns_per_element"
        case duration = "duration_s"
        case offCPUShare = "off_cpu_share"
        case process
    }
}
