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

    @Test func widenAndNarrowRoundTrip() {
        let v = SIMD16<Float>((0..<16).map { Float($0) * 1.1 - 7 })
        #expect(SIMD16<Float>(narrowing: v.widened) == v)
        let w = SIMD8<Float>(1, 2, 3, 4, 5, 6, 7, 8)
        #expect(SIMD8<Float>(narrowing: w.widened) == w)
    }

    @Test func loopCoversEveryCountWithoutTouchingMore() {
        for count in [0, 1, 7, 15, 16, 17, 33] {
            let xs = (0..<count).map { Float($0) }
            var out = [Float](repeating: -1, count: count + 1)
            xs.withUnsafeBufferPointer { i in
                out.withUnsafeMutableBufferPointer { o in
                    forEachVector(i.baseAddress ?? UnsafePointer(o.baseAddress!), o.baseAddress!, count,
                                  as: SIMD16<Float>.self) { $0 * 2 }
                }
            }
            #expect(Array(out[0..<count]) == xs.map { $0 * 2 })
            #expect(out[count] == -1)
        }
    }
}
