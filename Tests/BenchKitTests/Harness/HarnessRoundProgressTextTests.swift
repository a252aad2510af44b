import Testing
@testable import BenchKit

/// The progress line's round text and its estimate of the time left.
@Suite struct HarnessRoundProgressTextTests {
    func text(round: Int, quiet: Int, target: Int, elapsed: Double, budget: Double) -> String {
        Harness.RoundProgress(round: round, quiet: quiet, target: target, elapsed: elapsed, budget: budget).description
    }

    /// Every round quiet: the rounds left at the pace so far.
    @Test func quietRoundsCountDown() {
        #expect(text(round: 3, quiet: 3, target: 7, elapsed: 6, budget: 60) == "round 3/7, about 8 s left")
    }

    /// Few quiet rounds: the estimate stops at the sampling budget.
    @Test func theBudgetBoundsTheEstimate() {
        #expect(text(round: 10, quiet: 1, target: 7, elapsed: 20, budget: 30) == "round 10, 1/7 quiet samples, about 10 s left")
    }

    /// Past the budget but short of `target` rounds, which always run: the rounds still owed, not 0 s.
    @Test func roundsStillOwedOutlastTheBudget() {
        #expect(text(round: 4, quiet: 1, target: 300, elapsed: 2, budget: 1) == "round 4, 1/300 quiet samples, about 148 s left")
    }
}
