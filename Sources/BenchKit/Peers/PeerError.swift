/// Why a Python peer cannot be used; each description is one line for `bench: ...`.
public enum PeerError: Error, Equatable, CustomStringConvertible {
    /// `--python` (or the default `.venv-peers/bin/python`) names no executable.
    case interpreterMissing(String)
    /// scripts/peer_worker.py was not found in any of these places.
    case workerScriptMissing([String])
    /// The worker process could not be started (posix_spawn's error).
    case startFailed(String)
    /// The worker answered the handshake with an error, e.g. a package that does not import.
    case handshakeRefused(String)
    /// The worker's standard output ended (it exited or crashed): how it ended and the last lines it
    /// wrote to standard error.
    case workerDied(how: String, stderrTail: String)
    /// A reply that is not what the protocol allows at this point.
    case malformedReply(line: String, expected: String)
    /// The worker did not answer within the time allowed.
    case timedOut(String)
    /// The worker answered a request with `error <message>` and goes on serving.
    case requestFailed(String)
    /// A shared-memory region could not be created or mapped here.
    case sharedMemory(String)

    public var description: String {
        switch self {
        case .interpreterMissing(let path):
            return "python peers: no Python interpreter at '\(path)'; run scripts/setup-python-peers.sh or pass --python PATH"
        case .workerScriptMissing(let places):
            return "python peers: scripts/peer_worker.py not found (looked in \(places.joined(separator: ", ")))"
        case .startFailed(let why):
            return "python peers: cannot start the worker: \(why)"
        case .handshakeRefused(let message):
            return "python peers: the worker refused to start: \(message)"
        case .workerDied(let how, let tail):
            return "python peers: the worker \(how)" + (tail.isEmpty ? " (its stderr is empty)" : "; its stderr ends: \(tail)")
        case .malformedReply(let line, let expected):
            return "python peers: malformed reply from the worker: expected \(expected), got '\(line)'"
        case .timedOut(let what):
            return "python peers: the worker did not answer \(what) in time"
        case .requestFailed(let message):
            return "python peers: the worker reported an error: \(message)"
        case .sharedMemory(let why):
            return "python peers: shared memory: \(why)"
        }
    }
}
