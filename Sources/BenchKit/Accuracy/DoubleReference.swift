import SwiftKernels

/// The fast reference for exhaustive runs: one function in Double, its row's `reference` in the
/// function table, in the same cancellation-free forms as the MPFR reference (the `swift-libm`
/// formulas). Its error (about 1e-16 relative) is some 2^-29 float ulps, far below any figure
/// reported, except where the exact value lies next to a float rounding midpoint: there the
/// correctly-rounded verdict could flip, so those inputs are settled by MPFR (`reference(_:)`).
/// `bench accuracy` reports the validation of this reference against MPFR on a sample. Made once per
/// function and run, outside the loops over inputs.
public struct DoubleReference: Sendable {
    public let function: ActivationFunction
    public let alpha: Float
    private let evaluate: FunctionDefinition.Evaluator
    private let parameters: KernelParameters

    public init(_ function: ActivationFunction, alpha: Float) {
        self.function = function
        self.alpha = alpha
        evaluate = function.definition.reference
        parameters = KernelParameters(alpha: alpha)
    }

    /// The function's value in Double.
    @inline(__always)
    public func value(_ x: Float) -> Double { evaluate(Double(x), parameters) }

    /// One value, for a one-off look.
    public static func value(_ function: ActivationFunction, _ x: Float, alpha: Float) -> Double {
        DoubleReference(function, alpha: alpha).value(x)
    }

    /// Distance from a float rounding midpoint, in ulps, below which MPFR decides. The Double forms
    /// are off by up to ~4e-7 ulp (measured against MPFR: the GELU exponents |x|²/2 ~ 100 amplify
    /// Double's 1e-16), so 2^-17 ≈ 7.6e-6 leaves a margin of about 18.
    static let midpointGuard = 0x1p-17

    /// Whether the prepared Double value is so close to a midpoint between two floats that its own
    /// error could change which float is nearest.
    @inline(__always)
    static func nearMidpoint(_ p: ULP.Prepared) -> Bool {
        guard p.ordinary else { return false }
        let offset = Swift.abs(p.reference.hi - Double(p.rounded)) / p.spacing   // in [0, 0.5]
        return Swift.abs(offset - 0.5) < midpointGuard
    }

    /// The reference for one input, prepared for ulp measurements: the Double value, or MPFR's near a
    /// rounding midpoint.
    @inline(__always)
    public func reference(_ x: Float) -> (ULP.Prepared, settledByMPFR: Bool) {
        let prepared = ULP.Prepared(ReferenceValue(hi: value(x)))
        if Self.nearMidpoint(prepared) { return (ULP.Prepared(Reference.evaluate(.activation(function), x, alpha: alpha)), true) }
        return (prepared, false)
    }
}
