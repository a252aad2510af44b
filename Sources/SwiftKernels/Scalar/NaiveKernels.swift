#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `swift-naive`: scalar Swift written the way the textbook formulas read, in Float.
///
/// This is the baseline a newcomer writes, and its flaws are deliberate; the accuracy report shows them:
/// - sigmoid `1/(1+e^-x)`: e^-x overflows for x < -88.7, so the result is 0 where the true value is a
///   (subnormal) positive number down to x ≈ -103.
/// - tanh `(e^x - e^-x)/(e^x + e^-x)`: inf/inf = NaN for |x| > 88.7; cancellation near 0.
/// - ELU `α(e^x - 1)`: cancellation for small |x| (e^x - 1 loses relative accuracy).
/// - GELU `0.5·x·(1 + erf(x/√2))`: 1 + erf cancels for negative x, so the result is 0 below x ≈ -5.6
///   and inaccurate well before.
/// - GELU-tanh as written: the same cancellation through 1 + tanh.
public enum NaiveKernels {
    public static let set: ActivationKernelSet = [
        "sigmoid": .kernel { input, output, count, _ in
            mapScalars(input, output, count) { x in 1 / (1 + expf(-x)) }
        },
        "tanh": .kernel { input, output, count, _ in
            mapScalars(input, output, count) { x in
                let ep = expf(x), em = expf(-x)
                return (ep - em) / (ep + em)
            }
        },
        "elu": .kernel { input, output, count, parameters in
            let alpha = parameters.alpha
            mapScalars(input, output, count) { x in x > 0 ? x : alpha * (expf(x) - 1) }
        },
        "gelu-erf": .kernel { input, output, count, _ in
            let invSqrt2 = Float(GELUConstants.inverseSqrtTwo)
            mapScalars(input, output, count) { x in 0.5 * x * (1 + erff(x * invSqrt2)) }
        },
        "gelu-tanh": .kernel { input, output, count, _ in
            let k = Float(GELUConstants.sqrtTwoOverPi), c = Float(GELUConstants.cubic)
            mapScalars(input, output, count) { x in 0.5 * x * (1 + tanhf(k * (x + c * x * x * x))) }
        },
    ]
}
