import Testing
import SwiftKernels
@testable import BenchKit

/// The two-part budget of `Kernel.tinyResultBound`: ulps where the exact result is at least 2^-126 in
/// magnitude (or not finite), an absolute bound below.
@Suite struct TinyResultBudgetTests {
    func kernel(ulps: Double, tiny: Double?) -> Kernel {
        Kernel(function: .sigmoid, implementation: "test", isa: "scalar", isAvailable: true, ulpBudget: ulps,
               tinyResultBound: tiny, body: { _, _, _, _ in })
    }

    @Test func aFlushedSubnormalMeetsTheTinyBoundAndNotThePlainBudget() {
        let r = ReferenceValue(hi: 0x1p-130)
        #expect(kernel(ulps: 4, tiny: 0x1p-126).meetsBudget(0, r) == true)
        #expect(kernel(ulps: 4, tiny: nil).meetsBudget(0, r) == false)
    }

    @Test func aFlushedNormalResultFailsEitherWay() {
        let r = ReferenceValue(hi: 0x1.8p-126)
        #expect(kernel(ulps: 4, tiny: 0x1p-126).meetsBudget(0, r) == false)
    }

    @Test func statsSplitNormalAndTinyResults() {
        let inputs: [Float] = [1, -90, -100]
        let refs = [ReferenceValue(hi: 1), ReferenceValue(hi: 0x1p-129), ReferenceValue(hi: -0x1p-140)]
        let outputs: [Float] = [1 + 2 * Float(1).ulp, 0, 0]
        let stats = AccuracyStats(inputs: inputs, outputs: outputs, references: refs)
        #expect(stats.maxULPNormalResult == 2)
        #expect(stats.maxTinyResultError == 0x1p-129)
        #expect(stats.maxULP == 0x1p-129 / 0x1p-149)
        #expect(kernel(ulps: 2, tiny: 0x1p-126).meetsBudget(stats) == true)
        #expect(kernel(ulps: 2, tiny: nil).meetsBudget(stats) == false)
        #expect(kernel(ulps: 2, tiny: 0x1p-130).meetsBudget(stats) == false)
    }

    @Test func budgetTextNamesBothParts() {
        #expect(kernel(ulps: 4, tiny: nil).budgetText == "≤ 4 ulp")
        #expect(kernel(ulps: 4, tiny: 0x1p-126).budgetText == "≤ 4 ulp where |exact| ≥ 2^-126; |error| ≤ 2^-126 below")
    }

    @Test func fastFamiliesDeclareTheTinyBound() {
        let fast = Registry.standard.kernels.filter { $0.implementation.hasSuffix("-fast") }
        #expect(fast.count == 10)
        for k in fast { #expect(k.tinyResultBound == Kernel.tinyResultLimit && k.ulpBudget != nil, "\(k.id)") }
    }
}
