/// Error of a float result against a Double reference, in the units of docs/method.md: ulps of
/// float32 in the reference's binade, 2^-149 below the normal range. Both NaN, or equal with
/// the same sign of zero, is 0. (A Double reference is good enough for these tests' bounds.)
func ulpError(_ y: Float, _ r: Double) -> Double {
    if y.isNaN && r.isNaN { return 0 }
    if y.isNaN || r.isNaN { return .infinity }
    if Double(y) == r { return y.sign == r.sign ? 0 : .infinity }
    if abs(r) > Double(Float.greatestFiniteMagnitude) {
        return y.isInfinite && y.sign == r.sign ? 0 : .infinity
    }
    let a = abs(r)
    let ulp = a < Double(Float.leastNormalMagnitude)
        ? Double(Float.leastNonzeroMagnitude)
        : Double(sign: .plus, exponent: a.exponent - 23, significand: 1)
    return abs(Double(y) - r) / ulp
}

/// Relative error for normal references; nil where the reference is zero, subnormal or not finite.
func relativeError(_ y: Float, _ r: Double) -> Double? {
    guard r.isFinite, abs(r) >= Double(Float.leastNormalMagnitude) else { return nil }
    return abs(Double(y) - r) / abs(r)
}

/// Whether y is the reference rounded to float, or a neighbour of it (by ulp distance),
/// NaN for NaN, and the same signed zero for a zero reference.
func matchesSpecial(_ y: Float, _ r: Double) -> Bool {
    if r.isNaN { return y.isNaN }
    let rf = Float(r)
    if rf == 0 { return (y == 0 || (r != 0 && abs(y) == .leastNonzeroMagnitude)) && y.sign == rf.sign }
    if rf.isInfinite { return y == rf }
    return y == rf || y == rf.nextUp || y == rf.nextDown
}
