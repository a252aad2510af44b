/// Protocol version 1 between bench and scripts/peer_worker.py (its header and
/// docs/python-peers.md are the full description): lines of tab-separated fields, one reply line per
/// request, arrays only in shared-memory regions. This file formats requests and parses replies;
/// `PythonWorker` does the I/O.
enum PeerProtocol {
    static let version = 1

    enum Request: Equatable {
        case hello(version: Int)
        case map(region: Int, path: String, floats: Int)
        case unmap(region: Int)
        /// Offsets and count in floats; `alpha` travels as the decimal of its exact Double value.
        case call(kernel: Int, inRegion: Int, inOffset: Int, outRegion: Int, outOffset: Int, count: Int, alpha: Float)
        case noop
        case quit

        /// The request as sent, newline included.
        var line: String {
            let fields: [String]
            switch self {
            case .hello(let version): fields = ["hello", "\(version)"]
            case .map(let region, let path, let floats): fields = ["map", "\(region)", path, "\(floats)"]
            case .unmap(let region): fields = ["unmap", "\(region)"]
            case .call(let kernel, let inRegion, let inOffset, let outRegion, let outOffset, let count, let alpha):
                // Every Float is exactly a Double, and Double's description reads back exactly.
                fields = ["call", "\(kernel)", "\(inRegion)", "\(inOffset)", "\(outRegion)", "\(outOffset)", "\(count)",
                          "\(Double(alpha))"]
            case .noop: fields = ["noop"]
            case .quit: fields = ["quit"]
            }
            return fields.joined(separator: "\t") + "\n"
        }
    }

    enum Reply: Equatable {
        case ok
        case error(String)
        case kernel(PeerKernelInfo)
        case ready(count: Int)

        /// Parses one reply line (without its newline); anything else is a malformed reply.
        init(parsing line: String) throws(PeerError) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields[0] {
            case "ok" where fields.count == 1:
                self = .ok
            case "error" where fields.count >= 2:
                self = .error(fields.dropFirst().joined(separator: " "))
            case "ready" where fields.count == 2:
                guard let count = Int(fields[1]), count >= 0 else { throw .malformedReply(line: line, expected: "ready <count>") }
                self = .ready(count: count)
            case "kernel":
                self = .kernel(try PeerKernelInfo(fields: fields, line: line))
            default:
                throw .malformedReply(line: line, expected: "ok, error, kernel or ready")
            }
        }
    }
}

/// One kernel a worker offers, as its handshake described it.
public struct PeerKernelInfo: Equatable, Sendable {
    /// The worker's number for it, used in `call`.
    public let index: Int
    public let function: ActivationFunction
    /// e.g. `py-torch`; always starts with `py-`, so it cannot shadow a built-in implementation.
    public let implementation: String
    /// Library and version, e.g. `torch 2.13.0+cpu`.
    public let library: String
    public let isa: String
    /// The exact call or expression it runs.
    public let note: String

    public init(index: Int, function: ActivationFunction, implementation: String, library: String, isa: String, note: String) {
        self.index = index
        self.function = function
        self.implementation = implementation
        self.library = library
        self.isa = isa
        self.note = note
    }

    /// `kernel <index> <function> <implementation> <library> <isa> <note>`.
    init(fields: [String], line: String) throws(PeerError) {
        let expected = "kernel <index> <function> <implementation> <library> <isa> <note>"
        guard fields.count == 7, let index = Int(fields[1]), index >= 0 else {
            throw .malformedReply(line: line, expected: expected)
        }
        guard let function = ActivationFunction(rawValue: fields[2]) else {
            throw .malformedReply(line: line, expected: "a function id (\(ActivationFunction.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let implementation = fields[3]
        guard PythonPeers.names(implementation), implementation.count > PythonPeers.implementationPrefix.count,
              implementation.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw .malformedReply(line: line, expected: "an implementation id py-<lowercase letters, digits, dashes>")
        }
        self.init(index: index, function: function, implementation: implementation, library: fields[4],
                  isa: fields[5], note: fields[6])
    }
}
