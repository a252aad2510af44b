/// A vector of Float lanes that the SIMD kernels are generic over (SIMD8<Float>, SIMD16<Float>).
///
/// The vector math needs the lanes' bit patterns (to build 2^n from integer bits instead of the
/// outlined generic `SIMD16<Int32>(floatVector)` conversion) and a Double vector of the
/// same lane count (GELU is evaluated in Double, see `FloatVector+GELU.swift`). Generic code cannot
/// name those types for an arbitrary SIMD, so each width states them here; every requirement is
/// `@inline(__always)` so the specialised loops contain only vector instructions.
public protocol FloatVector: SIMD where Scalar == Float, MaskStorage == Bits {
    /// The lanes' bit patterns, as signed 32-bit integers.
    associatedtype Bits: SIMD where Bits.Scalar == Int32
    /// Double lanes, the same count.
    associatedtype Wide: SIMD where Wide.Scalar == Double, Wide.MaskStorage == WideBits
    /// The Double lanes' bit patterns.
    associatedtype WideBits: SIMD where WideBits.Scalar == Int64

    /// Each lane converted to Double (exact).
    var widened: Wide { get }
    /// Each lane rounded to Float (to nearest).
    init(narrowing wide: Wide)

    // Lane-wise comparisons. Called from generic code, the SIMD protocol's `.<` family compiles to a
    // scalar loop (one ucomiss and a mask store per lane) even after specialisation; the concrete
    // types' operators are single vector compares, so each width forwards to them.
    static func lanesLess(_ a: Self, _ b: Self) -> SIMDMask<Bits>
    static func lanesEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits>
    static func lanesNotEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits>
    static func lanesLess(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits>
    static func lanesGreaterOrEqual(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits>
    static func lanesEqual(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits>

    // The GELU kernels work in Double, where one SIMD16 value needs four ymm registers on AVX2: the
    // live values of the rational and the exponential then exceed the 16 registers and spill. Widths
    // whose Double form is that large evaluate GELU half by half (see SIMD16 below).
    static func geluErfLanes(_ x: Self) -> Self
    static func geluTanhLanes(_ x: Self) -> Self
}

extension SIMD8: FloatVector where Scalar == Float {
    public typealias Bits = SIMD8<Int32>
    public typealias Wide = SIMD8<Double>
    public typealias WideBits = SIMD8<Int64>

    @inline(__always) public static func lanesLess(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .< b }
    @inline(__always) public static func lanesEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .== b }
    @inline(__always) public static func lanesNotEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .!= b }
    @inline(__always) public static func lanesLess(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits> { a .< b }
    @inline(__always) public static func lanesGreaterOrEqual(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits> { a .>= b }
    @inline(__always) public static func lanesEqual(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits> { a .== b }
    @inline(__always) public static func geluErfLanes(_ x: Self) -> Self { geluErf(x) }
    @inline(__always) public static func geluTanhLanes(_ x: Self) -> Self { geluTanh(x) }

    // Lane by lane: the generic `SIMD8<Double>(SIMD8<Float>)` initialiser is an outlined call inside a
    // large kernel, while this loop is vectorised to one vcvtps2pd / vcvtpd2ps.
    @inline(__always) public var widened: SIMD8<Double> {
        var wide = SIMD8<Double>()
        for lane in 0..<8 { wide[lane] = Double(self[lane]) }
        return wide
    }
    @inline(__always) public init(narrowing wide: SIMD8<Double>) {
        self.init()
        for lane in 0..<8 { self[lane] = Float(wide[lane]) }
    }
}

extension SIMD16: FloatVector where Scalar == Float {
    public typealias Bits = SIMD16<Int32>
    public typealias Wide = SIMD16<Double>
    public typealias WideBits = SIMD16<Int64>

    @inline(__always) public static func lanesLess(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .< b }
    @inline(__always) public static func lanesEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .== b }
    @inline(__always) public static func lanesNotEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .!= b }
    @inline(__always) public static func lanesLess(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits> { a .< b }
    @inline(__always) public static func lanesGreaterOrEqual(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits> { a .>= b }
    @inline(__always) public static func lanesEqual(_ a: Wide, _ b: Wide) -> SIMDMask<WideBits> { a .== b }
    @inline(__always) public static func geluErfLanes(_ x: Self) -> Self {
        let low = SIMD8.geluErf(x.lowHalf)
        let high = SIMD8.geluErf(x.highHalf)
        return Self(lowHalf: low, highHalf: high)
    }
    @inline(__always) public static func geluTanhLanes(_ x: Self) -> Self {
        let low = SIMD8.geluTanh(x.lowHalf)
        let high = SIMD8.geluTanh(x.highHalf)
        return Self(lowHalf: low, highHalf: high)
    }

    // Lane by lane, for the reason given at SIMD8.
    @inline(__always) public var widened: SIMD16<Double> {
        var wide = SIMD16<Double>()
        for lane in 0..<16 { wide[lane] = Double(self[lane]) }
        return wide
    }
    @inline(__always) public init(narrowing wide: SIMD16<Double>) {
        self.init()
        for lane in 0..<16 { self[lane] = Float(wide[lane]) }
    }
}

extension FloatVector {
    /// The lanes' bit patterns.
    @inline(__always) var bits: Bits { unsafeBitCast(self, to: Bits.self) }
    /// Lanes made from bit patterns.
    @inline(__always) init(bits: Bits) { self = unsafeBitCast(bits, to: Self.self) }

    /// Each lane's magnitude (sign bit cleared).
    @inline(__always) var magnitude: Self { Self(bits: bits & Bits(repeating: 0x7fff_ffff)) }
    /// Each lane with the magnitude of `self` and the sign of `sign`.
    @inline(__always) func withSign(of sign: Self) -> Self {
        Self(bits: (bits & Bits(repeating: 0x7fff_ffff)) | (sign.bits & Bits(repeating: Int32(bitPattern: 0x8000_0000))))
    }
    /// `min(max(self, lo), hi)` lane-wise. `.clamped` scalarises, and the generic
    /// `pointwiseMin`/`pointwiseMax` are sometimes left as outlined calls in a large kernel (seen:
    /// sigmoid at 28 ns/element instead of 2.4), so this is a compare and a blend per bound, through
    /// the concrete compares. NaN lanes stay NaN.
    @inline(__always) func clamped(_ lo: Float, _ hi: Float) -> Self {
        Self.maximum(Self.minimum(self, hi), lo)
    }
    /// Lane-wise min(v, bound) (NaN lanes stay NaN).
    @inline(__always) static func minimum(_ v: Self, _ bound: Float) -> Self {
        let b = Self(repeating: bound)
        return v.replacing(with: b, where: lanesLess(b, v))
    }
    /// Lane-wise max(v, bound) (NaN lanes stay NaN).
    @inline(__always) static func maximum(_ v: Self, _ bound: Float) -> Self {
        let b = Self(repeating: bound)
        return v.replacing(with: b, where: lanesLess(v, b))
    }
    /// NaN lanes of `x` carried to the result: min/max do not propagate NaN, so every kernel ends here.
    @inline(__always) func propagatingNaN(of x: Self) -> Self {
        replacing(with: x, where: Self.lanesNotEqual(x, x))
    }
}

extension FloatVector {
    /// Lane magnitudes of a Double vector (sign bit cleared).
    @inline(__always) static func magnitude(_ w: Wide) -> Wide {
        unsafeBitCast(unsafeBitCast(w, to: WideBits.self) & WideBits(repeating: .max), to: Wide.self)
    }
    /// Lane-wise min(w, bound) for a Double vector through the concrete compare; the generic
    /// `pointwiseMin` on SIMD8<Double> is an outlined call inside large kernels. NaN lanes stay NaN.
    @inline(__always) static func minimum(_ w: Wide, _ bound: Double) -> Wide {
        let b = Wide(repeating: bound)
        return w.replacing(with: b, where: lanesLess(b, w))
    }
}
