import Testing
@testable import BenchKit

/// The primitives table of an exhaustive campaign, held against MPFR on slices of the bit patterns.
@Suite struct AccuracyCampaignPrimitivesTests {
    /// [1, 1.0078) inside every domain; [-2.0039, -2] too; [9, 9.0078) inside exp's, expm1's and
    /// erfc's, tanh's only at 9 and erf's nowhere (rows of one input and of none).
    static let slices: [ClosedRange<UInt32>] = [0x3f80_0000...0x3f80_ffff, 0xc000_0000...0xc000_7fff, 0x4110_0000...0x4110_7fff]

    @Test(arguments: slices)
    func sliceMatchesMPFR(patterns: ClosedRange<UInt32>) throws {
        var campaign = AccuracyCampaign(kernels: Registry.standard.kernels)
        campaign.exhaustive = true
        campaign.patterns = patterns
        let (rows, method) = campaign.primitiveTable(progress: nil)
        let kernels = Primitive.allCases.flatMap { p in PrimitiveKernel.all.filter { $0.primitive == p && $0.isAvailable } }
        #expect(rows.map { "\($0.primitive)/\($0.implementation)" } == kernels.map { "\($0.primitive)/\($0.implementation)" })
        #expect(method.mode == "exhaustive")
        var total = 0
        for primitive in Primitive.allCases {
            let inputs = patterns.map { Float(bitPattern: $0) }.filter(primitive.domain.contains)
            let refs = Reference.evaluate(primitive.referenceTarget, inputs)
            total += inputs.count
            for (kernel, row) in zip(kernels, rows) where kernel.primitive == primitive {
                var outputs = [Float](repeating: .nan, count: inputs.count)
                inputs.withUnsafeBufferPointer { i in
                    outputs.withUnsafeMutableBufferPointer { o in
                        if let i = i.baseAddress, let o = o.baseAddress { kernel.run(i, o, inputs.count) }
                    }
                }
                let mpfr = AccuracyStats(inputs: inputs, outputs: outputs, references: refs)
                let id = "\(primitive)/\(kernel.implementation)"
                #expect(row.primitive == primitive.rawValue)
                #expect(row.stats.count == inputs.count, "\(id)")
                #expect(abs(row.stats.maxULP - mpfr.maxULP) < 1e-6, "\(id): \(row.stats.maxULP) vs \(mpfr.maxULP)")
                #expect(row.stats.maxULPInput == mpfr.maxULPInput, "\(id)")
                #expect(abs(row.stats.correctlyRoundedShare - mpfr.correctlyRoundedShare) < 1e-9, "\(id)")
            }
        }
        #expect(method.inputs == total)
        #expect((method.validationMaxULP ?? .infinity) < DoubleReference.midpointGuard / 4)
    }

    /// A run of some functions shows the primitives those are built from, and no others.
    @Test func aSelectionShowsItsFunctionsPrimitives() {
        let tanh = Registry.standard.kernels.filter { $0.function == .tanh }
        #expect(Set(AccuracyCampaign(kernels: tanh).availablePrimitives.map(\.primitive)) == [.tanh, .expm1])
        let sigmoid = Registry.standard.kernels.filter { $0.function == .sigmoid }
        #expect(AccuracyCampaign(kernels: sigmoid).availablePrimitives.map(\.primitive) == [.exp])
        #expect(AccuracyCampaign(kernels: []).availablePrimitives.isEmpty)
    }

    @Test func sampledCampaignSamplesEachDomain() {
        let (rows, method) = AccuracyCampaign(kernels: Registry.standard.kernels).primitiveTable(progress: nil)
        let perPrimitive = 2 * AccuracyCampaign.primitiveSampleCount
        #expect(method.mode == "sampled")
        #expect(method.inputs == perPrimitive * Primitive.allCases.count)
        #expect(method.settledByMPFR == nil)
        #expect(rows.allSatisfy { $0.stats.count == perPrimitive })
    }
}
