#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's double tanh, named apart from `LibmKernels.tanh`.
@inline(__always) private func libcTanh(_ x: Double) -> Double { tanh(x) }

/// `swift-libm`: scalar Swift done carefully. Each value is computed in Double with the C library's
/// double functions in a form without cancellation, then rounded once to Float. Double's 53 bits leave
/// ~29 bits of headroom, so the float result is correctly rounded except within ~2^-29 ulp of a tie.
/// - sigmoid: the stable split, e^-|x| so that nothing overflows.
/// - tanh: libm's tanh.
/// - ELU: α·expm1(x), no cancellation near 0.
/// - GELU: 0.5·x·erfc(-x/√2); erfc keeps the negative tail's relative accuracy that 1 + erf loses.
/// - GELU-tanh: 0.5·x·(1 + tanh u) = x/(1 + e^(-2u)), again without the cancellation of 1 + tanh.
public enum LibmKernels {
    // The Double forms are public: they are also the suite's fast double-precision reference for
    // exhaustive accuracy runs (validated against MPFR there), so they exist once.

    @inline(__always)
    public static func sigmoid(_ x: Double) -> Double {
        let z = exp(-Swift.abs(x))
        return (x >= 0 ? 1 : z) / (1 + z)
    }

    @inline(__always)
    public static func tanh(_ x: Double) -> Double { libcTanh(x) }

    @inline(__always)
    public static func elu(_ x: Double, alpha: Double) -> Double { x > 0 ? x : alpha * expm1(x) }

    @inline(__always)
    public static func geluErf(_ x: Double) -> Double {
        if x == -.infinity { return -0.0 }
        return 0.5 * x * erfc(-x * GELUConstants.inverseSqrtTwo)
    }

    @inline(__always)
    public static func geluTanh(_ x: Double) -> Double {
        let w = 2 * GELUConstants.sqrtTwoOverPi * (x + GELUConstants.cubic * x * x * x)
        if x == -.infinity { return -0.0 }
        return x * sigmoid(w)
    }

    public static let set: ActivationKernelSet = [
        "sigmoid": .kernel { input, output, count, _ in
            mapScalars(input, output, count) { x in Float(sigmoid(Double(x))) }
        },
        "tanh": .kernel { input, output, count, _ in
            mapScalars(input, output, count) { x in Float(tanh(Double(x))) }
        },
        "elu": .kernel { input, output, count, parameters in
            let alpha = Double(parameters.alpha)
            mapScalars(input, output, count) { x in x > 0 ? x : Float(elu(Double(x), alpha: alpha)) }
        },
        "gelu-erf": .kernel { input, output, count, _ in
            mapScalars(input, output, count) { x in Float(geluErf(Double(x))) }
        },
        "gelu-tanh": .kernel { input, output, count, _ in
            mapScalars(input, output, count) { x in Float(geluTanh(Double(x))) }
        },
    ]
}
