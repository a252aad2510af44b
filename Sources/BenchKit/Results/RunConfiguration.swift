/// How a run was made: enough to repeat it, and the rules its samples and rows were judged by.
public struct RunConfiguration: Codable, Sendable, Equatable {
    public var command: String
    public var sizes: [Int]
    public var threads: Int
    /// Quiet rounds wanted per size (every round counts when `screening` is nil).
    public var samples: Int
    /// Contention screening of rounds, nil when off (`--no-screening`).
    public var screening: Screening?
    /// The rules the samples were screened by and the rows chosen among processes by.
    public var rules: ScreeningRules
    /// The least time one sample lasts, in seconds (the batch is calibrated to reach it).
    public var minSampleTime: Double
    public var seed: UInt64
    public var distribution: String
    public var pinnedCPU: Int?
    public var quick: Bool
    /// True when timing a debug build was forced: such figures are not representative.
    public var forcedDebugTiming: Bool
    public var alpha: Float
    /// Fresh processes each size was measured in (`--processes`); nil means one (and reports
    /// made before the option existed). `samples` and the screening's budget are per process.
    public var processes: Int?
    /// Where the rows' `instructions_per_element` came from (`bench run --counts FILE`), nil without.
    public var countsSource: String?

    public init(command: String, sizes: [Int], threads: Int, samples: Int, minSampleTime: Double, seed: UInt64,
                distribution: String, pinnedCPU: Int?, quick: Bool, forcedDebugTiming: Bool, alpha: Float,
                screening: Screening? = nil, rules: ScreeningRules = .standard, processes: Int? = nil) {
        self.processes = processes
        self.screening = screening
        self.rules = rules
        self.command = command
        self.sizes = sizes
        self.threads = threads
        self.samples = samples
        self.minSampleTime = minSampleTime
        self.seed = seed
        self.distribution = distribution
        self.pinnedCPU = pinnedCPU
        self.quick = quick
        self.forcedDebugTiming = forcedDebugTiming
        self.alpha = alpha
    }

    enum CodingKeys: String, CodingKey {
        case command, sizes, threads, samples, seed, distribution, quick, alpha, screening, processes, rules
        case countsSource = "counts_source"
        case minSampleTime = "min_sample_time_s"
        case pinnedCPU = "pinned_cpu"
        case forcedDebugTiming = "forced_debug_timing"
    }

    /// `screening` holds the budget, the anchor and the four tolerances (as it always has); `rules`
    /// holds the other constants, only those that differ from `ScreeningRules.standard`. A report
    /// without them was judged by the standard's; one without `own_tolerance` / `off_cpu_tolerance`
    /// was screened without those tests.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        command = try c.decode(String.self, forKey: .command)
        sizes = try c.decode([Int].self, forKey: .sizes)
        threads = try c.decode(Int.self, forKey: .threads)
        samples = try c.decode(Int.self, forKey: .samples)
        minSampleTime = try c.decode(Double.self, forKey: .minSampleTime)
        seed = try c.decode(UInt64.self, forKey: .seed)
        distribution = try c.decode(String.self, forKey: .distribution)
        pinnedCPU = try c.decodeIfPresent(Int.self, forKey: .pinnedCPU)
        quick = try c.decode(Bool.self, forKey: .quick)
        forcedDebugTiming = try c.decode(Bool.self, forKey: .forcedDebugTiming)
        alpha = try c.decode(Float.self, forKey: .alpha)
        processes = try c.decodeIfPresent(Int.self, forKey: .processes)
        countsSource = try c.decodeIfPresent(String.self, forKey: .countsSource)
        rules = try c.decodeIfPresent(ScreeningRules.Differences.self, forKey: .rules)?.rules ?? .standard
        let record = try c.decodeIfPresent(ScreeningRecord.self, forKey: .screening)
        screening = record.map { Screening(maxDuration: $0.maxDuration, anchor: $0.anchor) }
        if let record {
            rules.quietTolerance = record.tolerance
            rules.consensusTolerance = record.consensusTolerance
            rules.ownTolerance = record.ownTolerance
            rules.offCPUTolerance = record.offCPUTolerance
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(command, forKey: .command)
        try c.encode(sizes, forKey: .sizes)
        try c.encode(threads, forKey: .threads)
        try c.encode(samples, forKey: .samples)
        try c.encode(minSampleTime, forKey: .minSampleTime)
        try c.encode(seed, forKey: .seed)
        try c.encode(distribution, forKey: .distribution)
        try c.encodeIfPresent(pinnedCPU, forKey: .pinnedCPU)
        try c.encode(quick, forKey: .quick)
        try c.encode(forcedDebugTiming, forKey: .forcedDebugTiming)
        try c.encode(alpha, forKey: .alpha)
        try c.encodeIfPresent(processes, forKey: .processes)
        try c.encodeIfPresent(countsSource, forKey: .countsSource)
        let differences = ScreeningRules.Differences(rules: rules)
        if !differences.isEmpty { try c.encode(differences, forKey: .rules) }
        try c.encodeIfPresent(screening.map {
            ScreeningRecord(tolerance: rules.quietTolerance, consensusTolerance: rules.consensusTolerance,
                            ownTolerance: rules.ownTolerance, offCPUTolerance: rules.offCPUTolerance,
                            maxDuration: $0.maxDuration, anchor: $0.anchor)
        }, forKey: .screening)
    }

    /// The JSON `screening` object.
    private struct ScreeningRecord: Codable {
        var tolerance: Double
        var consensusTolerance: Double?
        var ownTolerance: Double?
        var offCPUTolerance: Double?
        var maxDuration: Double
        var anchor: ClosedRange<Double>?

        enum CodingKeys: String, CodingKey {
            case tolerance
            case consensusTolerance = "consensus_tolerance"
            case ownTolerance = "own_tolerance"
            case offCPUTolerance = "off_cpu_tolerance"
            case maxDuration = "max_duration_s"
            case anchor = "anchor_band_ns_per_element"
        }
    }
}
