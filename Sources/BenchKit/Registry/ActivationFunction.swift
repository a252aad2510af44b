/// The activation functions the suite measures; the raw values are the stable ids used on the command
/// line, in results and in baselines.
public enum ActivationFunction: String, CaseIterable, Sendable, Codable, Comparable {
    case sigmoid
    case tanh
    case elu
    case geluErf = "gelu-erf"
    case geluTanh = "gelu-tanh"

    /// The defining formula, as the reports print it.
    public var formula: String {
        switch self {
        case .sigmoid: return "1/(1+e^-x)"
        case .tanh: return "(e^x-e^-x)/(e^x+e^-x)"
        case .elu: return "x>0 ? x : alpha*(e^x-1)"
        case .geluErf: return "0.5*x*(1+erf(x/sqrt2))"
        case .geluTanh: return "0.5*x*(1+tanh(sqrt(2/pi)*(x+0.044715*x^3)))"
        }
    }

    /// The function's code in the C peers' entry points (`enum cp_function` in CPeers.h) and in the
    /// plugin ABI: its position in `allCases`.
    public var code: Int32 { Int32(Self.allCases.firstIndex(of: self)!) }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
