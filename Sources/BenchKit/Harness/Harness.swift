import Dispatch

/// Times one piece of work: warm-up, a batch calibrated so one sample lasts at least
/// `minSampleTime`, then `samples` samples (DESIGN §7).
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

    /// Measures `work` over `count` elements. `work(range)` must process exactly those elements;
    /// with several threads each gets one contiguous range per call.
    public func measure(count: Int, _ work: @escaping @Sendable (Range<Int>) -> Void) -> Measurement {
        let ranges = Self.split(count: count, parts: threads)
        let once = { @Sendable in
            if ranges.count == 1 {
                work(ranges[0])
            } else {
                DispatchQueue.concurrentPerform(iterations: ranges.count) { work(ranges[$0]) }
            }
        }
        // Warm up for warmupTime (at least twice), then calibrate on a warm call.
        let warmStart = Clock.nanoseconds()
        var calls = 0
        repeat {
            once()
            calls += 1
        } while calls < 2 || Double(Clock.nanoseconds() - warmStart) < warmupTime * 1e9
        let t0 = Clock.nanoseconds()
        once()
        let single = Swift.max(Double(Clock.nanoseconds() - t0), 1)
        let batch = Swift.max(1, Int((minSampleTime * 1e9 / single).rounded(.up)))

        var ns: [Double] = []
        var cycles: [Double] = []
        let elements = Double(count) * Double(batch)
        for _ in 0..<samples {
            let c0 = Clock.ticks()
            let s0 = Clock.nanoseconds()
            for _ in 0..<batch { once() }
            let s1 = Clock.nanoseconds()
            let c1 = Clock.ticks()
            ns.append(Double(s1 - s0) / elements)
            cycles.append(Double(c1 &- c0) / elements)
        }
        return Measurement(batch: batch, nsPerElement: ns, cyclesPerElement: cycles)
    }

    /// `count` elements in `parts` contiguous ranges of near-equal size (empty ranges dropped).
    static func split(count: Int, parts: Int) -> [Range<Int>] {
        let parts = Swift.max(1, Swift.min(parts, count))
        return (0..<parts).map { p in (count * p / parts)..<(count * (p + 1) / parts) }
    }
}
