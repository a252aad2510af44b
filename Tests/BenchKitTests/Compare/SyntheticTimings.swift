@testable import BenchKit
import Foundation

/// Timing samples shaped like this machine's: lognormal jitter around a median (a right-skewed
/// spread, as frequency changes and cache misses give) plus a few outliers from interruptions
/// (30–80% slower). σ = 0.06 gives a MAD of about 4% of the median, the upper end seen on this
/// shared 2-core machine in `bench --size 256K` runs.
struct SyntheticTimings {
    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func samples(median: Double, count: Int = 15, sigma: Double = 0.06, outliers: Int = 2) -> [Double] {
        var values = (0..<count).map { _ in median * exp(sigma * normal()) }
        for i in 0..<min(outliers, count) {
            values[(i * 7 + 3) % count] = median * Double.random(in: 1.3...1.8, using: &generator)
        }
        return values
    }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u = Double.random(in: Double.ulpOfOne...1, using: &generator)
        let v = Double.random(in: 0..<1, using: &generator)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}

/// A report of the given kernels' samples on the fixture machine, for comparison tests.
func syntheticReport(_ rows: [(String, [Double], Double?)], machineKey: String = ReportFixture.machine.machineKey)
    -> ThroughputReport {
    var report = ReportFixture.report()
    report.machine.machineKey = machineKey
    report.results = rows.map { name, samples, ulp in
        KernelResult(function: name, implementation: "swift-simd16", isa: "avx512", size: 1 << 18, threads: 1, batch: 8,
                     samplesNsPerElement: samples, samplesCyclesPerElement: samples.map { $0 * 3 },
                     summary: .init(nsPerElement: samples, cyclesPerElement: samples.map { $0 * 3 }), maxULP: ulp)
    }
    return report
}
