import CLanes

/// A vector of Float lanes that the SIMD kernels are generic over (SIMD8<Float>, SIMD16<Float>).
///
/// The vector math needs the lanes' bit patterns (to build 2^n from integer bits instead of the
/// outlined generic `SIMD16<Int32>(floatVector)` conversion). Generic code cannot name that type for
/// an arbitrary SIMD, so each width states it here; every requirement is `@inline(__always)` so the
/// specialised loops contain only vector instructions.
public protocol FloatVector: SIMD, SendableVectorType where Scalar == Float, MaskStorage == Bits {
    /// The lanes' bit patterns, as signed 32-bit integers.
    associatedtype Bits: SIMD where Bits.Scalar == Int32

    // Lane-wise comparisons. Called from generic code, the SIMD protocol's `.<` family compiles to a
    // scalar loop (one ucomiss and a mask store per lane) even after specialisation; the concrete
    // types' operators are single vector compares, so each width forwards to them.
    static func lanesLess(_ a: Self, _ b: Self) -> SIMDMask<Bits>
    static func lanesNotEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits>
    /// Lane-wise signed minimum of bit patterns (one integer instruction, vpminsd on x86).
    static func bitsMinimum(_ a: Bits, _ b: Bits) -> Bits
    /// The larger of the two patterns lane-wise, as signed integers: one integer maximum.
    static func bitsMaximum(_ a: Bits, _ b: Bits) -> Bits

    /// table[index & 31] lane-wise, entries 0–15 in `lo` and 16–31 in `hi`: one permute where the
    /// target CPU has one (CLanes/lanes.h).
    static func lookup32(_ lo: SIMD16<Int32>, _ hi: SIMD16<Int32>, _ index: Bits) -> Bits
    /// table[index & 15] lane-wise: one one-table permute where the target CPU has one.
    static func lookup16(_ table: SIMD16<Int32>, _ index: Bits) -> Bits
    /// table[index & 7] lane-wise: one permute per eight lanes where the target CPU has AVX2.
    static func lookup8(_ table: SIMD8<Int32>, _ index: Bits) -> Bits
    /// The same bit patterns, which the optimiser cannot see through (CLanes/lanes.h): no instruction.
    static func opaque(_ bits: Bits) -> Bits
    /// a > b ? a : b lane-wise, b where they are equal or either is NaN: one maxps on x86.
    static func greaterOrSecond(_ a: Self, _ b: Self) -> Self
    /// min(|v|, limit) lane-wise, sign cleared, for a limit ≥ 0 that is not NaN: one vrangeps where
    /// the target CPU has AVX512DQ, a mask and an integer minimum elsewhere (CLanes/lanes.h). A quiet
    /// NaN lane gives limit; a signalling NaN gives limit or, from vrangeps, a NaN.
    static func magnitudeMinimum(_ v: Self, _ limit: Self) -> Self
    /// v·2^⌊y⌋ lane-wise, rounded once (a result below 2^-126 is the subnormal it rounds to): one
    /// vscalefps where the target CPU has AVX-512 (CLanes/lanes.h).
    static func scaled(_ v: Self, byPowerOfTwoFloorOf y: Self) -> Self

    // The accurate tier's GELU kernels (FloatVector+GELU.swift), one entry point per width so that a
    // width can evaluate them its own way; both widths run the generic body on their own lanes.
    static func geluErfLanes(_ x: Self) -> Self
    static func geluTanhLanes(_ x: Self) -> Self
}

#if compiler(>=6.2)
/// The kernels are `@Sendable` closures that call their vector type's static functions, which
/// captures its metatype: the metatype must be sendable (SE-0470). Swift 6.1 does not check this.
public protocol SendableVectorType: SendableMetatype {}
#else
public protocol SendableVectorType {}
#endif
extension SIMD8: SendableVectorType where Scalar == Float {}
extension SIMD16: SendableVectorType where Scalar == Float {}

extension SIMD8: FloatVector where Scalar == Float {
    public typealias Bits = SIMD8<Int32>

    @inline(__always) public static func lanesLess(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .< b }
    @inline(__always) public static func lanesNotEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .!= b }
    @inline(__always) public static func bitsMinimum(_ a: Bits, _ b: Bits) -> Bits { a.replacing(with: b, where: b .< a) }
    @inline(__always) public static func bitsMaximum(_ a: Bits, _ b: Bits) -> Bits { a.replacing(with: b, where: a .< b) }
    @inline(__always) public static func lookup32(_ lo: SIMD16<Int32>, _ hi: SIMD16<Int32>, _ index: Bits) -> Bits {
        ck_lanes_lookup32_x8(lo, hi, index)
    }
    @inline(__always) public static func lookup16(_ table: SIMD16<Int32>, _ index: Bits) -> Bits {
        ck_lanes_lookup16_x8(table, index)
    }
    @inline(__always) public static func lookup8(_ table: SIMD8<Int32>, _ index: Bits) -> Bits {
        ck_lanes_lookup8_x8(table, index)
    }
    @inline(__always) public static func opaque(_ bits: Bits) -> Bits { ck_lanes_opaque_x8(bits) }
    @inline(__always) public static func greaterOrSecond(_ a: Self, _ b: Self) -> Self { ck_lanes_max_x8(a, b) }
    @inline(__always) public static func magnitudeMinimum(_ v: Self, _ limit: Self) -> Self { ck_lanes_magnitude_min_x8(v, limit) }
    @inline(__always) public static func scaled(_ v: Self, byPowerOfTwoFloorOf y: Self) -> Self {
        ck_lanes_scalef_x8(v, y)
    }
    @inline(__always) public static func geluErfLanes(_ x: Self) -> Self { geluErf(x) }
    @inline(__always) public static func geluTanhLanes(_ x: Self) -> Self { geluTanh(x) }
}

extension SIMD16: FloatVector where Scalar == Float {
    public typealias Bits = SIMD16<Int32>

    @inline(__always) public static func lanesLess(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .< b }
    @inline(__always) public static func lanesNotEqual(_ a: Self, _ b: Self) -> SIMDMask<Bits> { a .!= b }
    @inline(__always) public static func bitsMinimum(_ a: Bits, _ b: Bits) -> Bits { a.replacing(with: b, where: b .< a) }
    @inline(__always) public static func bitsMaximum(_ a: Bits, _ b: Bits) -> Bits { a.replacing(with: b, where: a .< b) }
    @inline(__always) public static func lookup32(_ lo: SIMD16<Int32>, _ hi: SIMD16<Int32>, _ index: Bits) -> Bits {
        ck_lanes_lookup32_x16(lo, hi, index)
    }
    @inline(__always) public static func lookup16(_ table: SIMD16<Int32>, _ index: Bits) -> Bits {
        ck_lanes_lookup16_x16(table, index)
    }
    @inline(__always) public static func lookup8(_ table: SIMD8<Int32>, _ index: Bits) -> Bits {
        ck_lanes_lookup8_x16(table, index)
    }
    @inline(__always) public static func opaque(_ bits: Bits) -> Bits { ck_lanes_opaque_x16(bits) }
    @inline(__always) public static func greaterOrSecond(_ a: Self, _ b: Self) -> Self { ck_lanes_max_x16(a, b) }
    @inline(__always) public static func magnitudeMinimum(_ v: Self, _ limit: Self) -> Self { ck_lanes_magnitude_min_x16(v, limit) }
    @inline(__always) public static func scaled(_ v: Self, byPowerOfTwoFloorOf y: Self) -> Self {
        ck_lanes_scalef_x16(v, y)
    }
    @inline(__always) public static func geluErfLanes(_ x: Self) -> Self { geluErf(x) }
    @inline(__always) public static func geluTanhLanes(_ x: Self) -> Self { geluTanh(x) }
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
    /// -self, by flipping the sign bit. The generic prefix minus is `0 - self`, which differs for
    /// +0 and so cannot fold into an FMA; an FMA with a negated operand is one vfmsub/vfnmadd.
    @inline(__always) var negated: Self { Self(bits: bits ^ Bits(repeating: Int32(bitPattern: 0x8000_0000))) }
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
    /// max(v, bound) for the lanes where v < 0, for a bound < 0, as a signed integer minimum of the
    /// bit patterns: negative floats' patterns are negative integers that grow with the magnitude.
    /// -0 stays -0; +0, positive and NaN lanes come out as `bound`, so callers replace them. One
    /// integer instruction, off the floating-point pipes that the FMAs keep busy.
    @inline(__always) static func negativeMaximum(_ v: Self, _ bound: Float) -> Self {
        Self(bits: bitsMinimum(v.bits, Self(repeating: bound).bits))
    }
    /// NaN lanes of `x` carried to the result: min/max do not propagate NaN, so every kernel ends here.
    @inline(__always) func propagatingNaN(of x: Self) -> Self {
        replacing(with: x, where: Self.lanesNotEqual(x, x))
    }
}
