/// A chunk's references in columns, one array per field the ulp measurement reads, so the accumulator
/// reads eight references at a time (`AccuracyAccumulator.add(inputs:outputs:references:count:)`).
/// Every figure is the one `ULP.Prepared` gives: the columns hold its fields, and a block of eight
/// holding any reference that is not `ordinary` (NaN, infinite, or rounding to infinity) is measured
/// one input at a time from the Prepared value rebuilt from hi and lo.
public final class ReferenceColumns {
    public static let width = 8

    public let capacity: Int
    let hi: UnsafeMutablePointer<Double>
    let lo: UnsafeMutablePointer<Double>
    let inverseSpacing: UnsafeMutablePointer<Double>
    /// 1/|r| where r is ordinary and |r| ≥ 2^-126, else 0: among ordinary references, 0 marks exactly
    /// the tiny ones (`Kernel.tinyResultLimit`).
    let inverseMagnitude: UnsafeMutablePointer<Double>
    /// The correctly rounded float's bits: a result is correctly rounded when its bits equal these.
    let roundedBits: UnsafeMutablePointer<Int32>
    /// Per block of eight: every reference in it is ordinary.
    let ordinaryBlock: UnsafeMutablePointer<Bool>
    let blocks: Int

    public init(capacity: Int) {
        self.capacity = capacity
        blocks = (capacity + Self.width - 1) / Self.width
        hi = .allocate(capacity: capacity)
        lo = .allocate(capacity: capacity)
        inverseSpacing = .allocate(capacity: capacity)
        inverseMagnitude = .allocate(capacity: capacity)
        roundedBits = .allocate(capacity: capacity)
        ordinaryBlock = .allocate(capacity: blocks)
        ordinaryBlock.initialize(repeating: true, count: blocks)
    }

    deinit {
        for p in [hi, lo, inverseSpacing, inverseMagnitude] { p.deallocate() }
        roundedBits.deallocate()
        ordinaryBlock.deallocate()
    }

    /// Stores reference `i` (< capacity). A block is marked not ordinary here and marked ordinary
    /// again by `resetBlocks`.
    @inline(__always)
    public func set(_ i: Int, _ p: ULP.Prepared) {
        precondition(i >= 0 && i < capacity)
        hi[i] = p.reference.hi
        lo[i] = p.reference.lo
        inverseSpacing[i] = p.inverseSpacing
        inverseMagnitude[i] = p.inverseMagnitude
        roundedBits[i] = Int32(bitPattern: p.rounded.bitPattern)
        if !p.ordinary { ordinaryBlock[i / Self.width] = false }
    }

    /// Marks every block ordinary, before the next set of references is stored.
    public func resetBlocks() { ordinaryBlock.update(repeating: true, count: blocks) }

    /// Reference `i` as `ULP.Prepared` (rebuilt: `ULP.Prepared` is a function of hi and lo).
    func prepared(_ i: Int) -> ULP.Prepared { ULP.Prepared(ReferenceValue(hi: hi[i], lo: lo[i])) }
}

extension AccuracyAccumulator {
    /// Adds `count` inputs, their outputs and their references (`references` from index 0), with the
    /// figures of adding them one by one in order when the inputs ascend in bit pattern after those
    /// already added (as a sweep visits them): eight lanes at a time, each lane keeping its own maxima
    /// and the first index where each occurs, the lanes folded with the earlier input winning a tie,
    /// and the parts merged by `merge` (ties to the smaller bit pattern). The ulp sum is added in
    /// another order, so the mean may differ in its last bits. Blocks with a non-ordinary reference,
    /// and the last count mod 8 inputs, go one by one.
    public mutating func add(inputs: UnsafePointer<Float>, outputs: UnsafePointer<Float>,
                             references c: ReferenceColumns, count n: Int) {
        typealias D = SIMD8<Double>
        typealias I = SIMD8<Int64>
        precondition(n <= c.capacity)
        var slow = AccuracyAccumulator()
        var maxE = D(), maxEAt = I(repeating: -1), maxN = D(), maxNAt = I(repeating: -1)
        var maxTiny = D(), maxAbs = D(), maxRel = D(), sum = D()
        var finite = I(), mismatched = I(), exact = SIMD8<Int32>()
        var lane = I(0, 1, 2, 3, 4, 5, 6, 7)
        let signless = SIMD8<UInt64>(repeating: 0x7fff_ffff_ffff_ffff)
        let infinity = D(repeating: .infinity)
        @inline(__always) func load(_ p: UnsafeMutablePointer<Double>, _ b: Int) -> D { UnsafeRawPointer(p + b).loadUnaligned(as: D.self) }
        var b = 0
        while b &+ 8 <= n {
            if c.ordinaryBlock[b / ReferenceColumns.width] {
                let y = UnsafeRawPointer(outputs + b).loadUnaligned(as: SIMD8<Float>.self)
                let yBits = unsafeBitCast(y, to: SIMD8<Int32>.self)
                let yd = D(y)
                let difference = (yd - load(c.hi, b)) - load(c.lo, b)
                let absolute = unsafeBitCast(unsafeBitCast(difference, to: SIMD8<UInt64>.self) & signless, to: D.self)
                let yFinite = unsafeBitCast(unsafeBitCast(yd, to: SIMD8<UInt64>.self) & signless, to: D.self) .< infinity
                let e = (absolute * load(c.inverseSpacing, b)).replacing(with: infinity, where: .!yFinite)
                let above = e .> maxE
                maxE.replace(with: e, where: above)
                maxEAt.replace(with: lane, where: above)
                let inverse = load(c.inverseMagnitude, b)
                let tiny = inverse .== 0
                let eNormal = e.replacing(with: 0, where: tiny)
                let aboveNormal = eNormal .> maxN
                maxN.replace(with: eNormal, where: aboveNormal)
                maxNAt.replace(with: lane, where: aboveNormal)
                let tinyError = absolute.replacing(with: infinity, where: .!yFinite).replacing(with: 0, where: .!tiny)
                maxTiny.replace(with: tinyError, where: tinyError .> maxTiny)
                let finiteAbsolute = absolute.replacing(with: 0, where: .!yFinite)
                maxAbs.replace(with: finiteAbsolute, where: finiteAbsolute .> maxAbs)
                let relative = finiteAbsolute * inverse
                maxRel.replace(with: relative, where: relative .> maxRel)
                sum += e.replacing(with: 0, where: .!yFinite)
                finite &+= I(repeating: 0).replacing(with: 1, where: yFinite)
                mismatched &+= I(repeating: 1).replacing(with: 0, where: yFinite)
                let rounded = UnsafeRawPointer(c.roundedBits + b).loadUnaligned(as: SIMD8<Int32>.self)
                exact &+= SIMD8<Int32>(repeating: 0).replacing(with: 1, where: yBits .== rounded)
            } else {
                for i in b..<(b &+ 8) { slow.add(input: inputs[i], output: outputs[i], reference: c.prepared(i)) }
            }
            b &+= 8
            lane &+= 8
        }
        var vector = AccuracyAccumulator()
        vector.count = b - slow.count
        vector.ulpSum = sum.sum()
        vector.finiteCount = Int(finite.wrappedSum())
        vector.correctlyRounded = Int(SIMD8<Int64>(truncatingIfNeeded: exact).wrappedSum())
        vector.finitenessMismatches = Int(mismatched.wrappedSum())
        vector.maxAbsoluteError = maxAbs.max()
        vector.maxRelativeError = maxRel.max()
        vector.maxTinyError = maxTiny.max()
        if let (value, at) = Self.first(maxE, maxEAt) { (vector.maxULP, vector.maxULPInput) = (value, inputs[at]) }
        if let (value, at) = Self.first(maxN, maxNAt) { (vector.maxULPNormal, vector.maxULPNormalInput) = (value, inputs[at]) }
        for i in b..<n { slow.add(input: inputs[i], output: outputs[i], reference: c.prepared(i)) }
        vector.merge(slow)
        merge(vector)
    }

    /// The largest of the lanes' maxima and the smallest index where a lane holding it saw it first;
    /// nil when no lane rose above 0.
    static func first(_ maxima: SIMD8<Double>, _ at: SIMD8<Int64>) -> (Double, Int)? {
        let value = maxima.max()
        guard value > 0 else { return nil }
        var index = Int64.max
        for l in 0..<8 where maxima[l] == value { index = Swift.min(index, at[l]) }
        return (value, Int(index))
    }
}
