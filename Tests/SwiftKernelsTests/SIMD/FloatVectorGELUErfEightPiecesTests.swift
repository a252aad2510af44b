import Foundation
import Testing
@testable import SwiftKernels

/// The fast GELU-erf's eight pieces and eight-entry exponential (the AVX2 form) against Double
/// libm: the table layout, h on every piece, e, and the kernel's regimes, at both widths. Every
/// build runs them (the eight-entry reads are a lane loop where the target CPU lacks AVX2).
@Suite struct FloatVectorGELUErfEightPiecesTests {
    typealias V = SIMD16<Float>

    /// L = 11357/8192, the exponential's 2ln2 with thirteen fraction bits.
    let L = Double(V.geluErfEighthL)

    /// h(u) = u·Φ(-u)·2^(u²/L) in Double.
    func h(_ u: Double) -> Double { u * erfc(u / 2.0.squareRoot()) / 2 * Foundation.exp2(u * u / L) }

    func entry(_ table: SIMD8<Int32>, _ slot: Int) -> Float { Float(bitPattern: UInt32(bitPattern: table[slot])) }

    func gelu(_ x: Float) -> Double { Double(x) * erfc(-Double(x) / 2.0.squareRoot()) / 2 }

    /// h from a piece, its tables read as the 8-lane kernel reads them (through a pointer the
    /// optimiser cannot see through).
    func tailFactor(_ piece: (u: V, index: V.Bits)) -> V {
        withTables(V.geluErfEightTables, inMemory: true) { V.geluErfOctaveTailFactor(piece, $0) }
    }

    /// Piece j of u (the octave [2^j, 2^(j+1)) of q = u² + c) sits in entry (7 + j) mod 8, and each
    /// piece's sextic in u evaluates near h at both of its ends; piece 0's constant term is 0 and its
    /// linear term exactly 1/2.
    @Test func piecesSitWhereTheIndexReadsThem() {
        let c = Double(V.geluErfEighthShift)
        for j in 0..<8 {
            let lo = j == 0 ? 0 : Float((Foundation.pow(2, Double(j)) - c).squareRoot())
            let hi = Float((Foundation.pow(2, Double(j + 1)) - c).squareRoot())
            let slot = (7 + j) % 8
            for u in [j == 0 ? 0x1p-20 : lo.nextUp.nextUp, min(hi.nextDown.nextDown, V.geluErfEighthClamp)] {
                let index = V.geluErfOctavePiece(V(repeating: u), V.geluErfEighthSquare(V(repeating: u))).index
                #expect(Int(index[0]) & 7 == slot, "piece \(j) at \(u)")
                let got = tailFactor((V(repeating: u), V.Bits(repeating: Int32(slot))))[0]
                #expect(abs(Double(got) / h(Double(u)) - 1) <= 8.5 * 0x1p-24, "piece \(j) at \(u)")
            }
        }
        #expect(entry(V.geluErfOctaveC0, 7) == 0 && entry(V.geluErfOctaveC1, 7) == 0.5)
    }

    /// c6 in the low thirteen bits of c5's entry: those bits are less than 2^-10 of c5
    /// (`expectPackedTop`).
    @Test func c6SitsInC5sEntry() {
        expectPackedTop((0..<8).map { V.geluErfOctaveC5[$0] }, change: 0x1p-10, "c5")
    }

    /// h within 8.5·2^-24 relative up to where results are normal (the fit's dense float32 check
    /// gives 8.06·2^-24, on [0.555, 1.52)), and within 1e-5 up to u's clamp.
    @Test func tailFactorOnEveryPiece() {
        func factor(_ u: V) -> V { tailFactor(V.geluErfOctavePiece(u, V.geluErfEighthSquare(u))) }
        let us = stride(from: Float(0x1p-20), through: 13.15, by: 1.3e-4).map { $0 } + [0x1p-126, 0x1p-60, 0.5, 1, 3, 7, 11]
        let got = each(us) { factor($0) }
        let worst = zip(us, got).map { abs(Double($1) / h(Double($0)) - 1) }.max()!
        #expect(worst <= 8.5 * 0x1p-24, "max \(worst / 0x1p-24) · 2^-24")
        let above = stride(from: Float(13.15), through: V.geluErfEighthClamp, by: 1e-3).map { $0 }
        for (u, got) in zip(above, each(above) { factor($0) }) {
            #expect(abs(Double(got) / h(Double(u)) - 1) <= 1e-5, "\(u)")
        }
    }

    /// The table holds c3·2^(j/8 + c/L)/(1 + j/8) (entry 6, which u = 0 reads, moved to make
    /// e(0) = 1) and the scale's bits give 2^n·(1 + j/8), so e = 1 for tiny x; the sum times L plus
    /// C is (k/8)·L + α + c exactly, and a = u·u + that, rounded once; e = 2^(-x²/L) within
    /// 4.5·2^-24 relative (the fit's float32 figure 4.40·2^-24) while normal, and 0 from k = -1016
    /// (u ≥ 13.202) through the clamp √(127·L - c), where k is -1016 still.
    @Test func exponential() {
        // c3·2^(c/L) from entry 1, itself rounded: the others within two roundings of it.
        let c3 = Double(entry(V.geluErfEighthExpTable, 1)) / (Foundation.pow(2, 1.0 / 8) / (1 + 1.0 / 8))
        for j in [0, 2, 3, 4, 5, 7] {
            let exact = c3 * Foundation.pow(2, Double(j) / 8) / (1 + Double(j) / 8)
            #expect(abs(Double(entry(V.geluErfEighthExpTable, j)) / exact - 1) <= 0x1p-23, "entry \(j)")
        }
        #expect(abs(Double(entry(V.geluErfEighthExpTable, 6)) / (c3 * Foundation.pow(2, 0.75) / 1.75) - 1) <= 0x1p-20)
        #expect(V.geluErfEighthMagic[0].bitPattern & 0xFFF == 1016)
        let clamp = V.geluErfEighthClamp, c = Double(V.geluErfEighthShift)
        #expect(abs(Double(clamp) - (127 * L - c).squareRoot()) <= Double(clamp.ulp) / 2)
        func reduction(_ u: V) -> (shifted: V, a: V) { V.geluErfEighthReduction(u, V.geluErfEighthSquare(u)) }
        let magic = Double(V.geluErfEighthMagic[0]), p = reduction(V(repeating: clamp))
        #expect(Double(p.shifted[0]) - magic == -127)
        for step in [0, -1, -8, -300, -1016] {
            let sum = Float(magic + Double(step) / 8)
            let exact = Double(step) / 8 * L + Double(V.geluErfEighthC) + magic * L
            #expect(Double(V.geluErfEighthC.addingProduct(sum, V.geluErfEighthL)) == exact, "k = \(step)")
        }
        func e(_ xs: [Float]) -> [Float] {
            each(xs) { x in
                let u = x.magnitude.replacing(with: V(repeating: clamp), where: V(repeating: clamp) .< x.magnitude)
                return withTables(V.geluErfEightTables, inMemory: false) { V.geluErfEighthExponential(reduction(u), $0) }
            }
        }
        #expect(e([0, -0.0, 0x1p-126, 3e-20, 0x1p-13]) == [1, 1, 1, 1, 1])
        let xs = stride(from: Float(-13.14), through: 13.14, by: 1.1e-3).map { $0 }
        for (x, got) in zip(xs, e(xs)) {
            let exact = Foundation.exp2(-Double(x) * Double(x) / L)
            #expect(abs(Double(got) / exact - 1) <= 4.7 * 0x1p-24, "\(x): \(got)")
        }
        #expect(e([13.203, 13.22, 13.26]).allSatisfy { $0 == 0 })
        #expect(e([clamp, -clamp, 20, -.infinity, .infinity]).allSatisfy { $0 == 0 })
    }

    /// Tiny inputs give x/2 rounded as it is; normal results within the budget (12 ulp) on a grid
    /// of the tail and the core; below 2^-126 the error stays under 2^-126 (where the scale is
    /// subnormal too), and -0 from k = -1016 (u ≈ 13.20) on, as -inf gives; NaN, +inf, zeros and large x as GELU has them. Both
    /// widths give the same lanes.
    @Test func regimes() {
        let tiny: [Float] = [0x1p-126, 0x1.8p-100, 3e-20]
        #expect(each(tiny) { V.fastGeluErfEightPieces($0) } == tiny.map { $0 / 2 })
        #expect(each(tiny.map { -$0 }) { V.fastGeluErfEightPieces($0) } == tiny.map { -$0 / 2 })
        let grid = stride(from: Float(-13.2), through: 6, by: 9.7e-4).map { $0 }
        for (x, y) in zip(grid, each(grid) { V.fastGeluErfEightPieces($0) }) where abs(gelu(x)) >= 0x1p-126 {
            let exact = gelu(x)
            #expect(abs(Double(y) - exact) <= 12 * Double(Float(exact).ulp), "\(x): \(y) vs \(exact)")
        }
        let far: [Float] = [-13.16, -13.18, -13.2, -13.25, -13.26]
        for (x, y) in zip(far, each(far) { V.fastGeluErfEightPieces($0) }) {
            #expect(y <= 0 && abs(Double(y) - gelu(x)) <= 0x1p-126, "\(x): \(y)")
        }
        #expect(each([-.infinity, -20, -14.5, -13.3, -V.geluErfEighthClamp, -.greatestFiniteMagnitude]) { V.fastGeluErfEightPieces($0) }
            .allSatisfy { $0.bitPattern == (-0.0 as Float).bitPattern })
        let specials = each([.nan, .infinity, 0, -0.0, .greatestFiniteMagnitude, 14, 1e30]) { V.fastGeluErfEightPieces($0) }
        #expect(specials[0].isNaN)
        #expect(Array(specials[1...]).map(\.bitPattern) == [Float.infinity, 0, -0.0, .greatestFiniteMagnitude, 14, 1e30].map(\.bitPattern))
        let eight = grid.map { SIMD8<Float>.fastGeluErfEightPieces(SIMD8(repeating: $0))[0] }
        #expect(eight == each(grid) { V.fastGeluErfEightPieces($0) })
    }
}
