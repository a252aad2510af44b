/// e^y on the Double lanes of `Wide`, for the GELU kernels that evaluate in Double.
///
/// GELU's negative tail is x·Φ(x) with Φ ~ e^(-x²/2): in Float, the rounding of x² (or of the
/// polynomial inside tanh-GELU) moves the exponent by |x²|·2^-24 and the result by hundreds of ulps
/// near x = -10. Doubles remove that with ~29 bits to spare, and the single rounding to Float at the
/// end then gives nearly correctly rounded results. The cost is half the lanes per register.
///
/// Reduction y = k·ln2 + r (ln2 split into a 32-bit high part, so k·ln2Hi is exact, and a low part;
/// FMA), then a degree-9 minimax polynomial for e^r on |r| ≤ 0.35 (scripts/fit: 1.5e-14 relative,
/// verified on 100,000 points), and 2^k from the exponent bits.
extension FloatVector {
    /// e^y for y in [-708, 0] (callers clamp; NaN lanes give garbage that callers replace).
    @inline(__always)
    static func expDouble(_ y: Wide) -> Wide {
        let shift = Wide(repeating: 0x1.8p52)
        let shifted = shift.addingProduct(y, Wide(repeating: 0x1.71547652b82fep0))
        let kFloat = shifted - shift
        let r = y.addingProduct(kFloat, Wide(repeating: -0x1.62e42fee00000p-1))
            .addingProduct(kFloat, Wide(repeating: -0x1.a39ef35793c76p-33))
        var p = Wide(repeating: 0x1.70d6f3cba7e67p-19)
        p = Wide(repeating: 0x1.a18303dccad64p-16).addingProduct(p, r)
        p = Wide(repeating: 0x1.a01bd46d08cdcp-13).addingProduct(p, r)
        p = Wide(repeating: 0x1.6c1627ab90a00p-10).addingProduct(p, r)
        p = Wide(repeating: 0x1.111110505701ep-7).addingProduct(p, r)
        p = Wide(repeating: 0x1.5555558aa4dcep-5).addingProduct(p, r)
        p = Wide(repeating: 0x1.55555555c3badp-3).addingProduct(p, r)
        p = Wide(repeating: 0x1.ffffffffe63a0p-2).addingProduct(p, r)
        p = Wide(repeating: 0x1.ffffffffffbd6p-1).addingProduct(p, r)
        p = Wide(repeating: 0x1.000000000003fp+0).addingProduct(p, r)
        // The low 12 bits of `shifted` hold k (two's complement); shifting left by 52 keeps only them.
        let bits = (unsafeBitCast(shifted, to: WideBits.self) &+ WideBits(repeating: 1023)) &<< WideBits(repeating: 52)
        return p * unsafeBitCast(bits, to: Wide.self)
    }
}
