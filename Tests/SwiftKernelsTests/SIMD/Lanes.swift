/// f applied to xs sixteen lanes at a time (the last vector padded with zeros), one result per
/// input: how the vector tests run a SIMD16 form over a list of inputs.
func each(_ xs: [Float], _ f: (SIMD16<Float>) -> SIMD16<Float>) -> [Float] {
    stride(from: 0, to: xs.count, by: 16).flatMap { i -> [Float] in
        var v = SIMD16<Float>()
        for lane in 0..<16 where i + lane < xs.count { v[lane] = xs[i + lane] }
        let y = f(v)
        return (0..<min(16, xs.count - i)).map { y[$0] }
    }
}
