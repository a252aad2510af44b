import CKernels

/// Times `ck_contention_probe`, a fixed scalar burst over an L1-resident buffer, to gauge whether
/// the core is being shared right now.
///
/// Why: on shared machines (VMs whose SMT sibling belongs to someone else) stretches of 10–60 s run
/// 10–50% slower for scalar code and 5–15% slower for SIMD code. The probe is read before the first
/// sample and after every sample; a sample counts only when both readings around it lie in the run's
/// quiet band, the usual uncontended level of the probe (`ScreeningRules` and docs/method.md).
final class ContentionProbe: @unchecked Sendable {
    /// 1,024 floats in and out: 8 KiB, far inside L1.
    private static let count = 1024
    /// One burst lasts about this long: long enough to dwarf the clock's overhead, short enough that
    /// the probe costs ~1% of a round.
    private static let burstTime = 0.000_2
    /// Bursts per reading; the reading is the fastest, so a timer interrupt in one burst is ignored.
    private static let bursts = 3

    private let input: UnsafeMutableBufferPointer<Float>
    private let output: UnsafeMutableBufferPointer<Float>
    private let repetitions: Int32

    init() {
        input = .allocate(capacity: Self.count)
        output = .allocate(capacity: Self.count)
        // Arguments spread over [-8, 8): expf's usual path, no special cases.
        for i in 0..<Self.count { input[i] = Float(i) / Float(Self.count) * 16 - 8 }
        output.initialize(repeating: 0)
        // Calibrate the repetitions from a warm pass.
        ck_contention_probe(input.baseAddress, output.baseAddress, Self.count, 8)
        let t0 = Clock.nanoseconds()
        ck_contention_probe(input.baseAddress, output.baseAddress, Self.count, 8)
        let perRepetition = Swift.max(Double(Clock.nanoseconds() - t0) / 8, 1)
        repetitions = Int32(Swift.max(1, Swift.min(1_000_000, (Self.burstTime * 1e9 / perRepetition).rounded(.up))))
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    /// One reading: nanoseconds per element of the fastest of a few bursts.
    func read() -> Double {
        var best = Double.infinity
        for _ in 0..<Self.bursts {
            let t0 = Clock.nanoseconds()
            ck_contention_probe(input.baseAddress, output.baseAddress, Self.count, repetitions)
            let t1 = Clock.nanoseconds()
            best = Swift.min(best, Double(t1 - t0) / (Double(Self.count) * Double(repetitions)))
        }
        return best
    }
}
