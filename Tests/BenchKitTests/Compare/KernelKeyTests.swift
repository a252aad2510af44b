@testable import BenchKit
import Testing

@Suite struct KernelKeyTests {
    @Test func labelNamesSizeAndThreads() {
        #expect(KernelKey(function: "sigmoid", implementation: "swift-simd16", size: 1 << 18, threads: 1).label == "sigmoid/swift-simd16@256K")
        #expect(KernelKey(function: "elu", implementation: "swift-naive", size: 1000, threads: 2).label == "elu/swift-naive@1000×2t")
    }

    @Test func ordersBySizeThenName() {
        let a = KernelKey(function: "tanh", implementation: "x", size: 1024, threads: 1)
        let b = KernelKey(function: "elu", implementation: "x", size: 4096, threads: 1)
        let c = KernelKey(function: "elu", implementation: "y", size: 4096, threads: 1)
        #expect([c, b, a].sorted() == [a, b, c])
    }

    @Test func bootstrapSeedDoesNotDependOnOtherKernels() throws {
        var gen = SyntheticTimings(seed: 31)
        let s1 = gen.samples(median: 1), s2 = gen.samples(median: 1.02)
        let alone = try ReportComparison(baseline: syntheticReport([("tanh", s1, nil)]), current: syntheticReport([("tanh", s2, nil)]))
        let withOthers = try ReportComparison(baseline: syntheticReport([("elu", s2, nil), ("tanh", s1, nil)]),
                                              current: syntheticReport([("tanh", s2, nil), ("elu", s1, nil)]))
        #expect(alone.kernels[0].ratio == withOthers.kernels.first { $0.key.function == "tanh" }?.ratio)
    }
}
