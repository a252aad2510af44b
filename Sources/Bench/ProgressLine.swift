import BenchKit
import Foundation

/// One self-rewriting progress line on standard error, only when it is a terminal: which kernel, how
/// many are left, and the time left at the pace so far. Silent in pipes, files and CI logs.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    /// When the current stage began: a report of step 0 starts a stage (a run has several: the
    /// activations, then the primitives), so each stage's time left is paced by its own steps.
    private var stageStart = Date()

    static func forStandardError() -> ProgressLine? {
        isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil
    }

    /// Step `done + 1` of `total` is under way; time left at the pace of the stage's steps so far.
    /// Called from any thread.
    func update(done: Int, total: Int, label: String) {
        lock.lock()
        if done == 0 { stageStart = Date() }
        let elapsed = Date().timeIntervalSince(stageStart)
        lock.unlock()
        var eta = ""
        if done > 0 {
            let left = elapsed / Double(done) * Double(total - done)
            eta = String(format: ", about %.0f s left", left)
        }
        show("[\(done + 1 > total ? total : done + 1)/\(total)] \(label)\(eta)")
    }

    /// Replaces the line with `text`.
    func show(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

extension Harness.RoundProgress {
    /// "round 12, 10/21 quiet samples, about 8 s left": the time left assumes rounds stay as quiet as so far,
    /// bounded by the sampling budget.
    var description: String {
        let pace = elapsed / Double(max(round, 1))
        let quietShare = Double(max(quiet, 1)) / Double(max(round, 1))
        let roundsLeft = Double(max(target - quiet, 0)) / quietShare
        let left = min(roundsLeft * pace, max(budget - elapsed, 0))
        return quiet == round
            ? String(format: "round %d/%d, about %.0f s left", round, target, left)
            : String(format: "round %d, %d/%d quiet samples, about %.0f s left", round, quiet, target, left)
    }
}
