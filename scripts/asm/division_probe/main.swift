// Is the sigmoid loop bound by its division? Four forms of the same σ on SIMD16<Float> over an
// L1-resident array (4K floats) and a 1M one, timestamp-counter cycles per 16 floats, best of many
// calls: the division, a multiply in its place (wrong values; the cost of everything else), and
// vrcp14ps with one Newton step, without and with a final residual correction. AVX-512 only.
// Build and run: scripts/asm/probe.sh division_probe
import CShim

typealias V = SIMD16<Float>
typealias B = SIMD16<Int32>
@inline(__always) func bits(_ v: V) -> B { unsafeBitCast(v, to: B.self) }
@inline(__always) func float(_ b: B) -> V { unsafeBitCast(b, to: V.self) }

/// E = e^z·2^24 for z = -|x| (the kernel's exponential: two-float ln2, degree-5 polynomial).
@inline(__always) func scaledExp(_ z: V) -> V {
    let magic = V(repeating: 0x1.8p23 + 127 + 24)
    let shifted = magic.addingProduct(z, V(repeating: 0x1.715476p+0))
    let n = shifted - magic
    let t = z.addingProduct(n, V(repeating: -0x1.62e430p-1)).addingProduct(n, V(repeating: 0x1.05c610p-29))
    var p = V(repeating: 0x1.0fa7fap-7)
    p = V(repeating: 0x1.573a9cp-5).addingProduct(p, t)
    p = V(repeating: 0x1.555a6cp-3).addingProduct(p, t)
    p = V(repeating: 0x1.fffdc4p-2).addingProduct(p, t)
    p = V(repeating: 0x1.fffff6p-1).addingProduct(p, t)
    p = V(repeating: 1).addingProduct(p, t)
    return (p * float(bits(shifted) &<< B(repeating: 23))).replacing(with: V(), where: z .< V(repeating: -104))
}

@inline(__always) func parts(_ x: V) -> (numerator: V, denominator: V) {
    let e = scaledExp(float(bits(x) | B(repeating: Int32(bitPattern: 0x8000_0000))))
    return (V(repeating: 0x1p24).replacing(with: e, where: x .< V()), e + 0x1p24)
}
@inline(__always) func divide(_ x: V) -> V { let (n, d) = parts(x); return n / d }
@inline(__always) func multiply(_ x: V) -> V { let (n, d) = parts(x); return n * d }
@inline(__always) func newton(_ x: V) -> V {
    let (n, d) = parts(x)
    let r: V = ck_rcp14(d)
    return n * r.addingProduct(r, V(repeating: 1).addingProduct(-d, r))
}
@inline(__always) func newtonCorrected(_ x: V) -> V {
    let (n, d) = parts(x)
    var r: V = ck_rcp14(d)
    r = r.addingProduct(r, V(repeating: 1).addingProduct(-d, r))
    let q = n * r
    return q.addingProduct(n.addingProduct(-d, q), r)
}

@inline(__always) func loop(_ body: (V) -> V, _ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
    var k = 0
    while k <= n &- 16 {
        UnsafeMutableRawPointer(o + k).storeBytes(of: body(UnsafeRawPointer(i + k).loadUnaligned(as: V.self)), as: V.self)
        k &+= 16
    }
}
@inline(never) func runDivide(_ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) { loop(divide, i, o, n) }
@inline(never) func runMultiply(_ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) { loop(multiply, i, o, n) }
@inline(never) func runNewton(_ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) { loop(newton, i, o, n) }
@inline(never) func runNewtonCorrected(_ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) { loop(newtonCorrected, i, o, n) }

let forms: [(String, (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void)] = [
    ("division", runDivide), ("multiply instead (wrong values)", runMultiply),
    ("vrcp14ps + Newton", runNewton), ("vrcp14ps + Newton + correction", runNewtonCorrected),
]
for n in [4096, 1 << 20] {
    let input = UnsafeMutablePointer<Float>.allocate(capacity: n), output = UnsafeMutablePointer<Float>.allocate(capacity: n)
    var generator = SystemRandomNumberGenerator()
    for k in 0..<n { input[k] = Float.random(in: -10...10, using: &generator) }
    var best = [UInt64](repeating: .max, count: forms.count)
    for _ in 0..<5 {
        for (j, form) in forms.enumerated() {
            for _ in 0..<(n == 4096 ? 3000 : 60) {
                let t0 = ck_tsc(); form.1(input, output, n); let t1 = ck_tsc()
                best[j] = min(best[j], t1 - t0)
            }
        }
    }
    for (j, form) in forms.enumerated() {
        print("\(n) floats  \(form.0): \(Double(best[j]) / Double(n) * 16) cycles per 16 floats")
    }
}
