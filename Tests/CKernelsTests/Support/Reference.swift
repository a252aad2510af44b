import Foundation

/// Double-precision references in the same cancellation-free forms as the kernels (docs/method.md).
/// They are rough next to MPFR but far below the bounds these tests check.
enum Reference {
    static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    static func elu(_ x: Double, alpha: Double = 1) -> Double {
        x > 0 ? x : alpha * expm1(x)
    }

    /// 0.5 x erfc(-x/sqrt2); the limits at ±inf written out (0 * inf is NaN).
    static func geluErf(_ x: Double) -> Double {
        if x.isInfinite { return x > 0 ? x : -0.0 }
        return 0.5 * x * erfc(-x / 2.0.squareRoot())
    }

    /// x sigmoid(2u), u = sqrt(2/pi)(x + 0.044715 x^3).
    static func geluTanh(_ x: Double) -> Double {
        if x.isInfinite { return x > 0 ? x : -0.0 }
        let t = 2 * (2 / Double.pi).squareRoot() * (x + 0.044715 * x * x * x)
        if x >= 0 { return x / (1 + exp(-t)) }
        let z = exp(t)
        return x * z / (1 + z)
    }
}
