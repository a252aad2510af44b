/// The ulp error of a float result against an exact value (docs/method.md).
///
/// |y - r| / ulp(r), where ulp(r) is the spacing of float32 in r's binade: 2^(e-23) for |r| in
/// [2^e, 2^(e+1)), and 2^-149 below 2^-126 (the subnormal spacing). Measuring against r's binade, not
/// y's, keeps the figure honest at binade edges: a result just above 2^e for a true value just below
/// it is measured in the finer spacing below.
public enum ULP {
    /// Text shows ulp errors from here on in exponent notation: beyond the 2^32 float patterns
    /// (4.3e9), only an error measured in a tiny reference's ulps gets here, and runs to 75 digits.
    public static let exponentNotationFrom: Double = 1e10

    /// The largest finite float plus half its ulp: an exact value at or beyond it rounds to infinity.
    static let overflowThreshold: Double = 0x1p128 - 0x1p103

    /// ulp(r) for an exact value r = hi + lo.
    public static func spacing(_ r: ReferenceValue) -> Double {
        let a = Swift.abs(r.hi)
        if a < 0x1p-126 { return 0x1p-149 }
        var e = Int(a.exponent)
        // hi is a power of two and lo pulls |r| below it: r lies in the binade under hi's.
        if a.significandBitPattern == 0, r.lo != 0, (r.lo < 0) != (r.hi < 0) { e -= 1 }
        if e < -126 { return 0x1p-149 }
        return Double(sign: .plus, exponent: e - 23, significand: 1)
    }

    /// An exact value with what every kernel's error against it needs, computed once per input:
    /// the sweeps compare several kernels with one reference.
    public struct Prepared: Sendable {
        public let reference: ReferenceValue
        public let rounded: Float
        public let spacing: Double
        /// 1/spacing: a power of two, so multiplying by it is exact and cheaper than dividing.
        let inverseSpacing: Double
        /// 1/|r| for relative errors (0 where r is zero or not a normal float).
        let inverseMagnitude: Double
        /// Finite, not NaN, and rounding to a finite float: the plain |y - r|/ulp(r) applies.
        public let ordinary: Bool

        public init(_ r: ReferenceValue) {
            reference = r
            rounded = r.roundedToFloat
            spacing = ULP.spacing(r)
            inverseSpacing = 1 / spacing
            ordinary = r.hi.isFinite && rounded.isFinite
            inverseMagnitude = ordinary && Swift.abs(r.hi) >= 0x1p-126 ? 1 / Swift.abs(r.hi) : 0
        }

        /// Same value as `ULP.error(y, reference)`, faster for the common case.
        @inline(__always)
        public func error(_ y: Float) -> Double {
            guard ordinary, y.isFinite else { return ULP.error(y, reference) }
            return Swift.abs((Double(y) - reference.hi) - reference.lo) * inverseSpacing
        }
    }

    /// The error of y against r in ulps. 0 when both are NaN, or y equals r (signed zeros count as
    /// equal here; the special-value checks judge their signs). Infinity when exactly one is NaN, when
    /// y is infinite and r is not, or when r rounds to infinity and y is not that infinity.
    public static func error(_ y: Float, _ r: ReferenceValue) -> Double {
        if r.hi.isNaN { return y.isNaN ? 0 : .infinity }
        if y.isNaN { return .infinity }
        let magnitude = Swift.abs(r.hi)
        let overflows = magnitude > overflowThreshold
            || (magnitude == overflowThreshold && (r.lo == 0 || (r.lo > 0) == (r.hi > 0)))
        if overflows {
            return y.isInfinite && (y < 0) == (r.hi < 0) ? 0 : .infinity
        }
        if y.isInfinite { return .infinity }
        let yd = Double(y)
        if yd == r.hi && r.lo == 0 { return 0 }
        return Swift.abs((yd - r.hi) - r.lo) / spacing(r)
    }
}
