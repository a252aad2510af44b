import Testing
@testable import BenchKit

/// The fast Double reference of exhaustive runs, held against MPFR.
@Suite struct DoubleReferenceTests {
    @Test(arguments: ActivationFunction.allCases)
    func agreesWithMPFRFarBelowTheMidpointGuard(function: ActivationFunction) {
        let sample = AccuracySample(randomCount: 10_000, gridCount: 10_000, grid: -20...20, seed: 99)
        let refs = Reference.evaluate(.activation(function), sample.inputs, alpha: 1)
        var worst = 0.0
        for (x, r) in zip(sample.inputs, refs) {
            let d = DoubleReference.value(function, x, alpha: 1)
            if d.isNaN || r.hi.isNaN {
                #expect(d.isNaN == r.hi.isNaN, "\(function)(\(x))")
                continue
            }
            if d == r.hi && r.lo == 0 { continue }
            worst = max(worst, abs((d - r.hi) - r.lo) / ULP.spacing(r))
        }
        #expect(worst < DoubleReference.midpointGuard / 4, "\(function): \(worst) ulp")
    }

    @Test func nearMidpointInputsGoToMPFR() {
        // 1 + 2^-24 is exactly the midpoint between 1 and 1 + 2^-23.
        #expect(DoubleReference.nearMidpoint(ULP.Prepared(ReferenceValue(hi: 1 + 0x1p-24))))
        #expect(!DoubleReference.nearMidpoint(ULP.Prepared(ReferenceValue(hi: 1 + 0x1p-25))))
        #expect(!DoubleReference.nearMidpoint(ULP.Prepared(ReferenceValue(hi: .nan))))
    }
}

@Suite struct ExhaustiveRunTests {
    @Test func sliceMatchesTheMPFRSampledFigures() throws {
        // All 65,536 floats in [1, 1.0078): the exhaustive machinery against plain MPFR stats.
        let kernels = Registry.standard.select(functions: [.tanh, .geluErf], implementations: ["swift-simd16", "swift-naive"])
        let outcome = ExhaustiveRun(kernels: kernels, patterns: 0x3f80_0000...0x3f80_ffff).run()
        #expect(outcome.inputsVisited == 65_536)
        let inputs = (UInt32(0x3f80_0000)...0x3f80_ffff).map { Float(bitPattern: $0) }
        let run = AccuracyRun(sample: AccuracySample(inputs: inputs))
        for kernel in kernels {
            let sampled = AccuracyStats(inputs: inputs, outputs: run.run(kernel), references: run.references(for: kernel.function))
            let swept = try #require(outcome.stats[kernel.id])
            #expect(abs(swept.maxULP - sampled.maxULP) < 1e-6, "\(kernel.id): \(swept.maxULP) vs \(sampled.maxULP)")
            #expect(swept.maxULPInput == sampled.maxULPInput)
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

@Suite struct QuickAccuracyTests {
    @Test func simdKernelsAreWithinBudgetAndNaiveTanhIsNot() throws {
        var quick = QuickAccuracy(randomCount: 4096, gridCount: 4096)
        let simd = try #require(Registry.standard.kernel(.sigmoid, "swift-simd16"))
        let simdULP = quick.maxULP(simd)
        #expect(simdULP != nil && simdULP! <= 4)
        let naive = try #require(Registry.standard.kernel(.tanh, "swift-naive"))
        let naiveULP = quick.maxULP(naive)
        #expect(naiveULP == .infinity)
    }
}

@Suite struct HexDescriptionTests {
    @Test func roundTripsThroughFloatParsing() {
        for x: Float in [1, -1.5, 0x1.8p+3, .leastNonzeroMagnitude, -0x1p-140, .greatestFiniteMagnitude, 1e-30, -0.0, 0, 0x1.fffffcp-127] {
            let text = x.hexDescription
            #expect(Float(text)?.bitPattern == x.bitPattern, "\(x) → \(text)")
        }
        #expect(Float.infinity.hexDescription == "inf")
        #expect(Float.nan.hexDescription == "nan")
        #expect(Float(1).hexDescription == "0x1p+0")
    }
}
