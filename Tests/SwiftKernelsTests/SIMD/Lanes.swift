import Testing
@testable import SwiftKernels

/// f applied to xs sixteen lanes at a time (the last vector padded with zeros), one result per
/// input: how the vector tests run a SIMD16 form over a list of inputs.
func each(_ xs: [Float], _ f: (SIMD16<Float>) -> SIMD16<Float>) -> [Float] {
    stride(from: 0, to: xs.count, by: 16).flatMap { i -> [Float] in
        var v = SIMD16<Float>()
        for lane in 0..<16 where i + lane < xs.count { v[lane] = xs[i + lane] }
        let y = f(v)
        return (0..<min(16, xs.count - i)).map { y[$0] }
    }
}

/// A packed pair of coefficient tables (the top coefficient in the low thirteen bits of the entry
/// below it, `geluErfPackedTop`): read back, each top coefficient is finite and no larger than
/// the one below (h's coefficients fall with the degree on every piece, so a mis-packed entry
/// gives an exponent out of that range), and keeping its bits changes the entry by at most
/// `change` relative.
func expectPackedTop(_ entries: [Int32], change: Double, _ name: String) {
    for (slot, entry) in entries.enumerated() {
        let top = Float(bitPattern: UInt32(bitPattern: SIMD16<Float>.geluErfPackedTop(SIMD16(repeating: entry))[0]))
        let below = Float(bitPattern: UInt32(bitPattern: entry))
        #expect(top.isFinite && abs(top) <= abs(below), "\(name) slot \(slot): \(top) vs \(below)")
        let cleared = Float(bitPattern: UInt32(bitPattern: entry) & ~0x1fff)
        #expect(below == 0 || abs(Double(below) / Double(cleared) - 1) <= change, "\(name) slot \(slot)")
    }
}
