import Foundation
import Testing
@testable import BenchKit

@Suite struct RunConfigurationTests {
    func configuration(screening: Screening? = Screening(maxDuration: 40), rules: ScreeningRules = .standard) -> RunConfiguration {
        var configuration = ReportFixture.report().configuration
        configuration.screening = screening
        configuration.rules = rules
        return configuration
    }

    func json(_ configuration: RunConfiguration) throws -> String {
        String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)
    }

    /// The standard rules write the `screening` object as it always was and no `rules` object;
    /// other rules write the tolerances there and every other differing constant under `rules`.
    @Test func rulesRoundTripAndTheStandardOnesAddNothing() throws {
        let standard = configuration()
        let text = try json(standard)
        #expect(!text.contains("\"rules\"") && text.contains("\"tolerance\":0.03") && text.contains("\"own_tolerance\":0.05"))
        #expect(try JSONDecoder().decode(RunConfiguration.self, from: Data(text.utf8)) == standard)
        let other = configuration(rules: ScreeningRules(quietTolerance: 0.04, bandFloorReadings: 5, consensusTolerance: nil,
                                                        stateSplit: 0.1, selectsKernelPace: false))
        let otherText = try json(other)
        #expect(otherText.contains("\"tolerance\":0.04") && !otherText.contains("consensus_tolerance"))
        #expect(otherText.contains("\"band_floor_readings\":5") && otherText.contains("\"state_split\":0.1")
                && otherText.contains("\"kernel_paces\":false") && !otherText.contains("band_reach"))
        #expect(try JSONDecoder().decode(RunConfiguration.self, from: Data(otherText.utf8)) == other)
        // Unscreened: no screening object, and the selection constants still recorded.
        let unscreened = configuration(screening: nil, rules: ScreeningRules(stateSplit: 0.1))
        #expect(try JSONDecoder().decode(RunConfiguration.self, from: JSONEncoder().encode(unscreened)) == unscreened)
    }

    /// A report made before the own test and the off-CPU test (no `own_tolerance`,
    /// `off_cpu_tolerance`) decodes as screened without them.
    @Test func anOldReportDecodesWithoutTheTestsItLacked() throws {
        var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(configuration())) as! [String: Any]
        object["screening"] = ["tolerance": 0.03, "consensus_tolerance": 0.05, "max_duration_s": 60]
        let decoded = try JSONDecoder().decode(RunConfiguration.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded.rules == ScreeningRules(ownTolerance: nil, offCPUTolerance: nil))
        #expect(decoded.screening == Screening(maxDuration: 60))
    }
}
