import Testing
@testable import BenchKit

/// The activations' exhaustive run, held against MPFR on slices of the bit patterns.
@Suite struct ExhaustiveRunTests {
    /// Slices of bit patterns, with a domain or none: all 65,536 floats in [1, 1.0078); the largest
    /// floats, infinity and the first NaNs; NaNs across the sign boundary into the negative zero and
    /// subnormals (two chunks, the first not aligned); part of a negative binade cut by a domain, so
    /// its chunks hold partial runs.
    static let slices: [(ClosedRange<UInt32>, ClosedRange<Float>?)] = [
        (0x3f80_0000...0x3f80_ffff, nil), (0x7f7f_ff00...0x7f80_00ff, nil), (0x7fff_f000...0x8000_0fff, nil),
        (0xbf10_0000...0xbf12_ffff, -0.58...(-0.57)),
    ]

    @Test(arguments: slices)
    func sliceMatchesTheMPFRSampledFigures(patterns: ClosedRange<UInt32>, domain: ClosedRange<Float>?) throws {
        // The exhaustive machinery against plain MPFR stats over the same inputs.
        let kernels = Registry.standard.select(functions: [.tanh, .geluErf, .elu], implementations: ["swift-simd16", "swift-naive"])
        let outcome = ExhaustiveRun(kernels: kernels, patterns: patterns, domain: domain).run()
        let inputs = patterns.map { Float(bitPattern: $0) }.filter { domain?.contains($0) ?? true }
        #expect(outcome.inputsVisited == inputs.count)
        let run = AccuracyRun(sample: AccuracySample(inputs: inputs))
        for kernel in kernels {
            let sampled = AccuracyStats(inputs: inputs, outputs: run.run(kernel), references: run.references(for: kernel.function))
            let swept = try #require(outcome.stats[kernel.id])
            #expect(swept.maxULP == sampled.maxULP || abs(swept.maxULP - sampled.maxULP) < 1e-6,
                    "\(kernel.id): \(swept.maxULP) vs \(sampled.maxULP)")
            // Where both are ~0 the place says nothing: MPFR's tanh x = x - x³/3 carries a low part
            // at subnormal x that Double's, exactly x, does not.
            if sampled.maxULP > 1e-3 { #expect(swept.maxULPInput == sampled.maxULPInput, "\(kernel.id)") }
            #expect(abs(swept.correctlyRoundedShare - sampled.correctlyRoundedShare) < 1e-9)
            #expect(swept.count == sampled.count)
        }
    }

    @Test func domainRestrictsTheInputs() {
        let kernels = Registry.standard.select(functions: [.sigmoid], implementations: ["swift-libm"])
        let outcome = ExhaustiveRun(kernels: kernels, patterns: 0x3f80_0000...0x3f80_00ff, domain: 1...1.00001).run()
        #expect(outcome.inputsVisited == 85)   // Float(1.00001) = 1 + 84·2^-23: k = 0...84
    }

    @Test func accumulatorMergeKeepsTheSmallestInputOnTies() {
        var a = AccuracyAccumulator(), b = AccuracyAccumulator()
        a.add(input: 3, output: 3 + Float(3).ulp, reference: ULP.Prepared(ReferenceValue(hi: 3)))
        b.add(input: 2, output: 2 + Float(2).ulp, reference: ULP.Prepared(ReferenceValue(hi: 2)))
        b.add(input: 2.5, output: 2.5, reference: ULP.Prepared(ReferenceValue(hi: 2.5)))
        a.merge(b)
        #expect(a.count == 3)
        #expect(a.stats.maxULP == 1)
        #expect(a.stats.maxULPInput == 2)
    }
}
