import Foundation
import SwiftKernels

/// The activation functions the suite measures, and the one table that defines each: the raw value
/// is the stable id used on the command line, in results, in baselines, as the key of every kernel
/// set (Swift `ActivationKernelSet`s, C `CK_VECMATH_FUNCTIONS`) and as the name of the MPFR reference
/// (CReference's forms.c). A new function is a case here (last: its position is its code in the C
/// peers), its row in `definition`, its MPFR form, and its kernels (docs/architecture.md).
public enum ActivationFunction: String, CaseIterable, Sendable, Codable {
    case sigmoid
    case tanh
    case elu
    case geluErf = "gelu-erf"
    case geluTanh = "gelu-tanh"

    /// The function's row of the table.
    public var definition: FunctionDefinition {
        switch self {
        case .sigmoid:
            return FunctionDefinition(
                formula: "1/(1+e^-x)", latex: #"$\sigma(x) = 1/(1+e^{-x})$"#,
                reference: { x, _ in LibmKernels.sigmoid(x) },
                primitives: [.exp],
                derivative: .init(latex: #"$\sigma' = \sigma(1-\sigma)$"#) { x, _ in
                    let s = LibmKernels.sigmoid(x)
                    return s * (1 - s)
                },
                plotY: -1.15...1.15)
        case .tanh:
            return FunctionDefinition(
                formula: "(e^x-e^-x)/(e^x+e^-x)", latex: #"$\tanh(x) = (e^{x}-e^{-x})/(e^{x}+e^{-x})$"#,
                reference: { x, _ in LibmKernels.tanh(x) },
                primitives: [.tanh, .expm1],
                derivative: .init(latex: #"$\tanh' = 1-\tanh^2$"#) { x, _ in
                    let t = LibmKernels.tanh(x)
                    return 1 - t * t
                },
                plotY: -1.15...1.15)
        case .elu:
            return FunctionDefinition(
                formula: "x>0 ? x : alpha*(e^x-1)",
                latex: #"$\mathrm{elu}(x) = x$ for $x>0$, $\alpha(e^{x}-1)$ for $x\leq 0$"#,
                parameters: [.alpha],
                reference: { x, p in LibmKernels.elu(x, alpha: Double(p.alpha)) },
                primitives: [.expm1],
                derivative: .init(latex: #"$\mathrm{elu}' = 1\ (x>0),\ \alpha e^{x}\ (x\leq 0)$"#) { x, p in
                    x > 0 ? 1 : Double(p.alpha) * Foundation.exp(x)
                },
                plotY: -1.3...3.0)
        case .geluErf:
            return FunctionDefinition(
                formula: "0.5*x*(1+erf(x/sqrt2))", latex: #"$\mathrm{gelu}(x) = \frac{x}{2}\,(1+\mathrm{erf}(x/\sqrt{2}))$"#,
                reference: { x, _ in LibmKernels.geluErf(x) },
                primitives: [.erf, .erfc, .exp],
                derivative: .init(latex: #"$\mathrm{gelu}' = \Phi(x) + x\,\varphi(x)$"#) { x, _ in
                    let cdf = 0.5 * erfc(-x * GELUConstants.inverseSqrtTwo)
                    return cdf + x * Foundation.exp(-0.5 * x * x) * GELUConstants.inverseSqrtTwo / (Double.pi).squareRoot()
                },
                plotY: -1.3...3.0)
        case .geluTanh:
            return FunctionDefinition(
                formula: "0.5*x*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))",
                latex: #"$\frac{x}{2}\,(1+\tanh(\sqrt{2/\pi}\,(x+0.044715\,x^{3})))$"#,
                reference: { x, _ in LibmKernels.geluTanh(x) },
                primitives: [.tanh, .exp],
                derivative: .init(latex: #"$\frac{1}{2}(1+t) + \frac{x}{2}(1-t^2)\sqrt{2/\pi}(1+3c x^2)$"#) { x, _ in
                    let k = GELUConstants.sqrtTwoOverPi, c = GELUConstants.cubic
                    let t = Foundation.tanh(k * (x + c * x * x * x))
                    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * c * x * x)
                },
                plotY: -1.3...3.0)
        }
    }
}
