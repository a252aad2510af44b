/// The constants of every exponential's reduction x = n·ln2 + t (FloatVector+FastExp.swift,
/// FloatVector+TableExp.swift, FloatVector+GELU.swift): ln2 split into two floats (Cody–Waite), so
/// that with FMA the reduced argument carries no rounding from the reduction.
extension FloatVector {
    @inline(__always) static var log2e: Self { Self(repeating: 0x1.715476p+0) }
    @inline(__always) static var ln2Hi: Self { Self(repeating: 0x1.62e430p-1) }
    @inline(__always) static var ln2Lo: Self { Self(repeating: -0x1.05c610p-29) }
}
