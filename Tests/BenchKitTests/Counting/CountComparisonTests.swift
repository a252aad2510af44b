import Testing
@testable import BenchKit

@Suite struct CountComparisonTests {
    @Test func identicalCountsAreEqualAndPass() throws {
        let c = try CountComparison(baseline: CountFixture.report(), current: CountFixture.report(), threshold: 0.01)
        #expect(c.rows.map(\.verdict) == [.equal, .equal])
        #expect(!c.failed)
        #expect(c.summaryLine.hasPrefix("comparison passed: 0 regressed, 0 improved, 2 unchanged (2 identical)"))
    }

    @Test func aRiseAboveTheThresholdRegresses() throws {
        let c = try CountComparison(baseline: CountFixture.report(), current: CountFixture.report(tanhFactor: 1.02), threshold: 0.01)
        #expect(c.rows.map(\.verdict) == [.equal, .regressed])
        #expect(c.failed)
        #expect(c.tableText().contains("+2.00%"))
        #expect(c.markdownText().contains("### Regressions"))
    }

    @Test func aRiseWithinTheThresholdIsUnchanged() throws {
        let c = try CountComparison(baseline: CountFixture.report(), current: CountFixture.report(tanhFactor: 1.005), threshold: 0.01)
        #expect(c.rows.map(\.verdict) == [.equal, .unchanged])
        #expect(!c.failed)
    }

    @Test func aFallBeyondTheThresholdImproves() throws {
        let c = try CountComparison(baseline: CountFixture.report(), current: CountFixture.report(tanhFactor: 0.9), threshold: 0.01)
        #expect(c.rows.map(\.verdict) == [.equal, .improved])
        #expect(!c.failed)
        #expect(c.improved.count == 1)
    }

    @Test func anotherToolchainIsRefusedUnlessForced() throws {
        var other = CountFixture.toolchain
        other.valgrindVersion = "valgrind-3.22.0"
        let baseline = CountFixture.report(toolchain: other)
        #expect(throws: CompareError.toolchainMismatch(baseline: other.key, current: CountFixture.toolchain.key)) {
            try CountComparison(baseline: baseline, current: CountFixture.report(), threshold: 0.01)
        }
        let forced = try CountComparison(baseline: baseline, current: CountFixture.report(), threshold: 0.01, force: true)
        #expect(forced.notes.contains { $0.hasPrefix("forced: different toolchains") })
    }

    @Test func reportsWithNoKernelInCommonAreRefused() {
        let error = #expect(throws: CompareError.self) {
            try CountComparison(baseline: CountFixture.report(size: 4096), current: CountFixture.report(), threshold: 0.01)
        }
        guard case .nothingInCommon? = error else { Issue.record("expected .nothingInCommon, got \(String(describing: error))"); return }
    }

    @Test func aReportListingAKernelTwiceIsRefused() {
        var twice = CountFixture.report()
        twice.results.append(twice.results[0])
        let label = KernelKey(function: twice.results[0].function, implementation: twice.results[0].implementation,
                              size: twice.results[0].size, threads: 1).label
        #expect(throws: CompareError.duplicateKernel(kernel: label, side: "current")) {
            try CountComparison(baseline: CountFixture.report(), current: twice, threshold: 0.01)
        }
    }

    @Test func theToolchainKeyNamesEverythingACountDependsOn() {
        let key = CountFixture.toolchain.key
        for part in ["6.3", "release", "haswell", "valgrind-3.19.0", "3.5.1", "glibc 2.36"] { #expect(key.contains(part), "key lacks \(part)") }
    }
}
