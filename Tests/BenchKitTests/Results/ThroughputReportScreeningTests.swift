import Foundation
import Testing
@testable import BenchKit

@Suite struct ThroughputReportScreeningTests {
    /// A report's band comes from its probe log; an unscreened report has none.
    @Test func aReportCarriesItsQuietBand() {
        var report = ReportFixture.report()
        #expect(report.probeQuietBand == nil && report.screeningWarnings.isEmpty)
        report.configuration.screening = Screening()
        report.configuration.samples = 2
        report.rounds = [RoundLog(size: 1024, piecesPerRound: 1, probeNsPerElement: [5.3, 5.3, 7.0, 5.3],
                                  quiet: [true, false, false], duration: 1)]
        #expect(report.probeQuietBand == 5.3...(5.3 * 1.03))
        #expect(report.screeningWarnings == ["WARNING: size 1K: a kernel got only 1 quiet samples in 3 rounds (2 wanted) "
                                             + "within 60 s; the machine was busy and these medians may be more than 5% off, high or low."])
        #expect(report.unscreenedRows == nil)
        report.rounds[0].quiet = [false, false, false]
        #expect(report.unscreenedRows == "had no quiet sample for some kernel at 1K, so its figures come from a busy machine")
        // Readings mostly under an anchored band: the host's other speed state, not a busy machine.
        report.rounds[0].band = 5.29...5.45
        report.rounds[0].probeNsPerElement = [4.45, 4.46, 4.46, 5.3]
        #expect(report.unscreenedRows == "had no quiet sample for some kernel at 1K, the machine running faster than "
                    + "the band it was screened against (probe median 4.46 ns against 5.29-5.45): another speed state")
    }
}
