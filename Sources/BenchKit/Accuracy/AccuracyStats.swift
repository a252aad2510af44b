/// The accuracy figures of one kernel over one set of inputs (docs/method.md).
public struct AccuracyStats: Sendable, Codable, Equatable {
    public var count = 0
    /// The largest ulp error, and the first input where it occurs.
    public var maxULP = 0.0
    public var maxULPInput: Float = 0
    /// Mean ulp error over the inputs where the error is finite.
    public var meanULP = 0.0
    /// Share of inputs whose result is the correctly rounded float.
    public var correctlyRoundedShare = 0.0
    /// Largest |y - r| over inputs where both are finite, and |y - r|/|r| where r is also a normal
    /// float (below 2^-126 floats are spaced absolutely, so relative error says nothing there).
    public var maxAbsoluteError = 0.0
    public var maxRelativeError = 0.0
    /// Inputs where the result's finiteness differs from the reference's (NaN or inf where a number
    /// is due, or the reverse).
    public var finitenessMismatches = 0
    /// The largest ulp error over the inputs whose exact result is not tiny (magnitude ≥ 2^-126,
    /// `Kernel.tinyResultLimit`, or not finite), and the first input where it occurs; and the
    /// largest absolute error over the others. Kernels with a `tinyResultBound` are judged on these
    /// two (nil in reports written before they existed).
    public var maxULPNormalResult: Double?
    public var maxULPNormalResultInput: Float?
    public var maxTinyResultError: Double?

    public init() {}

    /// Measures `outputs` against `references`, pairwise with `inputs`.
    public init(inputs: [Float], outputs: [Float], references: [ReferenceValue]) {
        precondition(inputs.count == outputs.count && outputs.count == references.count)
        var accumulator = AccuracyAccumulator()
        for i in 0..<inputs.count { accumulator.add(input: inputs[i], output: outputs[i], reference: ULP.Prepared(references[i])) }
        self = accumulator.stats
    }

    enum CodingKeys: String, CodingKey {
        case count, maxULP = "max_ulp", maxULPInput = "max_ulp_input", meanULP = "mean_ulp"
        case correctlyRoundedShare = "correctly_rounded_share", maxAbsoluteError = "max_abs_error"
        case maxRelativeError = "max_rel_error", finitenessMismatches = "finiteness_mismatches"
        case maxULPNormalResult = "max_ulp_normal_result", maxULPNormalResultInput = "max_ulp_normal_result_input"
        case maxTinyResultError = "max_tiny_result_error"
    }
}

/// Running accuracy figures, fed one input at a time and mergeable across threads, so an exhaustive
/// run over 2^32 inputs never holds more than a chunk in memory.
public struct AccuracyAccumulator: Sendable {
    public internal(set) var count = 0
    var maxULP = 0.0
    var maxULPInput: Float = 0
    var ulpSum = 0.0
    var finiteCount = 0
    var correctlyRounded = 0
    var maxAbsoluteError = 0.0
    var maxRelativeError = 0.0
    var finitenessMismatches = 0
    var maxULPNormal = 0.0
    var maxULPNormalInput: Float = 0
    var maxTinyError = 0.0

    public init() {}

    @inline(__always)
    public mutating func add(input x: Float, output y: Float, reference prepared: ULP.Prepared) {
        let r = prepared.reference
        count += 1
        let e = prepared.error(y)
        if e > maxULP {
            maxULP = e
            maxULPInput = x
        }
        if r.hi.isFinite && Swift.abs(r.hi) < Kernel.tinyResultLimit {
            let absolute = y.isFinite ? e * prepared.spacing : .infinity
            if absolute > maxTinyError { maxTinyError = absolute }
        } else if e > maxULPNormal {
            maxULPNormal = e
            maxULPNormalInput = x
        }
        if e.isFinite {
            ulpSum += e
            finiteCount += 1
        }
        let expected = prepared.rounded
        if (y.isNaN && expected.isNaN) || (y == expected && y.sign == expected.sign) { correctlyRounded += 1 }
        if y.isFinite != expected.isFinite || y.isNaN != r.hi.isNaN {
            finitenessMismatches += 1
        } else if y.isFinite {
            // |y - r| is e·ulp(r): reuse the ulp error rather than subtract again.
            let absolute = e * prepared.spacing
            if absolute > maxAbsoluteError { maxAbsoluteError = absolute }
            let relative = absolute * prepared.inverseMagnitude
            if relative > maxRelativeError { maxRelativeError = relative }
        }
    }

    /// Folds another accumulator's inputs into this one. For equal maxima the smaller input wins, so
    /// the reported location does not depend on how the work was split between threads.
    public mutating func merge(_ other: AccuracyAccumulator) {
        if other.maxULP > maxULP || (other.maxULP == maxULP && other.count > 0 && Self.before(other.maxULPInput, maxULPInput)) {
            maxULP = other.maxULP
            maxULPInput = other.maxULPInput
        }
        if other.maxULPNormal > maxULPNormal
            || (other.maxULPNormal == maxULPNormal && other.count > 0 && Self.before(other.maxULPNormalInput, maxULPNormalInput)) {
            maxULPNormal = other.maxULPNormal
            maxULPNormalInput = other.maxULPNormalInput
        }
        maxTinyError = Swift.max(maxTinyError, other.maxTinyError)
        count += other.count
        ulpSum += other.ulpSum
        finiteCount += other.finiteCount
        correctlyRounded += other.correctlyRounded
        maxAbsoluteError = Swift.max(maxAbsoluteError, other.maxAbsoluteError)
        maxRelativeError = Swift.max(maxRelativeError, other.maxRelativeError)
        finitenessMismatches += other.finitenessMismatches
    }

    /// Input order for ties: by bit pattern, which is the order an exhaustive run visits them.
    static func before(_ a: Float, _ b: Float) -> Bool { a.bitPattern < b.bitPattern }

    public var stats: AccuracyStats {
        var s = AccuracyStats()
        s.count = count
        s.maxULP = maxULP
        s.maxULPInput = maxULPInput
        s.meanULP = finiteCount > 0 ? ulpSum / Double(finiteCount) : 0
        s.correctlyRoundedShare = count > 0 ? Double(correctlyRounded) / Double(count) : 0
        s.maxAbsoluteError = maxAbsoluteError
        s.maxRelativeError = maxRelativeError
        s.finitenessMismatches = finitenessMismatches
        s.maxULPNormalResult = maxULPNormal
        s.maxULPNormalResultInput = maxULPNormalInput
        s.maxTinyResultError = maxTinyError
        return s
    }
}

extension AccuracyStats {
    /// The max ulp a budget judges (`Kernel.meetsBudget`): over every input, or over the normal
    /// results only where the kernel bounds tiny results apart (`tinyResultBound`).
    public func maxULPJudged(tinyResultsApart: Bool) -> Double {
        tinyResultsApart ? maxULPNormalResult ?? maxULP : maxULP
    }
}
