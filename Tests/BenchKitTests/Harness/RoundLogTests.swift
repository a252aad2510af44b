import Foundation
import Testing
@testable import BenchKit

@Suite struct RoundLogTests {
    @Test func roundLogCountsPerPieceAndRoundTrips() throws {
        // Two pieces, three rounds: piece 0 quiet in rounds 0 and 2, piece 1 in round 2 only.
        let log = RoundLog(size: 1024, piecesPerRound: 2, probeNsPerElement: [1, 1, 2, 2, 1, 1, 1],
                           quiet: [true, false, false, false, true, true], slowdown: [nil, 1.5, 1.0], duration: 0.5,
                           offCPUShare: [0, 0, 0.3, 0, 0, 0.01])
        #expect(log.rounds == 3 && log.quietCount == 1 && log.rejectedCount == 3)
        #expect(log.quiet(piece: 0) == [true, false, true] && log.quiet(piece: 1) == [false, false, true])
        let data = try JSONEncoder().encode(log)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"probe_ns_per_element\"") && text.contains("\"pieces_per_round\"")
                && text.contains("\"round_slowdown\"") && text.contains("\"off_cpu_share\""))
        #expect(try JSONDecoder().decode(RoundLog.self, from: data) == log)
    }
}
