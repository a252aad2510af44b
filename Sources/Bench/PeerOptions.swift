import ArgumentParser
import BenchKit
import Foundation

/// `--peers python`, `--python PATH`, `--peer-noop`: the opt-in Python peers (docs/python-peers.md),
/// and `--peer-max-isa`, the cap on the in-process peers' dispatch; shared by run, accuracy, eval
/// and list. A multi-process run passes its whole command line to the processes it starts, these
/// options included, and each starts its own worker and applies the cap.
struct PeerOptions: ParsableArguments {
    @Option(name: .customLong("peers"), help: """
        Also run peers from another runtime: 'python' (ONNX Runtime, PyTorch, numpy, scipy through \
        scripts/peer_worker.py; set up with scripts/setup-python-peers.sh). Their ids start with py-.
        """)
    var peers: String?

    @Option(name: .customLong("python"), help: "The peers' Python interpreter (default: .venv-peers/bin/python).")
    var python: String?

    @Flag(name: .customLong("peer-noop"), help: """
        With --peers python: add the py-noop kernels, which do only the round trip to the worker (the \
        bridge's cost; their output is not computed, so their accuracy is meaningless).
        """)
    var peerNoop = false

    @Option(name: .customLong("peer-max-isa"), help: ArgumentHelp("""
        Cap the ISA that oneDNN, XNNPACK and Highway dispatch to: 'avx2' measures, on a wider CPU, the \
        kernels they run on an AVX2 machine (their ISA column says which ran). Not with --peers python: \
        ONNX Runtime has no such cap.
        """, valueName: "isa"))
    var peerMaxISA: String?

    /// The cap `--peer-max-isa` names (any case), nil without the option or for an unknown name.
    var cap: PeerISACap? { peerMaxISA.flatMap { PeerISACap(rawValue: $0.lowercased()) } }

    func validate() throws {
        if let peerMaxISA {
            guard cap != nil else {
                throw ValidationError("unknown --peer-max-isa '\(peerMaxISA)'; the one cap is 'avx2'")
            }
            if peers != nil { throw ValidationError("--peer-max-isa cannot be combined with --peers python: ONNX Runtime has no ISA cap") }
        }
        if let peers, peers != "python" {
            throw ValidationError("unknown --peers '\(peers)'; the one peer runtime is 'python'")
        }
        if python?.isEmpty == true { throw ValidationError("--python is empty; give the interpreter's path") }
        if peers == nil, python != nil || peerNoop {
            throw ValidationError("--python and --peer-noop need --peers python")
        }
    }

    /// The error for an implementation id that is not in `registry` because it names a Python peer
    /// and the peers are not enabled; nil for any other id.
    static func disabledPeer(_ implementation: String, in registry: Registry) -> ValidationError? {
        guard PythonPeers.names(implementation), !registry.implementations.contains(where: PythonPeers.names) else { return nil }
        return ValidationError("'\(implementation)' is a Python peer; enable the peers with --peers python (docs/python-peers.md)")
    }

    /// The built-in kernels, plus the peers' when enabled. A peer that cannot start is one line on
    /// standard error and exit status 69 (EX_UNAVAILABLE).
    /// With `--peer-max-isa`, the cap is applied first: the registry's first use of a peer fixes its
    /// choice. A library that refuses the cap is one line and exit status 69.
    func registry() throws -> Registry {
        if let cap {
            do throws(PeerISACapError) {
                try cap.apply()
            } catch {
                FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
                throw ExitCode(ExitStatus.unavailable)
            }
        }
        guard peers == "python" else { return Registry.standard }
        do {
            let kernels = try PythonPeers.kernels(python: python, noop: peerNoop, onFailure: Self.stopOnFailure)
            return Registry(kernels: Registry.standard.kernels + kernels)
        } catch {
            FileHandle.standardError.write(Data("bench: \(error)\n".utf8))
            throw ExitCode(ExitStatus.unavailable)
        }
    }

    /// A worker that dies or errs mid-run stops bench: one line naming the error, exit status 69,
    /// nothing written (reports are written whole at the end, so no partial file is left).
    static let stopOnFailure: PythonPeers.FailureHandler = { error in
        FileHandle.standardError.write(Data("\nbench: \(error); stopped, no report written\n".utf8))
        Foundation.exit(ExitStatus.unavailable)
    }
}
