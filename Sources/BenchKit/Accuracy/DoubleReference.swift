import Foundation
import SwiftKernels

/// The fast reference for exhaustive runs: one `Reference.Target` in Double. An activation uses its
/// row's `reference` in the function table, in the same cancellation-free forms as the MPFR reference
/// (the `swift-libm` formulas); a primitive uses the C library's Double function of the same name
/// (glibc's are within a few Double ulps). Either error (about 1e-16 relative) is some 2^-29 float
/// ulps, far below any figure reported, except where the exact value lies next to a float rounding
/// midpoint: there the correctly-rounded verdict could flip, so those inputs are settled by MPFR
/// (`reference(_:)`). `bench accuracy` reports the validation of this reference against MPFR on a
/// sample. Made once per target and run, outside the loops over inputs.
public struct DoubleReference: Sendable {
    public let target: Reference.Target
    public let alpha: Float
    private let evaluate: FunctionDefinition.Evaluator
    private let parameters: KernelParameters

    public init(_ target: Reference.Target, alpha: Float = 1) {
        self.target = target
        self.alpha = alpha
        evaluate = Self.form(target)
        parameters = KernelParameters(alpha: alpha)
    }

    /// The Double evaluator of a target (here, not on `Reference.Target`, whose cases `exp`, `tanh`…
    /// would shadow the C functions).
    static func form(_ target: Reference.Target) -> FunctionDefinition.Evaluator {
        switch target {
        case .activation(let function): return function.definition.reference
        case .exp: return { x, _ in exp(x) }
        case .expm1: return { x, _ in expm1(x) }
        case .tanh: return { x, _ in tanh(x) }
        case .erf: return { x, _ in erf(x) }
        case .erfc: return { x, _ in erfc(x) }
        }
    }

    /// The target's value in Double.
    @inline(__always)
    public func value(_ x: Float) -> Double { evaluate(Double(x), parameters) }

    /// One value, for a one-off look.
    public static func value(_ target: Reference.Target, _ x: Float, alpha: Float = 1) -> Double {
        DoubleReference(target, alpha: alpha).value(x)
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
        if Self.nearMidpoint(prepared) { return (ULP.Prepared(Reference.evaluate(target, x, alpha: alpha)), true) }
        return (prepared, false)
    }

    /// The largest disagreement with MPFR, in float ulps of the exact value, over `inputs`: what a
    /// report states of the reference it used.
    public func disagreement(over inputs: [Float]) -> Double {
        var worst = 0.0
        for (x, r) in zip(inputs, Reference.evaluate(target, inputs, alpha: alpha)) {
            let d = value(x)
            if d.isNaN && r.hi.isNaN { continue }
            if d == r.hi && r.lo == 0 { continue }
            if !d.isFinite || !r.hi.isFinite { worst = d == r.hi ? worst : .infinity; continue }
            worst = Swift.max(worst, Swift.abs((d - r.hi) - r.lo) / ULP.spacing(r))
        }
        return worst
    }
}
