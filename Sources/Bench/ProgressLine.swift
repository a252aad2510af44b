import Foundation

/// One self-rewriting progress line on standard error, only when it is a terminal: which kernel, how
/// many are left, and the time left at the pace so far. Silent in pipes, files and CI logs.
final class ProgressLine: @unchecked Sendable {
    private let start = Date()
    private let lock = NSLock()

    static func forStandardError() -> ProgressLine? {
        isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil
    }

    func update(done: Int, total: Int, label: String) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        var eta = ""
        if done > 0 {
            let left = elapsed / Double(done) * Double(total - done)
            eta = String(format: ", about %.0f s left", left)
        }
        let text = "[\(done + 1 > total ? total : done + 1)/\(total)] \(label)\(eta)"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
