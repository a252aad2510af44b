import Foundation
import Testing
@testable import BenchKit

@Suite struct ScreeningRulesTests {
    /// The standard rules are the ones docs/method.md states, constant by constant.
    @Test func theStandardRulesAreTheDocumentedOnes() {
        let rules = ScreeningRules.standard
        #expect(rules == ScreeningRules())
        #expect(rules.quietTolerance == 0.03 && rules.bandReach == 0.25 && rules.bandFloorShare == 0.05 && rules.bandFloorReadings == 3)
        #expect(rules.consensusTolerance == 0.05 && rules.consensusMinimumPieces == 8 && rules.referencePercentile == 25)
        #expect(rules.ownTolerance == 0.05 && rules.ownTestMinimumSamples == 4 && rules.ownReach == 0.06)
        #expect(rules.offCPUTolerance == 0.02)
        #expect(rules.stateSplit == 0.06 && rules.selectsSpeedState && rules.selectsKernelPace && rules.paceQuorum == 2)
        #expect(rules.disagreementTolerance == 0.05)
        #expect(Screening().maxDuration == 60 && Screening().anchor == nil)
    }
}
