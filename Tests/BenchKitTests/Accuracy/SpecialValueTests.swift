import Testing
@testable import BenchKit

/// NaN, infinities, signed zeros, subnormals and saturation, for every kernel with an accuracy budget.
@Suite struct SpecialValueTests {
    /// Inputs whose results are exact limits: the kernel must return the correctly rounded value
    /// bit for bit (so the sign of zero counts).
    static let exactInputs: [Float] = [
        .nan, .infinity, -.infinity, 0, -0.0,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e30, -1e30, 1e10, -1e10, 1000, -1000,
    ]
    static let subnormals: [Float] = [.leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0x1p-140, -0x1p-140,
                                      Float.leastNormalMagnitude.nextDown, -Float.leastNormalMagnitude.nextDown]

    func outputs(_ kernel: Kernel, _ inputs: [Float]) -> [Float] {
        AccuracyRun(sample: AccuracySample(inputs: inputs)).run(kernel)
    }

    @Test(arguments: AccuracyFixture.budgetedKernels)
    func limitsAreExact(id: String) throws {
        let kernel = AccuracyFixture.kernel(id)
        try #require(kernel.isAvailable)
        let ys = outputs(kernel, Self.exactInputs)
        for (x, y) in zip(Self.exactInputs, ys) {
            let expected = Reference.evaluate(.activation(kernel.function), x).roundedToFloat
            let same = (y.isNaN && expected.isNaN) || (y == expected && y.sign == expected.sign)
            #expect(same, "\(id)(\(x)) = \(y), expected \(expected)")
        }
    }

    @Test(arguments: AccuracyFixture.budgetedKernels)
    func subnormalInputs(id: String) throws {
        let kernel = AccuracyFixture.kernel(id)
        try #require(kernel.isAvailable)
        let ys = outputs(kernel, Self.subnormals)
        for (x, y) in zip(Self.subnormals, ys) {
            let r = Reference.evaluate(.activation(kernel.function), x)
            let error = ULP.error(y, r)
            #expect(kernel.meetsBudget(y, r) == true, "\(id)(\(x)) = \(y): \(error) ulp")
            if kernel.function != .sigmoid && y != 0 {
                #expect(y.sign == x.sign, "\(id)(\(x)) = \(y) has the wrong sign")
            }
        }
    }

    @Test func expectedLimitsFromTheReference() {
        // The reference itself, on the limits the kernels are held to.
        #expect(Reference.evaluate(.activation(.sigmoid), -.infinity).roundedToFloat == 0)
        #expect(Reference.evaluate(.activation(.tanh), -.infinity).roundedToFloat == -1)
        #expect(Reference.evaluate(.activation(.elu), -.infinity, alpha: 1).roundedToFloat == -1)
        let geluMinusInf = Reference.evaluate(.activation(.geluErf), -.infinity).roundedToFloat
        #expect(geluMinusInf == 0 && geluMinusInf.sign == .minus)
        #expect(Reference.evaluate(.activation(.geluTanh), .greatestFiniteMagnitude).roundedToFloat == .greatestFiniteMagnitude)
    }
}
