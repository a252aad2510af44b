/// The accuracy figures of one kernel over one set of inputs (DESIGN §6).
public struct AccuracyStats: Sendable, Codable, Equatable {
    public var count = 0
    /// The largest ulp error, and the first input where it occurs.
    public var maxULP = 0.0
    public var maxULPInput: Float = 0
    /// Mean ulp error over the inputs where the error is finite.
    public var meanULP = 0.0
    /// Share of inputs whose result is the correctly rounded float.
    public var correctlyRoundedShare = 0.0
    /// Largest |y - r| and |y - r|/|r| over inputs where both are finite.
    public var maxAbsoluteError = 0.0
    public var maxRelativeError = 0.0
    /// Inputs where the result's finiteness differs from the reference's (NaN or inf where a number
    /// is due, or the reverse).
    public var finitenessMismatches = 0

    public init() {}

    /// Measures `outputs` against `references`, pairwise with `inputs`.
    public init(inputs: [Float], outputs: [Float], references: [ReferenceValue]) {
        precondition(inputs.count == outputs.count && outputs.count == references.count)
        count = inputs.count
        var sum = 0.0, finite = 0, rounded = 0
        for i in 0..<inputs.count {
            let y = outputs[i], r = references[i]
            let e = ULP.error(y, r)
            if e > maxULP || (e.isNaN && !maxULP.isNaN) {
                maxULP = e
                maxULPInput = inputs[i]
            }
            if e.isFinite {
                sum += e
                finite += 1
            }
            let expected = r.roundedToFloat
            if (y.isNaN && expected.isNaN) || (y == expected && y.sign == expected.sign) { rounded += 1 }
            let referenceFinite = r.roundedToFloat.isFinite
            if y.isFinite != referenceFinite || y.isNaN != r.hi.isNaN {
                finitenessMismatches += 1
            } else if y.isFinite {
                let absolute = Swift.abs((Double(y) - r.hi) - r.lo)
                maxAbsoluteError = Swift.max(maxAbsoluteError, absolute)
                if r.hi != 0 { maxRelativeError = Swift.max(maxRelativeError, absolute / Swift.abs(r.hi)) }
            }
        }
        meanULP = finite > 0 ? sum / Double(finite) : 0
        correctlyRoundedShare = count > 0 ? Double(rounded) / Double(count) : 0
    }
}
