/// Runs a vector body over an array: whole vectors first, then the tail (fewer than V.scalarCount
/// elements) through one zero-padded vector, so callers never see a tail. Every lane of a vector is
/// loaded before any is stored, which makes `input == output` safe.
@inline(__always)
func forEachVector<V: FloatVector>(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                                   _ count: Int, as _: V.Type, _ body: (V) -> V) {
    let width = V.scalarCount
    let source = UnsafeRawPointer(input)
    let destination = UnsafeMutableRawPointer(output)
    // Wrapping arithmetic: i ≤ count - width keeps every offset in range, and checked arithmetic
    // would add an overflow test per vector to a loop of about twenty instructions.
    var i = 0
    while i <= count &- width {
        let x = source.loadUnaligned(fromByteOffset: i &* 4, as: V.self)
        destination.storeBytes(of: body(x), toByteOffset: i &* 4, as: V.self)
        i &+= width
    }
    if i < count {
        var x = V()
        for lane in 0..<(count - i) { x[lane] = input[i + lane] }
        let y = body(x)
        for lane in 0..<(count - i) { output[i + lane] = y[lane] }
    }
}
