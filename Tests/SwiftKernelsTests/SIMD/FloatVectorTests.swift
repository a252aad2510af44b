import CLanes
import Testing
@testable import SwiftKernels

@Suite struct FloatVectorTests {
    @Test func magnitudeAndSign() {
        let v = SIMD8<Float>(-1, 2, -0.0, 0, -.infinity, .infinity, -3, 4)
        #expect(v.magnitude == SIMD8<Float>(1, 2, 0, 0, .infinity, .infinity, 3, 4))
        let signed = SIMD8<Float>(repeating: 5).withSign(of: v)
        #expect(signed == SIMD8<Float>(-5, 5, -5, 5, -5, 5, -5, 5))
    }

    @Test func clampAndNaNPropagation() {
        let v = SIMD8<Float>(-10, 10, .nan, 0.5, -.infinity, .infinity, 1, -1)
        let c = v.clamped(-2, 2).propagatingNaN(of: v)
        #expect(c[0] == -2 && c[1] == 2 && c[2].isNaN && c[3] == 0.5 && c[4] == -2 && c[5] == 2)
    }

    @Test func negativeMaximumIsMaxOnNegativeLanes() {
        let v = SIMD16<Float>(-1, -20, (-20 as Float).nextDown, -1e30, -.infinity, -0.0, -0x1p-149, -.greatestFiniteMagnitude,
                              -19.99, -3, 0, 1, 25, .infinity, .nan, -.nan)
        let m = SIMD16<Float>.negativeMaximum(v, -20)
        for lane in 0..<8 { #expect(m[lane] == max(v[lane], -20), "lane \(lane)") }
        #expect(m[5].bitPattern == (-0.0 as Float).bitPattern)
        #expect(m[8] == -19.99 && m[9] == -3)
        // Lanes with x ≥ 0 or NaN are not max(x, bound); the callers replace them.
        #expect(m[10] == -20 && m[11] == -20 && m[12] == -20 && m[13] == -20 && m[14] == -20 && m[15] == -20)
    }

    @Test func greaterOrSecondIsMaxpsOrderedForSignedZeros() {
        // max(-0, x) keeps both zeros and NaN of x: b wins ties and unordered lanes.
        let x = SIMD16<Float>(-1, 2, -0.0, 0, -.infinity, .infinity, .nan, -.nan,
                              -0x1p-149, 0x1p-149, -3, 3, 1e30, -1e30, 0.5, -0.5)
        for v in [x.lowHalf, x.highHalf] {
            let m = SIMD8<Float>.greaterOrSecond(SIMD8(repeating: -0.0), v)
            for lane in 0..<8 { #expect(m[lane].bitPattern == (v[lane] < 0 ? (-0.0 as Float).bitPattern : v[lane].bitPattern), "lane \(lane)") }
        }
        let m = SIMD16<Float>.greaterOrSecond(SIMD16(repeating: -0.0), x)
        for lane in 0..<16 { #expect(m[lane].bitPattern == (x[lane] < 0 ? (-0.0 as Float).bitPattern : x[lane].bitPattern), "lane \(lane)") }
    }

    /// min(|v|, limit) with the sign cleared, at both widths and in the bit-pattern form that
    /// targets without AVX512DQ use: the same lanes, but for a signalling NaN, which vrangeps
    /// returns quieted and the bit-pattern form bounds.
    @Test func magnitudeMinimumIsTheBoundedMagnitude() {
        let signalling = Float(bitPattern: 0x7f80_0001), limit: Float = 14.5
        let x = SIMD16<Float>(-1, 2, -0.0, 0, -.infinity, .infinity, .nan, -.nan,
                              -0x1p-149, 14.5, -14.5, (14.5 as Float).nextUp, -1e30, 3, signalling, -signalling)
        let bound = SIMD16<Float>(repeating: limit)
        let forms = [SIMD16<Float>.magnitudeMinimum(x, bound),
                     SIMD16(lowHalf: SIMD8.magnitudeMinimum(x.lowHalf, bound.lowHalf),
                            highHalf: SIMD8.magnitudeMinimum(x.highHalf, bound.highHalf)),
                     SIMD16(lowHalf: ck_lanes_magnitude_min_bits_x8(x.lowHalf, bound.lowHalf),
                            highHalf: ck_lanes_magnitude_min_bits_x8(x.highHalf, bound.highHalf))]
        for (form, m) in forms.enumerated() {
            for lane in 0..<14 {
                let expected = x[lane].isNaN ? limit : min(abs(x[lane]), limit)
                #expect(m[lane].bitPattern == expected.bitPattern, "form \(form), lane \(lane): \(m[lane])")
            }
            for lane in 14..<16 { #expect(m[lane] == limit || (form < 2 && m[lane].isNaN), "form \(form), lane \(lane)") }
        }
    }

    /// v·2^⌊y⌋ rounded once, as vscalefps gives it (and the lane loop where the target lacks it):
    /// ⌊y⌋ for negative fractions, subnormal results rounded once (not flushed), 0 below 2^-150,
    /// inf on overflow, NaN for NaN.
    @Test func scaledByPowerOfTwoFloorOf() {
        let v = SIMD16<Float>(1, 1.5, 1.5, 1, 3, 1.75, 1, -1, 1.5, 1, 1, 1, .nan, 1, 0, 0x1.000002p0)
        let y = SIMD16<Float>(0, 1, -1.5, -126, -127.5, -149, -151, 2.96875, 127, 128, -0.03125, -150, 0, .nan, 300, -149)
        let expected: [Float] = [1, 3, 0.375, 0x1p-126, 0x1.8p-127, 0x1p-148, 0, -4, 0x1.8p127, .infinity, 0.5, 0, .nan, .nan, 0, 0x1p-149]
        for m in [SIMD16<Float>.scaled(v, byPowerOfTwoFloorOf: y),
                  SIMD16(lowHalf: SIMD8.scaled(v.lowHalf, byPowerOfTwoFloorOf: y.lowHalf),
                         highHalf: SIMD8.scaled(v.highHalf, byPowerOfTwoFloorOf: y.highHalf))] {
            for lane in 0..<16 {
                #expect(m[lane].bitPattern == expected[lane].bitPattern || (m[lane].isNaN && expected[lane].isNaN), "lane \(lane): \(m[lane])")
            }
        }
        // The lane loop used where the target has no vscalefps, on the same lanes.
        for lane in 0..<16 {
            let r = ck_lanes_scalef_lane(v[lane], y[lane])
            #expect(r.bitPattern == expected[lane].bitPattern || (r.isNaN && expected[lane].isNaN), "lane \(lane): \(r)")
        }
    }

    @Test func negatedFlipsTheSignBitOnly() {
        let v = SIMD8<Float>(-1, 2, -0.0, 0, -.infinity, .infinity, 0x1p-149, -3)
        let n = v.negated
        for lane in 0..<8 { #expect(n[lane].bitPattern == v[lane].bitPattern ^ 0x8000_0000) }
        // Folded into an FMA it is exact: fma(a, b, -c) with the negation, not 0 - c.
        let a = SIMD8<Float>(repeating: 1 + 0x1p-23), hi = a * a
        #expect(hi.negated.addingProduct(a, a) == SIMD8<Float>(repeating: 0x1p-46))
    }
}
