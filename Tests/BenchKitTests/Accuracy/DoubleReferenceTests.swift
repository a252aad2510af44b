import Testing
@testable import BenchKit

/// The fast Double reference of exhaustive runs, held against MPFR.
@Suite struct DoubleReferenceTests {
    /// Every target an exhaustive run measures against, with the range its sample's grid covers and
    /// the domain its inputs are kept to: an activation over [-20, 20] and every input, a primitive
    /// over its table domain.
    static let targets: [(Reference.Target, grid: ClosedRange<Float>, domain: ClosedRange<Float>?)] =
        ActivationFunction.allCases.map { (.activation($0), -20...20, nil) }
        + Primitive.allCases.map { ($0.referenceTarget, $0.domain, $0.domain) }

    @Test(arguments: targets)
    func agreesWithMPFRFarBelowTheMidpointGuard(target: Reference.Target, grid: ClosedRange<Float>, domain: ClosedRange<Float>?) {
        let inputs = AccuracySample(randomCount: 10_000, gridCount: 10_000, grid: grid, seed: 99).inputs
            .filter { domain?.contains($0) ?? true }
        let refs = Reference.evaluate(target, inputs, alpha: 1)
        for (x, r) in zip(inputs, refs) {
            let d = DoubleReference.value(target, x, alpha: 1)
            #expect(d.isNaN == r.hi.isNaN, "\(target.name)(\(x))")
        }
        let worst = DoubleReference(target).disagreement(over: inputs)
        #expect(worst < DoubleReference.midpointGuard / 4, "\(target.name): \(worst) ulp")
    }

    @Test func nearMidpointInputsGoToMPFR() {
        // 1 + 2^-24 is exactly the midpoint between 1 and 1 + 2^-23.
        #expect(DoubleReference.nearMidpoint(ULP.Prepared(ReferenceValue(hi: 1 + 0x1p-24))))
        #expect(!DoubleReference.nearMidpoint(ULP.Prepared(ReferenceValue(hi: 1 + 0x1p-25))))
        #expect(!DoubleReference.nearMidpoint(ULP.Prepared(ReferenceValue(hi: .nan))))
    }
}

@Suite struct QuickAccuracyTests {
    @Test func simdKernelsAreWithinBudgetAndNaiveTanhIsNot() throws {
        var quick = QuickAccuracy(randomCount: 4096, gridCount: 4096)
        let simd = try #require(Registry.standard.kernel(.sigmoid, "swift-simd16"))
        let simdULP = quick.maxULP(simd)
        #expect(simdULP != nil && simdULP! <= 4)
        let naive = try #require(Registry.standard.kernel(.tanh, "swift-naive"))
        let naiveULP = quick.maxULP(naive)
        #expect(naiveULP == .infinity)
    }
}

@Suite struct HexDescriptionTests {
    @Test func roundTripsThroughFloatParsing() {
        for x: Float in [1, -1.5, 0x1.8p+3, .leastNonzeroMagnitude, -0x1p-140, .greatestFiniteMagnitude, 1e-30, -0.0, 0, Float.leastNormalMagnitude.nextDown] {
            let text = x.hexDescription
            #expect(Float(text)?.bitPattern == x.bitPattern, "\(x) → \(text)")
        }
        #expect(Float.infinity.hexDescription == "inf")
        #expect(Float.nan.hexDescription == "nan")
        #expect((-Float.nan).hexDescription == "-nan")
        #expect(Float("-nan")!.hexDescription == "-nan")   // eval's parser keeps the sign it prints
        #expect(Float(1).hexDescription == "0x1p+0")
    }
}
