#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `swift-libm`: scalar Swift done carefully. Each value is computed in Double with the C library's
/// double functions in a form without cancellation, then rounded once to Float. Double's 53 bits leave
/// ~29 bits of headroom, so the float result is correctly rounded except within ~2^-29 ulp of a tie.
/// - sigmoid: the stable split, e^-|x| so that nothing overflows.
/// - tanh: libm's tanh.
/// - ELU: α·expm1(x), no cancellation near 0.
/// - GELU: 0.5·x·erfc(-x/√2); erfc keeps the negative tail's relative accuracy that 1 + erf loses.
/// - GELU-tanh: 0.5·x·(1 + tanh u) = x/(1 + e^(-2u)), again without the cancellation of 1 + tanh.
public enum LibmKernels {
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        let z = exp(-Swift.abs(x))
        return (x >= 0 ? 1 : z) / (1 + z)
    }

    @inline(__always)
    static func geluTanh(_ x: Double) -> Double {
        let w = 2 * GELUConstants.sqrtTwoOverPi * (x + GELUConstants.cubic * x * x * x)
        if x == -.infinity { return -0.0 }
        return x * sigmoid(w)
    }

    public static let set = ActivationKernelSet(
        sigmoid: { input, output, count in
            mapScalars(input, output, count) { x in Float(sigmoid(Double(x))) }
        },
        tanh: { input, output, count in
            mapScalars(input, output, count) { x in Float(tanh(Double(x))) }
        },
        elu: { input, output, count, alpha in
            mapScalars(input, output, count) { x in x > 0 ? x : Float(Double(alpha) * expm1(Double(x))) }
        },
        geluErf: { input, output, count in
            mapScalars(input, output, count) { x in
                let xd = Double(x)
                if xd == -.infinity { return -0.0 }
                return Float(0.5 * xd * erfc(-xd * GELUConstants.inverseSqrtTwo))
            }
        },
        geluTanh: { input, output, count in
            mapScalars(input, output, count) { x in Float(geluTanh(Double(x))) }
        }
    )
}
