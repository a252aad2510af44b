import CKernels
import Testing

/// unavailable.c: a kernel called on a CPU without its ISA fills its output with NaN (and
/// writes nothing else) instead of executing an instruction the CPU does not have.
@Suite("kernels of a missing ISA")
struct UnavailableTests {
    @Test("AVX-512 kernels fill NaN here", .enabled(if: !ISA.avx512.isAvailable, "this CPU has AVX-512 F"),
          arguments: SleefKernel.all(.avx512))
    func avx512(_ kernel: SleefKernel) { Self.expectNaNFill(kernel) }

    @Test("AVX2 kernels fill NaN here", .enabled(if: !ISA.avx2.isAvailable, "this CPU has AVX2 + FMA"),
          arguments: SleefKernel.all(.avx2))
    func avx2(_ kernel: SleefKernel) { Self.expectNaNFill(kernel) }

    static func expectNaNFill(_ kernel: SleefKernel) {
        for count in [0, 1, 17] {
            let input = GuardedBuffer(count: count), output = GuardedBuffer(count: count)
            input.fill(Inputs.random(count: count))
            kernel.run(input.pointer, output.pointer, count)
            let allNaN = output.values.allSatisfy(\.isNaN)
            #expect(allNaN, "count \(count)")
            #expect(output.guardsIntact)
        }
    }
}
