import Dispatch

/// Times pieces of work: warm-up, a batch calibrated so one sample lasts at least `minSampleTime`,
/// then `samples` samples (docs/method.md).
///
/// Several pieces are measured *interleaved*: every piece is calibrated first, then each round takes
/// one sample of every piece in turn. A neighbour's job or a frequency change that lasts a few
/// seconds then lands on every kernel's samples alike instead of on whichever kernel ran during it,
/// which keeps the ratios within a run, and medians across runs, steadier on a shared machine.
public struct Harness: Sendable {
    public var samples: Int
    /// Least duration of one sample, in seconds: far above the clock's resolution and a timer tick.
    public var minSampleTime: Double
    /// How long to run before measuring (caches, page faults on the output, CPU frequency).
    public var warmupTime: Double
    /// Threads the work is split across, in contiguous chunks.
    public var threads: Int
    /// Contention screening of rounds (budget and anchor); nil takes every round as it comes.
    public var screening: Screening?
    /// The rules screening judges samples by.
    public var rules: ScreeningRules
    /// Where probe readings come from: `ContentionProbe` unless a test supplies a script.
    var probeReadings: (@Sendable () -> () -> Double)? = nil

    public init(samples: Int = 21, minSampleTime: Double = 0.02, warmupTime: Double = 0.05, threads: Int = 1,
                screening: Screening? = nil, rules: ScreeningRules = .standard) {
        self.screening = screening
        self.rules = rules
        self.samples = samples
        self.minSampleTime = minSampleTime
        self.warmupTime = warmupTime
        self.threads = threads
    }

    /// One measured piece of work.
    public struct Measurement: Sendable {
        public var batch: Int
        public var nsPerElement: [Double]
        public var cyclesPerElement: [Double]
    }

    /// A piece of work over `count` elements. `work(range)` must process exactly those elements;
    /// with several threads each gets one contiguous range per call.
    public struct Work: Sendable {
        public var count: Int
        /// Whether screening's own test applies (`ScreeningRules.judge`): off for work whose samples
        /// spread widely with nothing interfering, such as a memory-bound copy.
        public var ownTest: Bool
        public var body: @Sendable (Range<Int>) -> Void
        public init(count: Int, ownTest: Bool = true, _ body: @escaping @Sendable (Range<Int>) -> Void) {
            self.count = count
            self.ownTest = ownTest
            self.body = body
        }
    }

    /// Measures one piece of work (every round counts: no screening).
    public func measure(count: Int, _ work: @escaping @Sendable (Range<Int>) -> Void) -> Measurement {
        var unscreened = self
        unscreened.screening = nil
        return unscreened.measureInterleaved([Work(count: count, work)]).pieces[0]
    }

    /// Where an interleaved measurement stands, after each round.
    public struct RoundProgress: Sendable {
        public var round: Int
        /// Quiet samples of the piece that has fewest so far (`round` without screening).
        public var quiet: Int
        /// Quiet samples wanted per piece (`samples`).
        public var target: Int
        public var elapsed: Double
        /// Seconds of sampling at most: `samples` rounds' worth without screening.
        public var budget: Double
    }

    /// The samples of every piece (all rounds, in order) and the probe log of the rounds.
    public struct Interleaved: Sendable {
        public var pieces: [Measurement]
        /// Nil without screening.
        public var rounds: RoundLog?
    }

    /// Measures every piece, interleaved round by round. Without screening it takes exactly `samples`
    /// rounds; with it, rounds go on until every piece has `samples` quiet samples
    /// (`ScreeningRules.judge`) or the screening's `maxDuration` has passed.
    public func measureInterleaved(_ pieces: [Work], progress: ((RoundProgress) -> Void)? = nil) -> Interleaved {
        let calls = pieces.map { piece in call(piece) }
        let batches = calls.map { calibrate($0) }
        let probe: (() -> Double)? = screening.map { _ in
            if let probeReadings { return probeReadings() }
            let probe = ContentionProbe()
            return { probe.read() }
        }
        var ns = [[Double]](repeating: [], count: pieces.count)
        var cycles = [[Double]](repeating: [], count: pieces.count)
        // Share of each sample's wall time the thread was not running; only meaningful when the
        // sample runs on this thread alone.
        let tracksCPU = screening != nil && threads == 1
        let ownTest = pieces.map(\.ownTest)
        var offCPU = [[Double]](repeating: [], count: pieces.count)
        // A probe reading before the first sample and after every sample, so each is bracketed.
        var probes: [Double] = probe.map { [$0()] } ?? []
        var verdict = ScreeningRules.Verdict(quiet: [], slowdown: [])
        let start = Clock.nanoseconds()
        var elapsed = 0.0
        var round = 0
        while true {
            for p in pieces.indices {
                let elements = Double(pieces[p].count) * Double(batches[p])
                let t0 = tracksCPU ? Clock.threadCPUNanoseconds() : 0
                let c0 = Clock.ticks()
                let s0 = Clock.nanoseconds()
                for _ in 0..<batches[p] { calls[p]() }
                let s1 = Clock.nanoseconds()
                let c1 = Clock.ticks()
                if tracksCPU {
                    let onCPU = Double(Clock.threadCPUNanoseconds() - t0)
                    offCPU[p].append(Swift.max(0, 1 - onCPU / Double(Swift.max(s1 - s0, 1))))
                }
                ns[p].append(Double(s1 - s0) / elements)
                cycles[p].append(Double(c1 &- c0) / elements)
                if let probe { probes.append(probe()) }
            }
            round += 1
            elapsed = Double(Clock.nanoseconds() - start) / 1e9
            let counted: Int
            let done: Bool
            if let screening {
                verdict = rules.judge(probes: probes, samples: ns, ownTest: ownTest,
                                      offCPU: tracksCPU ? offCPU : nil, anchor: screening.anchor)
                counted = RoundLog.fewestQuiet(verdict.quiet, piecesPerRound: pieces.count)
                done = round >= samples && (counted >= samples || elapsed >= screening.maxDuration)
                    || round >= samples * Self.maxRoundsPerSample
            } else {
                counted = round
                done = round >= samples
            }
            let budget = screening.map { Swift.max($0.maxDuration, elapsed) } ?? elapsed / Double(round) * Double(samples)
            progress?(RoundProgress(round: round, quiet: counted, target: samples, elapsed: elapsed, budget: budget))
            if done { break }
        }
        return Interleaved(
            pieces: pieces.indices.map { Measurement(batch: batches[$0], nsPerElement: ns[$0], cyclesPerElement: cycles[$0]) },
            rounds: screening.map { _ in
                RoundLog(size: pieces.map(\.count).max() ?? 0, piecesPerRound: pieces.count, probeNsPerElement: probes,
                         quiet: verdict.quiet, slowdown: verdict.slowdown, band: verdict.band, duration: elapsed,
                         offCPUShare: tracksCPU ? (0..<round).flatMap { r in pieces.indices.map { offCPU[$0][r] } } : nil)
            })
    }

    /// A cap on rounds whatever the clock says, so a very short `minSampleTime` cannot run away.
    static let maxRoundsPerSample = 20

    /// One call over all elements, split across the threads.
    private func call(_ piece: Work) -> @Sendable () -> Void {
        let ranges = Self.split(count: piece.count, parts: threads)
        let body = piece.body
        return {
            if ranges.count == 1 {
                body(ranges[0])
            } else {
                DispatchQueue.concurrentPerform(iterations: ranges.count) { body(ranges[$0]) }
            }
        }
    }

    /// Warms up for `warmupTime` (at least two calls), then sizes the batch from one warm call.
    private func calibrate(_ once: () -> Void) -> Int {
        let warmStart = Clock.nanoseconds()
        var calls = 0
        repeat {
            once()
            calls += 1
        } while calls < 2 || Double(Clock.nanoseconds() - warmStart) < warmupTime * 1e9
        let t0 = Clock.nanoseconds()
        once()
        let single = Swift.max(Double(Clock.nanoseconds() - t0), 1)
        return Swift.max(1, Int((minSampleTime * 1e9 / single).rounded(.up)))
    }

    /// `count` elements in `parts` contiguous ranges of near-equal size (empty ranges dropped).
    static func split(count: Int, parts: Int) -> [Range<Int>] {
        let parts = Swift.max(1, Swift.min(parts, count))
        return (0..<parts).map { p in (count * p / parts)..<(count * (p + 1) / parts) }
    }
}
