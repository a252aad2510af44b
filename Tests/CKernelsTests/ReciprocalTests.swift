import CKernels
import Testing

/// reciprocal.c: the AVX2 kernels' 1/x is a division, correctly rounded, so it gives the same
/// bits on every CPU; VRCPPS, whose bits are the vendor's, fails `sameBitsAsDivision`. It runs in
/// the kernels' own loop (ck_map.h), whose tail `tailIsWrittenAndNothingPastIt` checks.
@Suite("the AVX2 reciprocal")
struct ReciprocalTests {
    /// Every mantissa of [1, 2), the range the kernels use it on (1 + e^-|x| and the like), and
    /// every 61st of two binades away from it.
    static func inputs(binade: Int, stride: Int) -> [Float] {
        Swift.stride(from: 0, to: 1 << 23, by: stride).map { Float(sign: .plus, exponent: binade, significand: 1 + Float($0) * 0x1p-23) }
    }

    @Test(.enabled(if: ISA.avx2.isAvailable, "this CPU has no AVX2 + FMA"), arguments: [(0, 1), (-3, 61), (5, 61)])
    func sameBitsAsDivision(binade: Int, stride: Int) {
        let x = Self.inputs(binade: binade, stride: stride)
        var out = [Float](repeating: .nan, count: x.count)
        ck_reciprocal_avx2(x, &out, x.count)
        let mismatches = zip(x, out).filter { $1.bitPattern != (1 / $0).bitPattern }.count
        #expect(mismatches == 0)
    }

    @Test(.enabled(if: ISA.avx2.isAvailable, "this CPU has no AVX2 + FMA"))
    func tailIsWrittenAndNothingPastIt() {
        for count in [0, 1, 7, 9, 17] {
            let input = GuardedBuffer(count: count), output = GuardedBuffer(count: count)
            input.fill((0..<count).map { 1 + Float($0) / 16 })
            ck_reciprocal_avx2(input.pointer, output.pointer, count)
            #expect(zip(input.values, output.values).allSatisfy { $1.bitPattern == (1 / $0).bitPattern }, "count \(count)")
            #expect(output.guardsIntact)
        }
    }
}
