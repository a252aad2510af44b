import Foundation
import Testing
@testable import BenchKit

@Suite struct ScreeningTests {
    /// Sample k lies between readings k and k + 1; both must be within the tolerance of the quietest.
    @Test func quietMeansBothReadingsAroundASampleAreNearTheQuietest() {
        let screen = Screening(tolerance: 0.05)
        #expect(screen.quietSamples(probes: [2.0, 2.1, 2.11, 2.0, 2.0]) == [true, false, false, true])
        #expect(screen.quietSamples(probes: [2.0]) == [])
        #expect(screen.quietSamples(probes: []) == [])
    }

    @Test func defaultsAreTheMeasuredOnes() {
        let screen = Screening()
        #expect(screen.tolerance == 0.03 && screen.maxDuration == 60)
    }

    @Test func roundLogCountsPerPieceAndRoundTrips() throws {
        // Two pieces, three rounds: piece 0 quiet in rounds 0 and 2, piece 1 in round 2 only.
        let log = RoundLog(size: 1024, piecesPerRound: 2, probeNsPerElement: [1, 1, 2, 2, 1, 1, 1],
                           quiet: [true, false, false, false, true, true], duration: 0.5)
        #expect(log.rounds == 3 && log.quietCount == 1 && log.rejectedCount == 3)
        #expect(log.quiet(piece: 0) == [true, false, true] && log.quiet(piece: 1) == [false, false, true])
        let data = try JSONEncoder().encode(log)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"probe_ns_per_element\"") && text.contains("\"pieces_per_round\""))
        #expect(try JSONDecoder().decode(RoundLog.self, from: data) == log)
        let screening = Screening(tolerance: 0.04, maxDuration: 40)
        #expect(try JSONDecoder().decode(Screening.self, from: JSONEncoder().encode(screening)) == screening)
    }
}
