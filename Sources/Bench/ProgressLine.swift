import BenchKit
import Foundation

/// Progress on standard error: which kernel, how many are left, and the time left at the pace so
/// far. On a terminal, one self-rewriting line; elsewhere (pipes, files, CI logs) the latest status
/// as a plain line every `logInterval`, the first after one interval, so short runs print nothing
/// and a long one shows it is alive.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    /// When the current stage began: a report of step 0 starts a stage (a run has several: the
    /// activations, then the primitives), so each stage's time left is paced by its own steps.
    private var stageStart = Date()
    private let terminal: Bool
    /// When the last plain line was written (or the line was made).
    private var lastLogged = Date()

    /// Seconds between plain lines where standard error is not a terminal.
    static let logInterval: TimeInterval = 30

    private init(terminal: Bool) { self.terminal = terminal }

    static func forStandardError() -> ProgressLine {
        ProgressLine(terminal: isatty(STDERR_FILENO) != 0)
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

    /// Replaces the line with `text` (a terminal), or logs it if an interval has passed.
    func show(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if terminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        } else if Date().timeIntervalSince(lastLogged) >= Self.logInterval {
            lastLogged = Date()
            FileHandle.standardError.write(Data(("bench: " + text + "\n").utf8))
        }
    }

    /// As `show` where standard error is not a terminal; nothing on a terminal, where another line
    /// (a measuring process's own) already shows the progress.
    func log(_ text: String) {
        if !terminal { show(text) }
    }

    func finish() {
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
