import Foundation
import Testing
@testable import BenchKit

@Suite struct CallgrindDumpTests {
    /// The head of a dump as callgrind 3.19 writes it for CALLGRIND_DUMP_STATS_AT.
    static let dump = """
        # callgrind format
        version: 1
        creator: callgrind-3.19.0
        cmd:  ./bench count --count-worker
        part: 3

        desc: Timerange: Basic block 0 - 1004
        desc: Trigger: Client Request: bench-count:sigmoid/swift-simd8:1

        positions: line
        events: Ir
        summary: 409703

        fn=(0) main
        0 409703

        totals: 409703
        """

    @Test func aClientRequestDumpGivesItsLabelAndSummary() {
        #expect(CallgrindDump(text: Self.dump) == CallgrindDump(label: "bench-count:sigmoid/swift-simd8:1", instructions: 409_703))
    }

    @Test func theTerminationDumpIsIgnored() {
        let text = Self.dump.replacingOccurrences(of: "Client Request: bench-count:sigmoid/swift-simd8:1", with: "Program termination")
        #expect(CallgrindDump(text: text) == nil)
    }

    @Test func aDumpWithoutSummaryIsIgnored() {
        #expect(CallgrindDump(text: "desc: Trigger: Client Request: x\n") == nil)
    }

    @Test func readAllTakesTheNumberedFilesOfThePrefix() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.dump.write(to: directory.appendingPathComponent("callgrind.out.1"), atomically: true, encoding: .utf8)
        try "summary: 0\n".write(to: directory.appendingPathComponent("callgrind.out"), atomically: true, encoding: .utf8)
        try "x".write(to: directory.appendingPathComponent("valgrind.log"), atomically: true, encoding: .utf8)
        #expect(try CallgrindDump.readAll(in: directory, prefix: "callgrind.out").map(\.instructions) == [409_703])
    }
}
