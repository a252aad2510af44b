import CKernels
import Foundation
import Testing

/// ck_sleef_primitive_* (through trampolines.c): the bare SLEEF functions over arrays.
/// These also pin down the calling convention of the trampolines: a vector passed wrongly
/// gives garbage in every lane, not a small error.
struct SleefPrimitive: Sendable, CustomTestStringConvertible {
    let code: Int32
    let name: String
    let reference: @Sendable (Double) -> Double
    /// SLEEF's documented bound plus a margin for the Double reference.
    let ulpBound: Double

    var testDescription: String { name }

    static let all: [SleefPrimitive] = [
        SleefPrimitive(code: 0, name: "exp u10", reference: { exp($0) }, ulpBound: 1.01),
        SleefPrimitive(code: 1, name: "expm1 u10", reference: { expm1($0) }, ulpBound: 1.01),
        SleefPrimitive(code: 2, name: "tanh u10", reference: { tanh($0) }, ulpBound: 1.01),
        SleefPrimitive(code: 3, name: "tanh u35", reference: { tanh($0) }, ulpBound: 3.51),
        // SLEEF 3.5.1's erff exceeds its 1.0 ulp slightly for tiny x (1.076 ulp at 3.8e-38).
        SleefPrimitive(code: 4, name: "erf u10", reference: { erf($0) }, ulpBound: 1.1),
        SleefPrimitive(code: 5, name: "erfc u15", reference: { erfc($0) }, ulpBound: 1.51),
    ]
}

private func runPrimitive(_ isa: ISA, _ code: Int32, _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ count: Int) {
    switch isa {
    case .avx2: ck_primitive_u10_avx2(code, input, output, count)
    case .avx512: ck_primitive_u10_avx512(code, input, output, count)
    }
}

private func checkPrimitive(_ isa: ISA, _ prim: SleefPrimitive) {
    // erfc underflows below x = -10.05 in float and exp overflows above 88.7: both are inside
    // the grid, and both give the same verdict as the reference rounded to float.
    let xs = Inputs.grid + Inputs.specials
    let input = GuardedBuffer(count: xs.count), output = GuardedBuffer(count: xs.count)
    input.fill(xs)
    runPrimitive(isa, prim.code, input.pointer, output.pointer, xs.count)
    var maxULP = 0.0, worst: Float = 0
    for (x, y) in zip(xs, output.values) {
        let u = ulpError(y, prim.reference(Double(x)))
        if u > maxULP { maxULP = u; worst = x }
    }
    print("\(isa.rawValue) \(prim.name): max \(maxULP) ulp at x = \(worst)")
    #expect(maxULP <= prim.ulpBound, "max \(maxULP) ulp at x = \(worst)")
    #expect(output.guardsIntact)
}

private func checkPrimitiveTails(_ isa: ISA) {
    for count in Inputs.tailCounts {
        let xs = Inputs.random(count: count, in: -5...5)
        for prim in SleefPrimitive.all {
            let input = GuardedBuffer(count: count, offset: 1), output = GuardedBuffer(count: count, offset: 1)
            input.fill(xs)
            runPrimitive(isa, prim.code, input.pointer, output.pointer, count)
            #expect(output.guardsIntact, "\(prim.name), count \(count)")
            let bad = zip(xs, output.values).filter { ulpError($1, prim.reference(Double($0))) > prim.ulpBound }.count
            #expect(bad == 0, "\(prim.name), count \(count): \(bad) wrong")
        }
    }
}

private func checkUnknownCode(_ isa: ISA) {
    for code: Int32 in [-1, 6, 99] {
        let input = GuardedBuffer(count: 9), output = GuardedBuffer(count: 9)
        input.fill(Inputs.random(count: 9))
        runPrimitive(isa, code, input.pointer, output.pointer, 9)
        let allNaN = output.values.allSatisfy(\.isNaN)
        #expect(allNaN, "code \(code)")
        #expect(output.guardsIntact)
    }
}

@Suite("SLEEF primitives, AVX2", .enabled(if: ISA.avx2.isAvailable, "this CPU has no AVX2 + FMA"))
struct SleefAVX2PrimitiveTests {
    @Test("within SLEEF's bound of Double", arguments: SleefPrimitive.all)
    func accuracy(_ prim: SleefPrimitive) { checkPrimitive(.avx2, prim) }

    @Test("tails and misalignment") func tails() { checkPrimitiveTails(.avx2) }

    @Test("an unknown primitive code fills NaN") func unknownCode() { checkUnknownCode(.avx2) }
}

@Suite("SLEEF primitives, AVX-512", .enabled(if: ISA.avx512.isAvailable, "this CPU has no AVX-512 F"))
struct SleefAVX512PrimitiveTests {
    @Test("within SLEEF's bound of Double", arguments: SleefPrimitive.all)
    func accuracy(_ prim: SleefPrimitive) { checkPrimitive(.avx512, prim) }

    @Test("tails and misalignment") func tails() { checkPrimitiveTails(.avx512) }

    @Test("an unknown primitive code fills NaN") func unknownCode() { checkUnknownCode(.avx512) }
}
