import Testing
@testable import SwiftKernels

@Suite struct FloatVectorIntegerMasksTests {
    @Test func zeroedClearsExactlyTheLanesAboveTheLimit() {
        let limit: Float = 174.5
        let v = SIMD16<Float>(0, limit, limit.nextUp, limit.nextDown, 182.25, .infinity, .nan, 1,
                              0x1p-149, 100, 175, 174, 1e30, 3, 174.6, 0.5)
        let values = SIMD16<Float>((0..<16).map { Float($0) + 0.25 })
        let z = values.zeroed(where: v, exceeds: limit)
        for lane in 0..<16 where !v[lane].isNaN {
            #expect(z[lane].bitPattern == (v[lane] > limit ? 0 : values[lane].bitPattern), "lane \(lane)")
        }
        // Both widths, whichever form each takes, clear the same lanes (NaN lanes aside).
        let z8 = values.lowHalf.zeroed(where: v.lowHalf, exceeds: limit)
        for lane in 0..<8 where !v[lane].isNaN { #expect(z8[lane].bitPattern == z[lane].bitPattern, "lane \(lane)") }
    }
}
