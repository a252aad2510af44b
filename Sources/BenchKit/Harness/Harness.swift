import Dispatch

/// Times pieces of work: warm-up, a batch calibrated so one sample lasts at least `minSampleTime`,
/// then `samples` samples (DESIGN §7).
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

    public init(samples: Int = 21, minSampleTime: Double = 0.02, warmupTime: Double = 0.05, threads: Int = 1) {
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
        public var body: @Sendable (Range<Int>) -> Void
        public init(count: Int, _ body: @escaping @Sendable (Range<Int>) -> Void) {
            self.count = count
            self.body = body
        }
    }

    /// Measures one piece of work.
    public func measure(count: Int, _ work: @escaping @Sendable (Range<Int>) -> Void) -> Measurement {
        measureInterleaved([Work(count: count, work)])[0]
    }

    /// Measures every piece, interleaved round by round; `progress(round, rounds)` after each round.
    public func measureInterleaved(_ pieces: [Work], progress: ((Int, Int) -> Void)? = nil) -> [Measurement] {
        let calls = pieces.map { piece in call(piece) }
        let batches = calls.map { calibrate($0) }
        var ns = [[Double]](repeating: [], count: pieces.count)
        var cycles = [[Double]](repeating: [], count: pieces.count)
        for round in 0..<samples {
            for p in pieces.indices {
                let elements = Double(pieces[p].count) * Double(batches[p])
                let c0 = Clock.ticks()
                let s0 = Clock.nanoseconds()
                for _ in 0..<batches[p] { calls[p]() }
                let s1 = Clock.nanoseconds()
                let c1 = Clock.ticks()
                ns[p].append(Double(s1 - s0) / elements)
                cycles[p].append(Double(c1 &- c0) / elements)
            }
            progress?(round + 1, samples)
        }
        return pieces.indices.map { Measurement(batch: batches[$0], nsPerElement: ns[$0], cyclesPerElement: cycles[$0]) }
    }

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
