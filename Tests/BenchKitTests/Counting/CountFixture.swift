@testable import BenchKit

/// Small count reports with known figures, shared by the Counting tests.
enum CountFixture {
    static let toolchain = CountToolchain(swiftVersion: "6.3", buildConfiguration: "release", swiftTargetCPU: "haswell",
                                          valgrindVersion: "valgrind-3.19.0", sleefVersion: "3.5.1", libcVersion: "glibc 2.36")

    /// sigmoid and tanh of swift-simd8 at 64K elements, `perElement` instructions per element each
    /// (the second kernel scaled by `tanhFactor`), 71 harness instructions added to each call.
    static func report(perElement: Double = 6, tanhFactor: Double = 1, size: Int = 65_536,
                       toolchain: CountToolchain = toolchain) -> CountReport {
        let results = [("sigmoid", perElement), ("tanh", perElement * tanhFactor)].map { function, figure in
            let call = UInt64((figure * Double(size)).rounded()) + 71
            return KernelCount(function: function, implementation: "swift-simd8", isa: "avx2", size: size,
                               callInstructions: [call, call], harness: 71)
        }
        let configuration = CountConfiguration(command: "bench count", size: size, seed: 42, distribution: "uniform:-10.0:10.0",
                                               alpha: 1, repeats: 2, harnessInstructions: ["unary": 71, "elu": 72],
                                               excluded: [.init(implementation: "c-sleef-u10-avx512", reason: CountReport.avx512Reason)])
        return CountReport(machine: ReportFixture.machine, toolchain: toolchain, configuration: configuration, results: results)
    }
}
