/// Where benchmark inputs come from. Exp-based kernels run the same instructions for every input in
/// their main range, but saturated or special inputs can take other paths (scalar fallbacks in some
/// libraries), so the distribution is a choice users make and results record.
public enum InputDistribution: Sendable, Equatable, CustomStringConvertible {
    case uniform(Float, Float)
    case normal(mean: Float, sigma: Float)

    public static let `default` = InputDistribution.uniform(-10, 10)

    /// Parses `uniform:a:b` (a < b, finite) or `normal:mu:sigma` (sigma > 0, finite).
    public init(parsing text: String) throws(UsageError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let usage = "expected uniform:a:b (a < b) or normal:mu:sigma (sigma > 0), e.g. uniform:-10:10"
        guard parts.count == 3, let p = Float(parts[1]), let q = Float(parts[2]), p.isFinite, q.isFinite else {
            throw UsageError("bad distribution '\(text)': \(usage)")
        }
        switch parts[0] {
        case "uniform" where p < q: self = .uniform(p, q)
        case "normal" where q > 0: self = .normal(mean: p, sigma: q)
        default: throw UsageError("bad distribution '\(text)': \(usage)")
        }
    }

    public var description: String {
        switch self {
        case .uniform(let a, let b): return "uniform:\(a):\(b)"
        case .normal(let m, let s): return "normal:\(m):\(s)"
        }
    }

    /// Fills `buffer` from a generator seeded with `seed`: the same seed gives the same inputs.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Float>, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        switch self {
        case .uniform(let a, let b):
            for i in buffer.indices { buffer[i] = Float.random(in: a..<b, using: &generator) }
        case .normal(let mean, let sigma):
            // Box–Muller in Double, two values per pair of uniforms.
            var i = buffer.startIndex
            while i < buffer.endIndex {
                let u1 = Double.random(in: Double.leastNormalMagnitude..<1, using: &generator)
                let u2 = Double.random(in: 0..<1, using: &generator)
                let radius = (-2 * logValue(u1)).squareRoot()
                let angle = 2 * Double.pi * u2
                buffer[i] = mean + sigma * Float(radius * cosValue(angle))
                if i + 1 < buffer.endIndex { buffer[i + 1] = mean + sigma * Float(radius * sinValue(angle)) }
                i += 2
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@inline(__always) private func logValue(_ x: Double) -> Double { log(x) }
@inline(__always) private func cosValue(_ x: Double) -> Double { cos(x) }
@inline(__always) private func sinValue(_ x: Double) -> Double { sin(x) }
