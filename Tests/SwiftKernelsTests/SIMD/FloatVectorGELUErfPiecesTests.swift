import Foundation
import Testing
@testable import SwiftKernels

/// The fast GELU-erf's sixteen pieces against Double libm: the table layout, h on every piece, and
/// the kernel's regimes (tiny inputs, the subnormal tail, the special values), for the
/// pieces form itself and for both forms through `fastGeluErf`'s dispatch.
@Suite struct FloatVectorGELUErfPiecesTests {
    typealias V = SIMD16<Float>

    /// L = 355/256, the exponential's base: e = 2^(-x²/L), h(u) = u·Φ(-u)·2^(u²/L).
    let l = Double(V.geluErfExpL)

    /// h(u) in Double (erfc is accurate to a few Double ulps here).
    func h(_ u: Double) -> Double { u * erfc(u / 2.0.squareRoot()) / 2 * Foundation.pow(2, u * u / l) }

    func entry(_ table: SIMD16<Int32>, _ slot: Int) -> Float { Float(bitPattern: UInt32(bitPattern: table[slot])) }

    /// u's piece as the kernel names it: u and w = u² + c from stage 1.
    func piece(_ u: V) -> (u: V, index: V.Bits) {
        let s = V.geluErfStage1(u)
        return V.geluErfPiece(s.u, s.w)
    }

    /// Piece j (a half of an octave of w, from w = c up) sits in entry (14 + j) mod 16; piece 0 has
    /// no constant term and the linear term exactly 1/2.
    @Test func piecesSitWhereTheIndexReadsThem() {
        let first = Int(V.geluErfExpShift.bitPattern >> 22)
        #expect(first % 16 == 14 && V.geluErfExpShift >= 1 && V.geluErfExpShift < 1.5)
        // Piece 15 (u from 13.8) is beyond u's clamp: stage 1 never names it, and its entries are 0.
        for j in 0..<15 {
            let lo = Float(bitPattern: UInt32(first + j) << 22)
            let u = j == 0 ? 0 : (lo - V.geluErfExpShift).squareRoot().nextUp
            let index = piece(V(repeating: u)).index[0]
            #expect(Int(index) & 15 == (14 + j) % 16, "piece \(j)")
        }
        #expect(entry(V.geluErfPieceC0, 14) == 0 && entry(V.geluErfPieceC1, 14) == 0.5)
        #expect(Float(bitPattern: UInt32(first + 15) << 22) - V.geluErfExpShift > V.geluErfClamp * V.geluErfClamp)
        #expect([V.geluErfPieceC0, V.geluErfPieceC1, V.geluErfPieceC2, V.geluErfPieceC3, V.geluErfPieceC4].allSatisfy { $0[(14 + 15) % 16] == 0 })
    }

    /// c5's thirteen bits in c4's entry change c4 by at most 2^-11 relative (c4 is the float with
    /// those low bits nearest its fitted value; `expectPackedTop`).
    @Test func c5SitsInC4sEntry() {
        expectPackedTop((0..<16).map { V.geluErfPieceC4[$0] }, change: 0x1p-11, "c4")
    }

    /// h within 6.7·2^-24 relative over [0, 13.146], where the result is a normal float (the fit's
    /// float32 figure is 6.67·2^-24), and within 1e-4 above it up to the clamp, where the result is
    /// below 2^-126 and the budget is absolute.
    @Test func tailFactorOnEveryPiece() {
        func worst(_ us: [Float]) -> Double {
            let got = each(us) { V.geluErfTailFactor(piece($0)) }
            return zip(us, got).map { abs(Double($1) / h(Double($0)) - 1) }.max()!
        }
        let normal = stride(from: Float(0x1p-20), through: 13.146, by: 1.3e-4).map { $0 } + [0x1p-126, 0x1p-60, 0.25, 1, 3, 7, 13]
        #expect(worst(normal) <= 6.7 * 0x1p-24, "max \(worst(normal) / 0x1p-24) · 2^-24")
        #expect(worst(stride(from: Float(13.146), through: V.geluErfClamp, by: 1e-3).map { $0 }) <= 1e-4)
    }

    /// e's table holds K·2^(j/32 + c/L)/(1 + j/32) rounded (K = λ²/2, λ = ln2/L), e = 1 at x = 0,
    /// the reduction's offset p = shifted·L + C is exact for every k the clamp allows, e = 2^(-x²/L)
    /// within 3.1e-7 relative while normal (the fit script's float32 figure over [0, 13.146] is
    /// 3.00e-7), and e = 0 from the clamp on.
    @Test func exponential() {
        let lambda = Foundation.log(2.0) / l, c = Double(V.geluErfExpShift)
        for j in 0..<32 {
            let entry = Float(bitPattern: UInt32(bitPattern: (j < 16 ? V.geluErfExpTable.lo : V.geluErfExpTable.hi)[j % 16]))
            let exact = Foundation.pow(2, Double(j) / 32 + c / l) * lambda * lambda / 2 / (1 + Double(j) / 32)
            #expect(entry == Float(exact), "entry \(j)")
        }
        let alpha = Double(V.geluErfExpAlpha), magic = V.geluErfExpMagic
        #expect(Double(V.geluErfExpC) == alpha + c - Double(magic) * l)
        for k in -4064...0 {
            let shifted = magic + Float(k) / 32
            #expect(Double(shifted) == Double(magic) + Double(k) / 32)
            let p = V.geluErfExpC.addingProduct(shifted, V.geluErfExpL)
            #expect(Double(p) == Double(k) / 32 * l + alpha + c, "k = \(k)")
        }
        #expect(abs(l - 2 * Foundation.log(2.0)) <= 0x1p-9 && (l * 256).rounded() == l * 256)   // 2ln2 to nine bits
        func e(_ xs: [Float]) -> [Float] { each(xs) { V.geluErfStage2(V.geluErfStage1($0)).e } }
        #expect(e([0, -0.0, 0x1p-126, 3e-20, 0x1p-13]) == [1, 1, 1, 1, 1])
        let xs = stride(from: Float(-13.146), through: 13.146, by: 1.1e-3).map { $0 }
        for (x, got) in zip(xs, e(xs)) {
            let exact = Foundation.pow(2, -Double(x) * Double(x) / l)
            #expect(abs(Double(got) / exact - 1) <= 3.1e-7, "\(x): \(got)")
        }
        let clamp = V.geluErfClamp
        #expect(e([clamp, -clamp, 14.5, 20, -.infinity, .infinity, .greatestFiniteMagnitude]).allSatisfy { $0 == 0 })
        #expect(e([clamp.nextDown]) != [0])
    }

    /// Tiny inputs give x/2 rounded as it is (h = u/2 + O(u²), e = 1, K - e·h rounded once); the tail
    /// keeps normal results down to x = -13.146, gives subnormal ones no larger than the exact
    /// value below (the budget there is absolute), and -0 from the clamp on, as -inf does.
    @Test func regimes() {
        let tiny: [Float] = [0x1p-126, 0x1.8p-100, 3e-20]
        #expect(each(tiny) { V.fastGeluErfPieces($0) } == tiny.map { $0 / 2 })
        #expect(each(tiny.map { -$0 }) { V.fastGeluErfPieces($0) } == tiny.map { -$0 / 2 })
        // GELU(±2^-149) = ±2^-150 + 0.399·2^-298: just above the tie on the + side, below on the -.
        #expect(each([0x1p-149, -0x1p-149]) { V.fastGeluErfPieces($0) }.map(\.bitPattern) == [Float(0x1p-149), -0.0].map(\.bitPattern))
        for x: Float in [-13, -13.1, -5.5, -1, 0.3, 2] {
            let exact = Double(x) * erfc(-Double(x) / 2.0.squareRoot()) / 2
            let y = each([x]) { V.fastGeluErfPieces($0) }[0]
            #expect(abs(Double(y) - exact) <= 8 * Double(Float(exact).ulp), "\(x): \(y) vs \(exact)")
        }
        for x: Float in [-13.15, -13.17, -13.2, -13.21] {
            let exact = Double(x) * erfc(-Double(x) / 2.0.squareRoot()) / 2
            let y = each([x]) { V.fastGeluErfPieces($0) }[0]
            #expect(y <= 0 && abs(Double(y) - exact) <= abs(exact) && abs(exact) < 0x1p-126, "\(x): \(y) vs \(exact)")
        }
        let far = each([-V.geluErfClamp, -13.25, -13.5, -20, -.greatestFiniteMagnitude, -.infinity]) { V.fastGeluErfPieces($0) }
        #expect(far.allSatisfy { $0.bitPattern == (-0.0 as Float).bitPattern }, "\(far)")
        let specials = each([.nan, .infinity, 0, -0.0, .greatestFiniteMagnitude, 14, 1e30]) { V.fastGeluErfPieces($0) }
        #expect(specials[0].isNaN)
        #expect(Array(specials[1...]).map(\.bitPattern) == [Float.infinity, 0, -0.0, .greatestFiniteMagnitude, 14, 1e30].map(\.bitPattern))
    }

    /// Both forms agree within their budgets' sum on a grid (each is checked against the budget
    /// over every float in the committed report); `fastGeluErf` is the pieces at 16 lanes where the
    /// build reads tables and the rational form at 8, the eight pieces at both where it reads only
    /// eight-entry tables.
    @Test func formsAgree() {
        let xs = stride(from: Float(-13), through: 6, by: 2.7e-3).map { $0 }
        let pieces = each(xs) { V.fastGeluErfPieces($0) }, rational = each(xs) { V.fastGeluErfRational($0) }
        for (x, (a, b)) in zip(xs, zip(pieces, rational)) where abs(b) >= 0x1p-126 {
            #expect(abs(a - b) <= 24 * b.ulp, "\(x): \(a) vs \(b)")
        }
        let eightPieces = each(xs) { V.fastGeluErfEightPieces($0) }
        #expect(each(xs) { V.fastGeluErf($0) } == (V.readsTables ? pieces : V.readsEightEntryTables ? eightPieces : rational))
        // At 8 lanes the rational form where the build reads larger tables or none, the eight
        // pieces where it reads eight-entry ones (FloatVector+FastActivations.swift).
        let eight = xs.map { SIMD8<Float>.fastGeluErf(SIMD8(repeating: $0))[0] }
        let eightForm = !V.readsTables && V.readsEightEntryTables ? { SIMD8<Float>.fastGeluErfEightPieces($0) } : { SIMD8<Float>.fastGeluErfRational($0) }
        #expect(eight == xs.map { eightForm(SIMD8(repeating: $0))[0] })
        var out = [Float](repeating: 0, count: xs.count)
        FastKernels.simd8.kernels["gelu-erf"]!.run(xs, &out, xs.count, KernelParameters(alpha: 1))
        #expect(out == eight)
    }
}
