import Foundation
#if os(Linux)
import Glibc

/// The worker as a process: started with posix_spawn, its standard input a socket (bench sends with
/// MSG_NOSIGNAL, so a dead worker is an EPIPE error, never a SIGPIPE that would kill bench), its
/// standard output another socket read line by line, its standard error an unlinked temporary file whose
/// tail goes into error messages. Every descriptor bench keeps is close-on-exec, so no other child
/// (a measuring process, a second worker) holds a socket open and hides the worker's end.
/// Not thread safe; `PythonWorker` serialises its use. Linux only (socketpair's SOCK_CLOEXEC,
/// MSG_NOSIGNAL); elsewhere starting one is an error (the stand-in at the end of this file).
final class WorkerProcess {
    private(set) var pid: pid_t = 0
    private var requests: Int32 = -1
    private var replies: Int32 = -1
    private var errors: Int32 = -1
    private var pending: [UInt8] = []
    private var exitStatus: Int32?

    init(executable: String, arguments: [String], environment: [String: String]) throws(PeerError) {
        var sockets: [Int32] = [-1, -1]
        var outputEnds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sockets) == 0 else {
            throw .startFailed("socketpair: \(String(cString: strerror(errno)))")
        }
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &outputEnds) == 0 else {
            close(sockets[0]); close(sockets[1])
            throw .startFailed("socketpair: \(String(cString: strerror(errno)))")
        }
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("bench-peer-stderr-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        errors = open(errorPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        unlink(errorPath)
        defer { close(sockets[1]); close(outputEnds[1]) }
        requests = sockets[0]
        replies = outputEnds[0]
        guard errors >= 0 else { throw .startFailed("cannot create a file for its stderr in \(errorPath)") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, sockets[1], 0)
        posix_spawn_file_actions_adddup2(&actions, outputEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard status == 0 else { throw .startFailed("\(executable): \(String(cString: strerror(status)))") }
    }

    deinit {
        stop()
        if errors >= 0 { close(errors) }
    }

    /// Closes the worker's input (it exits on end of input), then reaps it; one that has not exited
    /// within two seconds is killed.
    func stop() {
        if requests >= 0 { close(requests); requests = -1 }
        if replies >= 0 { close(replies); replies = -1 }
        guard pid > 0, exitStatus == nil else { return }
        for _ in 0..<200 {
            if reap(blocking: false) { return }
            usleep(10_000)
        }
        Glibc.kill(pid, SIGKILL)
        _ = reap(blocking: true)
    }

    /// Sends one line.
    func sendLine(_ line: String) throws(PeerError) {
        var bytes = Array(line.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.send(requests, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw died()
            }
            sent += n
        }
    }

    /// The next line, without its newline. `timeout` in seconds; nil: wait as long as it takes.
    func receiveLine(timeout: Double?, what: String) throws(PeerError) -> String {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            if let deadline {
                let left = deadline.timeIntervalSinceNow
                var poller = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, Int32(max(0, min(left, 3600)) * 1000))
                if ready < 0 && errno == EINTR { continue }
                if ready == 0 { throw .timedOut(what) }
            }
            let n = buffer.withUnsafeMutableBytes { read(replies, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw died() }
            pending.append(contentsOf: buffer[..<n])
        }
    }

    /// The error for a worker whose output ended or whose input is closed: how it ended (it is
    /// killed if it still runs) and the tail of its standard error.
    func died() -> PeerError {
        if exitStatus == nil {
            var ended = false
            for _ in 0..<100 where !ended {  // it usually exits right after closing its output
                ended = reap(blocking: false)
                if !ended { usleep(10_000) }
            }
            if !ended {
                Glibc.kill(pid, SIGKILL)
                _ = reap(blocking: true)
            }
        }
        return .workerDied(how: howItEnded, stderrTail: stderrTail())
    }

    /// Kills the worker (after a reply that leaves its state unknown).
    func terminate() {
        guard pid > 0, exitStatus == nil else { return }
        Glibc.kill(pid, SIGKILL)
        _ = reap(blocking: true)
    }

    private var howItEnded: String {
        guard let status = exitStatus else { return "stopped answering" }
        if status & 0x7f == 0 { return "exited with status \((status >> 8) & 0xff)" }
        let signal = status & 0x7f
        return "was killed by signal \(signal)" + (signal == SIGKILL ? " (SIGKILL: out of memory, or killed by bench after it stopped answering)" : "")
    }

    private func reap(blocking: Bool) -> Bool {
        var status: Int32 = 0
        let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        if result == pid { exitStatus = status; return true }
        if result < 0 && errno == ECHILD { exitStatus = exitStatus ?? 0; return true }
        return false
    }

    /// The last lines of the worker's standard error, joined with " | ", at most 400 characters.
    func stderrTail() -> String {
        var info = stat()
        guard errors >= 0, fstat(errors, &info) == 0, info.st_size > 0 else { return "" }
        let length = Int(min(info.st_size, 4096))
        var bytes = [UInt8](repeating: 0, count: length)
        let n = bytes.withUnsafeMutableBytes { pread(errors, $0.baseAddress!, length, off_t(info.st_size) - off_t(length)) }
        guard n > 0 else { return "" }
        let lines = String(decoding: bytes[..<n], as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var tail = lines.suffix(4).joined(separator: " | ")
        if tail.count > 400 { tail = "..." + tail.suffix(400) }
        return tail
    }
}
#else
/// The stand-in where the Python peers are not supported: starting one says so.
final class WorkerProcess {
    init(executable: String, arguments: [String], environment: [String: String]) throws(PeerError) {
        throw .startFailed("the Python peers run on Linux only")
    }
    func stop() {}
    func terminate() {}
    func sendLine(_ line: String) throws(PeerError) {}
    func receiveLine(timeout: Double?, what: String) throws(PeerError) -> String { "" }
    func stderrTail() -> String { "" }
}
#endif
