import CReference

/// An exact real value held as a double-double hi + lo (|lo| ≤ ulp(hi)/2): about 106 bits, enough to
/// place a float result against it to far better than 0.001 ulp.
public struct ReferenceValue: Sendable, Equatable {
    public var hi: Double
    public var lo: Double

    public init(hi: Double, lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// The reference rounded to the nearest float (ties to even, decided with lo).
    public var roundedToFloat: Float {
        let f = Float(hi)
        guard f.isFinite, hi.isFinite else { return f }
        // Float(hi) rounds hi alone; lo only matters when hi sits exactly on a float midpoint.
        let gap = hi - Double(f)
        let halfULP = Double(f.ulp) / 2
        if Swift.abs(gap) == halfULP, lo != 0 {
            let towards = (gap > 0) == (lo > 0)
            if towards { return gap > 0 ? f.nextUp : f.nextDown }
        }
        return f
    }
}

/// The MPFR reference (CReference) for the activation functions and their primitives.
public enum Reference {
    /// A function CReference can evaluate: an activation or a primitive.
    public enum Target: Sendable, Hashable {
        case activation(ActivationFunction)
        case exp, expm1, tanh, erf, erfc

        /// The name of its MPFR form (CReference's forms.c): the activation's id, or the primitive's.
        public var name: String {
            switch self {
            case .activation(let function): return function.rawValue
            case .exp: return "exp"
            case .expm1: return "expm1"
            case .tanh: return "tanh"
            case .erf: return "erf"
            case .erfc: return "erfc"
            }
        }

        /// Its index in CReference's table, looked up once per name.
        var cFunction: cr_function {
            guard let f = Reference.functions[name] else { preconditionFailure("CReference has no form named '\(name)'") }
            return f
        }
    }

    /// CReference's table: name to index.
    static let functions: [String: cr_function] = Dictionary(uniqueKeysWithValues: (0..<cr_function_count()).map {
        (String(cString: cr_function_name($0)), $0)
    })

    /// One value; `alpha` is the parameter set's one member (elu's slope).
    public static func evaluate(_ target: Target, _ x: Float, alpha: Float = 1) -> ReferenceValue {
        let r = cr_eval(target.cFunction, x, alpha)
        return ReferenceValue(hi: r.hi, lo: r.lo)
    }

    /// Many values, spread over every core (MPFR calls take microseconds each).
    public static func evaluate(_ target: Target, _ xs: [Float], alpha: Float = 1) -> [ReferenceValue] {
        var out = [ReferenceValue](repeating: ReferenceValue(hi: 0), count: xs.count)
        guard !xs.isEmpty else { return out }
        let function = target.cFunction
        xs.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                let source = SendableAddress(input.baseAddress!)
                let destination = UnsafeMutableRawPointer(output.baseAddress!).assumingMemoryBound(to: cr_dd.self)
                let target = SendableAddress(destination)
                parallelChunks(count: xs.count, chunk: 4096) { range in
                    cr_eval_array(function, source.pointer + range.lowerBound, target.pointer + range.lowerBound,
                                  range.count, alpha)
                }
            }
        }
        return out
    }

    public static var precisionBits: Int { Int(cr_precision_bits()) }
    public static var mpfrVersion: String { String(cString: cr_mpfr_version()) }
}
