import Testing
@testable import BenchKit

/// The eight-lane accumulation gives the figures of adding the inputs one by one.
@Suite struct AccuracyAccumulatorColumnsTests {
    /// Ascending inputs; references that are normal, tiny (zero included) and, in a few blocks, not
    /// ordinary (NaN, infinite, rounding to infinity); outputs exact, a few ulps off, NaN, infinite,
    /// the other zero; the largest error reached at several inputs in different lanes; 405 inputs, so
    /// the last five go one by one.
    static func mixedCase(seed: UInt64, from first: UInt32 = 0x3f00_0000) -> (inputs: [Float], outputs: [Float], references: [ReferenceValue]) {
        var generator = SeededGenerator(seed: seed)
        let n = 8 * 50 + 5
        let inputs = (0..<n).map { Float(bitPattern: first &+ UInt32($0) &* 97) }
        var outputs: [Float] = [], references: [ReferenceValue] = []
        for i in 0..<n {
            let kind = Int.random(in: 0..<20, using: &generator)
            var r: ReferenceValue
            switch kind {
            case 0: r = ReferenceValue(hi: Double(Float.random(in: 0x1p-149...0x1p-127, using: &generator)) * 1.3)
            case 1: r = ReferenceValue(hi: 0)
            case 2 where i / 8 % 7 == 3: r = ReferenceValue(hi: .nan)
            case 3 where i / 8 % 7 == 3: r = ReferenceValue(hi: -.infinity)
            case 4 where i / 8 % 11 == 5: r = ReferenceValue(hi: 0x1p128)
            default: r = ReferenceValue(hi: Double(Float.random(in: -4...4, using: &generator)), lo: Double.random(in: -1e-9...1e-9, using: &generator))
            }
            let rounded = r.roundedToFloat
            var y = rounded
            switch Int.random(in: 0..<12, using: &generator) {
            case 0: y = .nan
            case 1: y = -.infinity
            case 2 where rounded == 0: y = -rounded
            case 3, 4: y = rounded.isFinite ? rounded + Float(Int.random(in: -3...3, using: &generator)) * rounded.ulp : rounded
            default: break
            }
            if [13, 42, 45, 301].contains(i) {   // the largest error, four times, in lanes 5, 2, 5 and 5
                r = ReferenceValue(hi: 2)
                y = 2 + 9 * Float(2).ulp
            }
            references.append(r)
            outputs.append(y)
        }
        return (inputs, outputs, references)
    }

    static func oneByOne(_ inputs: [Float], _ outputs: [Float], _ references: [ReferenceValue], from start: AccuracyAccumulator) -> AccuracyStats {
        var a = start
        for i in inputs.indices { a.add(input: inputs[i], output: outputs[i], reference: ULP.Prepared(references[i])) }
        return a.stats
    }

    static func columns(_ references: [ReferenceValue], reusing c: ReferenceColumns? = nil) -> ReferenceColumns {
        let c = c ?? ReferenceColumns(capacity: references.count)
        c.resetBlocks()
        for (i, r) in references.enumerated() { c.set(i, ULP.Prepared(r)) }
        return c
    }

    static func expectSame(_ a: AccuracyStats, _ b: AccuracyStats) {
        var b = b
        #expect(Swift.abs(a.meanULP - b.meanULP) <= 1e-12 * Swift.abs(a.meanULP))
        b.meanULP = a.meanULP
        #expect(a == b)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func eightLanesGiveTheOneByOneFigures(seed: UInt64) {
        let (inputs, outputs, references) = Self.mixedCase(seed: seed)
        var block = AccuracyAccumulator()
        block.add(inputs: inputs, outputs: outputs, references: Self.columns(references), count: inputs.count)
        let expected = Self.oneByOne(inputs, outputs, references, from: AccuracyAccumulator())
        Self.expectSame(block.stats, expected)
        #expect(block.stats.finitenessMismatches > 0 && block.stats.maxTinyResultError! > 0)
    }

    @Test func aTiedLargestErrorIsReportedAtItsFirstInput() {
        let (inputs, outputs, references) = Self.mixedCase(seed: 6)
        let ordinary = references.map { $0.hi.isFinite && $0.hi < 0x1p100 ? $0 : ReferenceValue(hi: 2) }
        let finite = outputs.indices.map { i in outputs[i].isFinite && ordinary[i] == references[i] ? outputs[i] : ordinary[i].roundedToFloat }
        var block = AccuracyAccumulator()
        block.add(inputs: inputs, outputs: finite, references: Self.columns(ordinary), count: inputs.count)
        Self.expectSame(block.stats, Self.oneByOne(inputs, finite, ordinary, from: AccuracyAccumulator()))
        #expect(block.stats.maxULP == 9)
        #expect(block.stats.maxULPInput == inputs[13], "the first of the tied inputs")
        #expect(block.stats.maxULPNormalResultInput == inputs[13])
    }

    @Test func addsOntoAnAccumulatorAndReusesColumns() {
        let (inputs, outputs, references) = Self.mixedCase(seed: 4)
        let (moreInputs, moreOutputs, moreReferences) = Self.mixedCase(seed: 5, from: 0x4000_0000)   // after the first case's inputs: ties go to the smaller bit pattern
        var start = AccuracyAccumulator()
        start.add(inputs: inputs, outputs: outputs, references: Self.columns(references), count: inputs.count)
        // The second case's ordinary blocks must not stay marked by the first case's NaNs.
        let ordinary = moreReferences.map { $0.hi.isFinite && $0.hi < 0x1p100 ? $0 : ReferenceValue(hi: 1) }
        let reused = Self.columns(references)
        var block = start
        block.add(inputs: moreInputs, outputs: moreOutputs, references: Self.columns(ordinary, reusing: reused), count: moreInputs.count)
        Self.expectSame(block.stats, Self.oneByOne(moreInputs, moreOutputs, ordinary, from: start))
        #expect((0..<reused.blocks).allSatisfy { reused.ordinaryBlock[$0] })
    }

    @Test func fewerThanEightInputsGoOneByOne() {
        let inputs: [Float] = [0.5, 0.25, 0.125]
        let references = inputs.map { ReferenceValue(hi: Double($0)) }
        var block = AccuracyAccumulator()
        block.add(inputs: inputs, outputs: [0.5, .nan, 0.125 + Float(0.125).ulp], references: Self.columns(references), count: 3)
        Self.expectSame(block.stats, Self.oneByOne(inputs, [0.5, .nan, 0.125 + Float(0.125).ulp], references, from: AccuracyAccumulator()))
    }
}
