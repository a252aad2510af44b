import Testing
@testable import BenchKit

/// `swift-naive` promises no accuracy; these pin its documented failure modes (NaiveKernels.swift),
/// so that a change to them is noticed.
@Suite struct NaiveFailureModeTests {
    func naive(_ function: ActivationFunction, _ x: Float, alpha: Float = 1) -> Float {
        let kernel = Registry.standard.kernel(function, "swift-naive")!
        return AccuracyRun(sample: AccuracySample(inputs: [x]), alpha: alpha).run(kernel)[0]
    }

    @Test func tanhIsNaNOnceBothExponentialsOverflow() {
        #expect(naive(.tanh, 100).isNaN)
        #expect(naive(.tanh, -100).isNaN)
        #expect(naive(.tanh, 88).isFinite)
    }

    @Test func sigmoidFlushesTheSubnormalTailToZero() {
        #expect(naive(.sigmoid, -100) == 0)
        #expect(Reference.evaluate(.activation(.sigmoid), -100).hi > 0)
    }

    @Test func eluCancelsNearZero() {
        let x: Float = -1e-7
        let error = ULP.error(naive(.elu, x), Reference.evaluate(.activation(.elu), x, alpha: 1))
        #expect(error > 1000)
    }

    @Test func geluErfCancelsInTheNegativeTail() {
        #expect(naive(.geluErf, -10) == 0)
        #expect(Reference.evaluate(.activation(.geluErf), -10).hi < -1e-24)
        let error = ULP.error(naive(.geluErf, -4), Reference.evaluate(.activation(.geluErf), -4))
        #expect(error > 100)
    }

    @Test func geluTanhCancelsInTheNegativeTail() {
        #expect(naive(.geluTanh, -10) == 0)
        #expect(Reference.evaluate(.activation(.geluTanh), -10).hi < -1e-37)
    }

    @Test func accurateWhereNothingCancels() {
        // Sigmoid's positive side has no cancellation: the textbook form is within a few ulps there.
        let sample = AccuracySample(inputs: (0..<2000).map { Float($0) / 100 })
        let run = AccuracyRun(sample: sample)
        let stats = AccuracyStats(inputs: sample.inputs, outputs: run.run(Registry.standard.kernel(.sigmoid, "swift-naive")!),
                                  references: run.references(for: .sigmoid))
        #expect(stats.maxULP <= 2)
    }
}
