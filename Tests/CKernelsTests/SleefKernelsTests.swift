import CKernels
import Testing

/// vecmath_kernels_template.h through its two instantiations, sleef_avx2.c and sleef_avx512.c.
/// A suite whose ISA this CPU lacks is reported as skipped (it cannot run here at all).
@Suite("SLEEF kernels, AVX2", .enabled(if: ISA.avx2.isAvailable, "this CPU has no AVX2 + FMA"))
struct SleefAVX2KernelTests {
    @Test("accuracy against Double over [-20, 20] and all binades", arguments: SleefKernel.all(.avx2))
    func accuracy(_ kernel: SleefKernel) { KernelChecks.accuracy(kernel) }

    @Test("NaN, ±inf, ±0, ±FLT_MAX, subnormals, saturation", arguments: SleefKernel.all(.avx2))
    func specials(_ kernel: SleefKernel) { KernelChecks.specials(kernel) }

    @Test("tails, misalignment, in place, guards", arguments: SleefKernel.all(.avx2), Inputs.tailCounts)
    func tailsAndAliasing(_ kernel: SleefKernel, count: Int) { KernelChecks.tailsAndAliasing(kernel, count: count) }

    @Test("ELU scales its negative side by alpha", arguments: [Float(0.5), 2, 0])
    func eluAlpha(_ alpha: Float) {
        let xs = Inputs.random(count: 37, in: -10...10)
        var ys = [Float](repeating: 0, count: xs.count)
        ck_elu_u10_avx2(xs, &ys, xs.count, alpha)
        for (x, y) in zip(xs, ys) {
            #expect(ulpError(y, Reference.elu(Double(x), alpha: Double(alpha))) <= 1.5, "elu(\(x), alpha \(alpha)) = \(y)")
        }
    }
}

@Suite("SLEEF kernels, AVX-512", .enabled(if: ISA.avx512.isAvailable, "this CPU has no AVX-512 F"))
struct SleefAVX512KernelTests {
    @Test("accuracy against Double over [-20, 20] and all binades", arguments: SleefKernel.all(.avx512))
    func accuracy(_ kernel: SleefKernel) { KernelChecks.accuracy(kernel) }

    @Test("NaN, ±inf, ±0, ±FLT_MAX, subnormals, saturation", arguments: SleefKernel.all(.avx512))
    func specials(_ kernel: SleefKernel) { KernelChecks.specials(kernel) }

    @Test("tails, misalignment, in place, guards", arguments: SleefKernel.all(.avx512), Inputs.tailCounts)
    func tailsAndAliasing(_ kernel: SleefKernel, count: Int) { KernelChecks.tailsAndAliasing(kernel, count: count) }

    @Test("ELU scales its negative side by alpha", arguments: [Float(0.5), 2, 0])
    func eluAlpha(_ alpha: Float) {
        let xs = Inputs.random(count: 37, in: -10...10)
        var ys = [Float](repeating: 0, count: xs.count)
        ck_elu_u10_avx512(xs, &ys, xs.count, alpha)
        for (x, y) in zip(xs, ys) {
            #expect(ulpError(y, Reference.elu(Double(x), alpha: Double(alpha))) <= 1.5, "elu(\(x), alpha \(alpha)) = \(y)")
        }
    }
}

/// The same values give nearly the same results whichever ISA computes them: both instantiate one
/// template, and SLEEF builds each primitive from the same algorithm for each ISA (their float
/// primitives agree bit for bit). The one operation that is not correctly rounded is the approximate
/// reciprocal in the quotient's correction term (VRCPPS on AVX2, VRCP14PS on AVX-512: different
/// approximations), which moves a rare result by one ulp.
@Test("AVX2 and AVX-512 kernels agree", .enabled(if: ISA.avx2.isAvailable && ISA.avx512.isAvailable, "needs AVX2 and AVX-512 F"),
      arguments: zip(SleefKernel.all(.avx2), SleefKernel.all(.avx512)))
func isasAgree(_ avx2: SleefKernel, _ avx512: SleefKernel) {
    let xs = Inputs.random(count: 10_001, in: -20...20)
    let a = avx2(xs), b = avx512(xs)
    let differing = zip(a, b).filter { $0.bitPattern != $1.bitPattern }
    #expect(differing.count <= xs.count / 1000, "\(differing.count) of \(xs.count) results differ")
    for (p, q) in differing {
        #expect(p.nextUp == q || p.nextDown == q, "\(p) vs \(q): more than one ulp apart")
    }
}
