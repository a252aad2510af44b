import CKernels
import Testing

/// copy.c: the memory-roofline copy.
@Suite("copy")
struct CopyTests {
    @Test("copies exactly count floats, at any alignment", arguments: Inputs.tailCounts)
    func copies(count: Int) {
        let xs = Inputs.random(count: count)
        for (inOffset, outOffset) in [(0, 0), (1, 0), (0, 1), (1, 3)] {
            let input = GuardedBuffer(count: count, offset: inOffset), output = GuardedBuffer(count: count, offset: outOffset)
            input.fill(xs)
            ck_copy(input.pointer, output.pointer, count)
            #expect(output.values.bits == xs.bits)
            #expect(output.guardsIntact)
        }
    }

    @Test("in place leaves the data as it was")
    func inPlace() {
        let xs = Inputs.random(count: 33)
        let buffer = GuardedBuffer(count: 33, offset: 1)
        buffer.fill(xs)
        ck_copy(buffer.pointer, buffer.pointer, 33)
        #expect(buffer.values.bits == xs.bits)
        #expect(buffer.guardsIntact)
    }

    @Test("NaN payloads and signed zeros are copied bit for bit")
    func bits() {
        let xs: [Float] = [.nan, -0.0, Float(bitPattern: 0x7FA0_0001), .leastNonzeroMagnitude, -.infinity]
        var ys = [Float](repeating: 1, count: xs.count)
        ck_copy(xs, &ys, xs.count)
        #expect(ys.bits == xs.bits)
    }
}
