/// A lane selection made without a compare into a mask register. On Zen 4 a zmm compare into a mask
/// takes an FMA slot (`results/zen4/pipes-probe.txt`: 16 FMAs take 16.1 cycles, with two compares
/// 18.1, with four integer adds, shifts or logic operations 16.0–16.1), and the fast GELU-erf,
/// whose loop is nearly all FMAs, is bound by them there; the integer form (a subtract, a shift
/// that spreads the sign, one logic operation) runs beside the FMAs. With 8
/// lanes, or in a build without mask registers (AVX2), the compare is the cheaper form and is kept.
/// Where the loop is not FMA bound the integer form costs more than it saves: the fast GELU-tanh's
/// two selections in this form made it slower (`results/kernels/integer-masks.txt`).
extension FloatVector {
    /// Whether `zeroed(where:exceeds:)` takes the integer form: 16 lanes in a build with mask
    /// registers (AVX-512F and VL, as `readsTables`).
    @inline(__always) static var selectsByIntegers: Bool { readsTables && scalarCount == 16 }

    /// Lanes set to +0 where v > limit, for v ≥ +0 and limit > 0; NaN lanes of v are unspecified.
    /// The integer form: the bit patterns of non-negative floats order as the floats do, so
    /// limit - v as integers is negative exactly where v > limit (no overflow: both are below
    /// 2^31), and its sign spread over the lane clears it. The difference and the spread sign are
    /// kept from the optimiser (`opaque`), which would fold them back into a compare and a mask.
    @inline(__always) func zeroed(where v: Self, exceeds limit: Float) -> Self {
        if Self.selectsByIntegers {
            let above = Self.opaque(Self.opaque(Self(repeating: limit).bits &- v.bits) &>> 31)
            return Self(bits: bits & ~above)
        }
        return replacing(with: Self(), where: Self.lanesLess(Self(repeating: limit), v))
    }
}
