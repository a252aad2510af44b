import Testing
@testable import BenchKit

/// Formatting of requests and parsing of replies (PeerProtocol.swift), without any process.
@Suite struct PeerProtocolTests {
    typealias Request = PeerProtocol.Request
    typealias Reply = PeerProtocol.Reply

    @Test func requestsAreTabSeparatedLines() {
        #expect(Request.hello(version: 1).line == "hello\t1\n")
        #expect(Request.map(region: 3, path: "/dev/shm/x", floats: 1024).line == "map\t3\t/dev/shm/x\t1024\n")
        #expect(Request.unmap(region: 3).line == "unmap\t3\n")
        #expect(Request.noop.line == "noop\n")
        #expect(Request.quit.line == "quit\n")
        #expect(Request.call(kernel: 2, inRegion: 1, inOffset: 5, outRegion: 4, outOffset: 0, count: 7, alpha: 1.5).line
                == "call\t2\t1\t5\t4\t0\t7\t1.5\n")
    }

    /// alpha travels as the decimal of its exact Double value, which Python's float() reads exactly.
    @Test func alphaIsExact() throws {
        for alpha: Float in [0.1, 1, 1.5, 0x1.05p-128, .greatestFiniteMagnitude, -2.75] {
            let line = Request.call(kernel: 0, inRegion: 1, inOffset: 0, outRegion: 1, outOffset: 0, count: 1, alpha: alpha).line
            let text = try #require(line.dropLast().split(separator: "\t").last)
            #expect(Double(String(text)) == Double(alpha), "\(alpha) sent as \(text)")
        }
    }

    @Test func simpleReplies() throws {
        #expect(try Reply(parsing: "ok") == .ok)
        #expect(try Reply(parsing: "ready\t16") == .ready(count: 16))
        #expect(try Reply(parsing: "error\tunknown kernel 99 (this worker has 16)") == .error("unknown kernel 99 (this worker has 16)"))
    }

    @Test func kernelLine() throws {
        let reply = try Reply(parsing: "kernel\t4\tgelu-tanh\tpy-torch\ttorch 2.13.0+cpu\tpython (torch: AVX512)\tF.gelu(x, approximate='tanh')")
        #expect(reply == .kernel(PeerKernelInfo(index: 4, function: .geluTanh, implementation: "py-torch",
                                                library: "torch 2.13.0+cpu", isa: "python (torch: AVX512)",
                                                note: "F.gelu(x, approximate='tanh')")))
    }

    @Test(arguments: [
        "",                                                   // empty line
        "okay",                                               // not a reply
        "ok\textra",                                          // ok takes no field
        "error",                                              // error without message
        "ready\tmany",                                        // count not a number
        "ready\t-1",
        "kernel\t0\tsigmoid",                                 // fields missing
        "kernel\tx\tsigmoid\tpy-a\tlib\tisa\tnote",           // index not a number
        "kernel\t0\tno-such-function\tpy-a\tlib\tisa\tnote",  // unknown function
        "kernel\t0\tsigmoid\tswift-simd16\tlib\tisa\tnote",   // shadows a built-in id
        "kernel\t0\tsigmoid\tpy-\tlib\tisa\tnote",            // empty id after py-
        "kernel\t0\tsigmoid\tpy-Torch\tlib\tisa\tnote",       // not lowercase
    ])
    func malformedReplies(line: String) {
        #expect(throws: PeerError.self) { try Reply(parsing: line) }
        do { _ = try Reply(parsing: line) } catch {
            guard case .malformedReply(let got, _) = error else { Issue.record("\(error)"); return }
            #expect(got == line)
        }
    }

    @Test func errorsAreOneLine() {
        let errors: [PeerError] = [
            .interpreterMissing("/x/python"), .workerScriptMissing(["/a", "/b"]), .startFailed("ENOENT"),
            .handshakeRefused("missing package"), .workerDied(how: "was killed by signal 11", stderrTail: "a | b"),
            .workerDied(how: "exited with status 1", stderrTail: ""), .malformedReply(line: "x", expected: "ok"),
            .timedOut("the handshake"), .requestFailed("boom"), .sharedMemory("ENOSPC"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
            #expect(error.description.hasPrefix("python peers: "))
        }
    }
}
