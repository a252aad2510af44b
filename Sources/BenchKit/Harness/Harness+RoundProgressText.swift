import Foundation

extension Harness.RoundProgress {
    /// "round 12, 10/21 quiet samples, about 8 s left": the time left assumes rounds stay as quiet as so far,
    /// bounded by the sampling budget, and is at least the rounds still owed (at least `target` run).
    public var description: String {
        let pace = elapsed / Double(max(round, 1))
        let quietShare = Double(max(quiet, 1)) / Double(max(round, 1))
        let roundsLeft = Double(max(target - quiet, 0)) / quietShare
        let owed = Double(max(target - round, 0)) * pace
        let left = max(min(roundsLeft * pace, max(budget - elapsed, 0)), owed)
        return quiet == round
            ? String(format: "round %d/%d, about %.0f s left", round, target, left)
            : String(format: "round %d, %d/%d quiet samples, about %.0f s left", round, quiet, target, left)
    }
}
