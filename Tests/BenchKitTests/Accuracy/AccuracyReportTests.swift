import Foundation
import Testing
@testable import BenchKit

/// The accuracy report's JSON and its text views.
@Suite struct AccuracyReportTests {
    /// A report of an exhaustive campaign over a few bit patterns, the primitives included.
    static let exhaustive: AccuracyReport = {
        var campaign = AccuracyCampaign(kernels: Registry.standard.select(functions: [.sigmoid], implementations: ["swift-naive"]))
        campaign.exhaustive = true
        campaign.patterns = 0x3f80_0000...0x3f80_00ff
        return campaign.run(command: "test")
    }()

    /// Only kernels that declare a budget and miss it are listed; one without a budget never is.
    @Test func budgetFailuresNameTheBrokenPromisesOnly() {
        var report = Self.exhaustive
        #expect(report.results.count == 1 && report.results[0].withinBudget == nil && report.budgetFailures.isEmpty)
        report.results[0].implementation = "c-copy"
        report.results[0].budgetText = "≤ 3 ulp"
        report.results[0].withinBudget = false
        report.results[0].stats.maxULP = 3.4e9
        #expect(report.budgetFailures == ["sigmoid/c-copy: max 3.4e+09 ulp, budget ≤ 3 ulp"])
        report.results[0].tinyResultBound = 0x1p-126   // judged on normal results, and the tiny ones' bound
        report.results[0].stats.maxULPNormalResult = 12.5
        report.results[0].stats.maxTinyResultError = 2e-38
        #expect(report.budgetFailures == ["sigmoid/c-copy: max 12.5 ulp where normal, 2e-38 below 2^-126, budget ≤ 3 ulp"])
        report.results[0].withinBudget = true
        #expect(report.budgetFailures.isEmpty)
    }

    /// Ulps print in fixed notation up to 1e10 and in exponent notation beyond (a flush measured
    /// in a subnormal's ulps), and tiny ones in exponent notation.
    @Test func ulpTextStaysShort() {
        #expect(AccuracyReport.ulpText(16_777_216) == "16777216.000")
        #expect(AccuracyReport.ulpText(7.136e74) == "7.136e+74")
        #expect(AccuracyReport.ulpText(0.0004) == "4.0e-04")
        #expect(AccuracyReport.ulpText(.infinity) == "inf")
    }

    @Test func primitivesTableSaysItIsExhaustive() throws {
        let report = Self.exhaustive
        let method = try #require(report.primitivesMethod)
        #expect(method.mode == "exhaustive")
        #expect(report.tableText().contains("primitives (exhaustive: every float in each domain, \(method.inputs) inputs"))
        #expect(report.markdownText().contains("exhaustive: every float in each domain"))
        #expect(!report.tableText().contains("sampled:"))
    }

    @Test func primitivesTableSaysItIsSampled() {
        var report = Self.exhaustive
        report.primitivesMethod = AccuracyReport.PrimitivesMethod(mode: "sampled", inputs: 200_000, wallSeconds: 1)
        #expect(report.tableText().contains("primitives (sampled: 20000 random"))
        #expect(report.markdownText().contains("; sampled: 20000 random"))
        #expect(!report.tableText().contains("every float in each domain"))
        report.primitivesMethod = nil   // a report from before the mode was recorded: its table was sampled
        #expect(report.tableText().contains("primitives (sampled: 20000 random"))
    }

    @Test func reportsWithoutThePrimitivesMethodStillDecode() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Self.exhaustive.jsonData()) as? [String: Any])
        #expect(object["primitives_method"] != nil)
        object["primitives_method"] = nil
        let old = try AccuracyReport.decode(from: JSONSerialization.data(withJSONObject: object))
        #expect(old.primitivesMethod == nil)
        #expect(old.primitives.count == Self.exhaustive.primitives.count)
        let again = try AccuracyReport.decode(from: Self.exhaustive.jsonData())
        #expect(again.primitivesMethod?.inputs == Self.exhaustive.primitivesMethod?.inputs)
    }
}
