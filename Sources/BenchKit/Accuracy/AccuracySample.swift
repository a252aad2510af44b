/// The inputs of a sampled accuracy run: every special value, uniformly random bit patterns (which
/// cover every binade, NaNs and subnormals included, in proportion to their share of the float
/// encodings), and a dense evenly spaced grid over the range where the functions are interesting.
public struct AccuracySample: Sendable {
    public let inputs: [Float]

    /// Special values: NaN, ±inf, ±0, the subnormal and normal extremes, the saturation region.
    public static let specialValues: [Float] = [
        .nan, -.nan, .infinity, -.infinity, 0, -0.0,
        .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, -.leastNormalMagnitude,
        0x1p-140, -0x1p-140, 1e-30, -1e-30, 1e-8, -1e-8,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e30, -1e30, 1e10, -1e10,
        1, -1, 20, -20, 88.72, -88.72, 89, -89, 103.9, -103.9, 104, -104, 1000, -1000,
    ]

    /// `randomCount` random bit patterns plus `gridCount` points evenly spaced over `grid`, plus the
    /// special values.
    public init(randomCount: Int, gridCount: Int, grid: ClosedRange<Float> = -20...20, seed: UInt64 = 0x5eed) {
        var generator = SeededGenerator(seed: seed)
        var inputs = Self.specialValues
        inputs.reserveCapacity(inputs.count + randomCount + gridCount)
        for _ in 0..<randomCount {
            inputs.append(Float(bitPattern: UInt32(truncatingIfNeeded: generator.next())))
        }
        let step = Double(grid.upperBound - grid.lowerBound) / Double(Swift.max(gridCount - 1, 1))
        for i in 0..<gridCount {
            inputs.append(Float(Double(grid.lowerBound) + Double(i) * step))
        }
        self.inputs = inputs
    }

    public init(inputs: [Float]) { self.inputs = inputs }
}
