import Foundation
import Testing
@testable import SwiftKernels

/// The fast sigmoid's eight-entry form (AVX2 builds' fast tier) against Double libm: the table and
/// the scale's layout, E = e^z·2^25, the sigmoid's regimes and special values, at both widths.
/// Every build runs them (the eight-entry reads are a lane loop where the target CPU lacks AVX2).
@Suite struct FloatVectorSigmoidEighthTests {
    typealias V = SIMD16<Float>

    func sigmoid(_ x: Float) -> Double { 1 / (1 + Foundation.exp(-Double(x))) }

    func eighth(_ x: V) -> V { V.sigmoidEighthStage4(V.sigmoidEighthStage3(V.sigmoidEighthStage2(V.sigmoidEighthStage1(x)))) }

    /// Entries j > 0 are the fit's c3·2^(j/8)/(1 + j/8) rounded (entry 0 is moved by the fewest
    /// steps that make E(0) = 2^25); the magic constant's low twelve bits are (127 + 25)·8.
    @Test func tableAndScale() {
        func entry(_ j: Int) -> Double { Double(Float(bitPattern: UInt32(bitPattern: V.sigmoidEighthTable[j]))) }
        let c3 = 0.16665102219350261   // sigmoid_eighth_coefficients.md
        for j in 0..<8 {
            let exact = c3 * Foundation.pow(2, Double(j) / 8) / (1 + Double(j) / 8)
            #expect(abs(entry(j) / exact - 1) <= (j == 0 ? 4 : 1) * 0x1p-24, "entry \(j)")
        }
        #expect(V.sigmoidEighthMagic[0].bitPattern & 0xFFF == 1216)
    }

    /// E = e^z·2^25 within (3 + 0.0325·|z|·log2e)·2^-24 relative over the clamped range: the
    /// roundings' 3 units (the fit's float32 figure near z = 0 is 2.82) and the one-float ln2's
    /// |k/8|·1.9e-9, 0.032 units per step of k/8 (7.25 units in all at z = -104 in the fit); and
    /// exactly 2^25 at z = 0.
    @Test func scaledExponential() {
        func e(_ xs: [Float]) -> [Float] { each(xs) { V.sigmoidEighthStage3(V.sigmoidEighthStage2(V.sigmoidEighthStage1($0))).e } }
        #expect(e([0, -0.0]) == [0x1p25, 0x1p25])
        let zs = stride(from: Float(-104), through: 60, by: 7.3e-3).map { $0 }
        for (z, got) in zip(zs, e(zs)) {
            let exact = Foundation.exp(Double(z)) * 0x1p25
            let bound = (3 + 0.0325 * abs(Double(z)) / Foundation.log(2)) * 0x1p-24
            #expect(abs(Double(got) / exact - 1) <= bound, "\(z): \(got)")
        }
    }

    /// Within the fast tier's budget (6 ulp) where the result is normal, under 2^-126 below, on a
    /// grid of the whole range; 1/2 at ±0 and tiny x, 1 from x = 17 up and for +inf, 0 for -inf and
    /// large negative x, NaN kept. Both widths give the same lanes.
    @Test func regimes() {
        let grid = stride(from: Float(-110), through: 20, by: 1.3e-3).map { $0 }
        let ys = each(grid) { eighth($0) }
        for (x, y) in zip(grid, ys) {
            let exact = sigmoid(x)
            if exact >= 0x1p-126 {
                #expect(abs(Double(y) - exact) <= 6 * Double(Float(exact).ulp), "\(x): \(y) vs \(exact)")
            } else {
                #expect(abs(Double(y) - exact) <= 0x1p-126, "\(x): \(y) vs \(exact)")
            }
        }
        let specials = each([.nan, .infinity, -.infinity, 0, -0.0, 0x1p-149, -3e-20, 17, 60, 1e30, -1e30]) { eighth($0) }
        #expect(specials[0].isNaN)
        #expect(Array(specials[1...]) == [1, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1, 0])
        let eight = grid.map { x in
            let v = SIMD8<Float>(repeating: x)
            return SIMD8<Float>.sigmoidEighthStage4(SIMD8<Float>.sigmoidEighthStage3(SIMD8<Float>.sigmoidEighthStage2(SIMD8<Float>.sigmoidEighthStage1(v))))[0]
        }
        #expect(eight == ys)
    }
}
