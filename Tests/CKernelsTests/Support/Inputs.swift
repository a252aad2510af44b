/// Input sets shared by the kernel tests.
enum Inputs {
    /// A uniform grid over [-20, 20] plus ±2^k (1 + j/8) for every binade from the smallest
    /// subnormal to 16, so the small magnitudes a uniform grid skips are covered too.
    static let grid: [Float] = {
        var xs: [Float] = []
        let n = 400_000
        for i in 0...n { xs.append(-20 + 40 * Float(i) / Float(n)) }
        for k in -149...4 {
            for j in 0..<8 {
                let m = Float(sign: .plus, exponent: k, significand: 1 + Float(j) / 8)
                xs.append(m)
                xs.append(-m)
            }
        }
        return xs
    }()

    static let specials: [Float] = [
        .nan, -.nan, .infinity, -.infinity, 0, -0.0,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .leastNormalMagnitude, -.leastNormalMagnitude,
        .leastNonzeroMagnitude, -.leastNonzeroMagnitude, Float(1e-40 as Double), Float(-1e-40 as Double),
        88, -88, 89, -89, 104, -104, 20, -20, 20.5, -20.5, 12, -12, 1e10, -1e10,
    ]

    /// Deterministic values in [-lo, hi] (xorshift), for the tail and aliasing tests.
    static func random(count: Int, in range: ClosedRange<Float> = -12...12, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [Float] {
        var s = seed
        return (0..<count).map { _ in
            s ^= s << 13; s ^= s >> 7; s ^= s << 17
            let u = Float(s >> 40) / Float(1 << 24)
            return range.lowerBound + (range.upperBound - range.lowerBound) * u
        }
    }

    static let tailCounts = [0, 1, 7, 15, 16, 17, 33, 1_000_003]
}
