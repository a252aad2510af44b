import Testing
@testable import BenchKit

@Suite struct AccuracyStatsTests {
    @Test func reportsAKernelThatIsOffByThreeULP() {
        let inputs: [Float] = [1, 2, 3]
        let refs = inputs.map { ReferenceValue(hi: Double($0)) }
        var outputs = inputs
        outputs[1] = 2 + 3 * Float(2).ulp
        let stats = AccuracyStats(inputs: inputs, outputs: outputs, references: refs)
        #expect(stats.maxULP == 3)
        #expect(stats.maxULPInput == 2)
        #expect(stats.meanULP == 1)
        #expect(abs(stats.correctlyRoundedShare - 2.0 / 3) < 1e-12)
        #expect(stats.finitenessMismatches == 0)
    }

    @Test func catchesANaNWhereANumberIsDue() {
        let inputs: [Float] = [0.5, 0.25]
        let refs = inputs.map { ReferenceValue(hi: Double($0)) }
        let stats = AccuracyStats(inputs: inputs, outputs: [0.5, .nan], references: refs)
        #expect(stats.maxULP == .infinity)
        #expect(stats.maxULPInput == 0.25)
        #expect(stats.finitenessMismatches == 1)
    }
}
