import Foundation
import Testing
@testable import SwiftKernels

/// The fast GELU-erf's sixteen pieces against Double libm: the table layout, h on every piece, and
/// the kernel's regimes (tiny inputs, the tail where e^(-x²/2) wraps, the special values), for the
/// pieces form itself and for both forms through `fastGeluErf`'s dispatch.
@Suite struct FloatVectorGELUErfPiecesTests {
    typealias V = SIMD16<Float>

    /// h(u) = u·Φ(-u)·e^(u²/2) in Double (erfc is accurate to a few Double ulps here).
    func h(_ u: Double) -> Double { u * erfc(u / 2.0.squareRoot()) / 2 * Foundation.exp(u * u / 2) }

    func entry(_ table: SIMD16<Int32>, _ slot: Int) -> Float { Float(bitPattern: UInt32(bitPattern: table[slot])) }

    /// Piece j of u (a quarter octave of u + 1) sits in entry (12 + j) mod 16, and its centre lies
    /// inside it (0 for piece 0, whose constant term is 0 and linear term exactly 1/2).
    @Test func piecesSitWhereTheIndexReadsThem() {
        for j in 0..<16 {
            let lo = Float(bitPattern: UInt32(508 + j) << 21) - 1, hi = Float(bitPattern: UInt32(509 + j) << 21) - 1
            let slot = (12 + j) % 16
            #expect(Int((lo + 1).bitPattern >> 21) & 15 == slot)
            let centre = entry(V.geluErfPieceCentres, slot)
            if j == 0 {
                #expect(centre == 0 && entry(V.geluErfPieceC0, slot) == 0 && entry(V.geluErfPieceC1, slot) == 0.5)
            } else {
                #expect(lo < centre && centre < hi, "piece \(j)")
            }
        }
    }

    /// h within 3.2·2^-24 relative over [0, 13.5] (the fit's float32 figure is 3.01·2^-24).
    @Test func tailFactorOnEveryPiece() {
        let us = stride(from: Float(0x1p-20), through: 13.5, by: 1.3e-4).map { $0 } + [0x1p-126, 0x1p-60, 0.25, 1, 3, 7, 13]
        let got = each(us) { V.geluErfTailFactor(V.geluErfPiece($0)) }
        let worst = zip(us, got).map { abs(Double($1) / h(Double($0)) - 1) }.max()!
        #expect(worst <= 3.2 * 0x1p-24, "max \(worst / 0x1p-24) · 2^-24")
    }

    /// Tiny inputs give x/2 rounded as it is (h = u/2 + O(u²), K - e·h rounded once); the tail keeps
    /// normal results down to x = -13.2 and gives -0 past the wrap of 2^n (n < -127), as -inf does.
    @Test func regimes() {
        let tiny: [Float] = [0x1p-126, 0x1.8p-100, 3e-20]
        #expect(each(tiny) { V.fastGeluErfPieces($0) } == tiny.map { $0 / 2 })
        #expect(each(tiny.map { -$0 }) { V.fastGeluErfPieces($0) } == tiny.map { -$0 / 2 })
        // GELU(±2^-149) = ±2^-150 + 0.399·2^-298: just above the tie on the + side, below on the -.
        #expect(each([0x1p-149, -0x1p-149]) { V.fastGeluErfPieces($0) }.map(\.bitPattern) == [Float(0x1p-149), -0.0].map(\.bitPattern))
        for x: Float in [-13, -13.2, -5.5, -1, 0.3, 2] {
            let exact = Double(x) * erfc(-Double(x) / 2.0.squareRoot()) / 2
            let y = each([x]) { V.fastGeluErfPieces($0) }[0]
            #expect(abs(Double(y) - exact) <= 8 * Double(Float(exact).ulp), "\(x): \(y) vs \(exact)")
        }
        let far = each([-13.25, -13.3, -13.5, -20, -.greatestFiniteMagnitude]) { V.fastGeluErfPieces($0) }
        #expect(far.allSatisfy { $0 <= 0 && $0 > -0x1p-126 }, "\(far)")
        #expect(each([-.infinity, -20]) { V.fastGeluErfPieces($0) }.allSatisfy { $0.bitPattern == (-0.0 as Float).bitPattern })
        let specials = each([.nan, .infinity, 0, -0.0, .greatestFiniteMagnitude, 14, 1e30]) { V.fastGeluErfPieces($0) }
        #expect(specials[0].isNaN)
        #expect(Array(specials[1...]).map(\.bitPattern) == [Float.infinity, 0, -0.0, .greatestFiniteMagnitude, 14, 1e30].map(\.bitPattern))
    }

    /// Both forms agree within their budgets' sum on a grid (each is checked against the budget
    /// over every float in the committed report); `fastGeluErf` is the pieces at 16 lanes where the
    /// build reads tables and the rational form at 8.
    @Test func formsAgree() {
        let xs = stride(from: Float(-13), through: 6, by: 2.7e-3).map { $0 }
        let pieces = each(xs) { V.fastGeluErfPieces($0) }, rational = each(xs) { V.fastGeluErfRational($0) }
        for (x, (a, b)) in zip(xs, zip(pieces, rational)) where abs(b) >= 0x1p-126 {
            #expect(abs(a - b) <= 24 * b.ulp, "\(x): \(a) vs \(b)")
        }
        #expect(each(xs) { V.fastGeluErf($0) } == (V.readsTables ? pieces : rational))
        // At 8 lanes the rational form, whichever the build (FloatVector+FastActivations.swift).
        let eight = xs.map { SIMD8<Float>.fastGeluErf(SIMD8(repeating: $0))[0] }
        #expect(eight == xs.map { SIMD8<Float>.fastGeluErfRational(SIMD8(repeating: $0))[0] })
        var out = [Float](repeating: 0, count: xs.count)
        FastKernels.simd8.kernels["gelu-erf"]!.run(xs, &out, xs.count, KernelParameters(alpha: 1))
        #expect(out == eight)
    }
}
