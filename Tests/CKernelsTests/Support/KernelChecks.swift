import Testing

/// The checks every SLEEF kernel goes through, whatever its ISA; the ISA suites call them.
enum KernelChecks {
    /// Max ulp and relative error against the Double reference over `Inputs.grid`.
    static func accuracy(_ kernel: SleefKernel) {
        let xs = Inputs.grid
        let ys = kernel(xs)
        var maxULP = 0.0, maxRel = 0.0, worst: Float = 0
        var failures: [String] = []
        for (x, y) in zip(xs, ys) {
            let r = kernel.reference(Double(x))
            let u = ulpError(y, r)
            if u > maxULP { maxULP = u; worst = x }
            if let rel = relativeError(y, r) {
                maxRel = max(maxRel, rel)
                if rel >= 1e-5 && failures.count < 5 { failures.append("x=\(x) y=\(y) ref=\(r)") }
            }
        }
        print("\(kernel.name): max \(maxULP) ulp at x = \(worst) (\(worst.bitPattern.hex)), max relative error \(maxRel)")
        #expect(failures.isEmpty, "relative error >= 1e-5: \(failures)")
        #expect(maxULP <= kernel.ulpBound, "max \(maxULP) ulp at x = \(worst)")
    }

    static func specials(_ kernel: SleefKernel) {
        let xs = Inputs.specials
        let ys = kernel(xs)
        for (x, y) in zip(xs, ys) {
            let r = kernel.reference(Double(x))
            #expect(matchesSpecial(y, r), "\(kernel.name)(\(x)) = \(y), expected \(Float(r))")
        }
    }

    /// Aligned, misaligned and in-place calls give the same bits, nothing outside
    /// [0, count) is written, the input is left alone, and an element's result does not
    /// depend on whether it falls in a full vector or in the masked tail.
    static func tailsAndAliasing(_ kernel: SleefKernel, count: Int) {
        let xs = Inputs.random(count: count)

        let input = GuardedBuffer(count: count), output = GuardedBuffer(count: count)
        input.fill(xs)
        kernel.run(input.pointer, output.pointer, count)
        let base = output.values
        #expect(output.guardsIntact, "aligned: written outside [0, \(count))")
        #expect(input.values.bits == xs.bits, "aligned: input modified")

        // A rough check (accuracy() is the thorough one): every element of the short counts,
        // a stride through the long one.
        var bad = 0
        for i in stride(from: 0, to: count, by: count > 1000 ? 97 : 1) {
            if let rel = relativeError(base[i], kernel.reference(Double(xs[i]))), rel >= 1e-5 { bad += 1 }
        }
        #expect(bad == 0, "\(bad) results off by >= 1e-5 relative")

        let misIn = GuardedBuffer(count: count, offset: 1), misOut = GuardedBuffer(count: count, offset: 1)
        misIn.fill(xs)
        kernel.run(misIn.pointer, misOut.pointer, count)
        #expect(misOut.values.bits == base.bits, "misaligned result differs")
        #expect(misOut.guardsIntact, "misaligned: written outside [0, \(count))")

        for offset in [0, 1] {
            let inPlace = GuardedBuffer(count: count, offset: offset)
            inPlace.fill(xs)
            kernel.run(inPlace.pointer, inPlace.pointer, count)
            #expect(inPlace.values.bits == base.bits, "in place (offset \(offset)) differs from out of place")
            #expect(inPlace.guardsIntact, "in place (offset \(offset)): written outside [0, \(count))")
        }

        // The same values shifted against the vector boundaries: elements move between the
        // full-vector loop and the masked tail.
        if count > 0 && count < 100 {
            let padded = xs + Inputs.random(count: 16, seed: 7)
            #expect(Array(kernel(padded).prefix(count)).bits == base.bits, "tail lanes differ from full-vector lanes")
            let shifted = [Float(0.5)] + xs
            #expect(Array(kernel(shifted).dropFirst()).bits == base.bits, "results depend on the position in the vector")
        }
    }
}

extension Array where Element == Float {
    var bits: [UInt32] { map(\.bitPattern) }
}

extension UInt32 {
    var hex: String { "0x" + String(self, radix: 16) }
}
