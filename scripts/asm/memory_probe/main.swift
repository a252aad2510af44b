// Is memcpy a fair roofline for the kernels? A kernel's loop loads 16 floats and stores 16; memcpy
// may move memory in ways a loop does not. Three forms over a 16K-float array (L1) and a 1M-float
// one (the README's size), timestamp-counter cycles per 16 floats, best of many calls: libc's
// memcpy, a SIMD16<Float> load/store loop, and the same loop negating each vector (one operation
// per vector, as the lightest kernel would have). Build and run: scripts/asm/probe.sh memory_probe
import CShim

typealias V = SIMD16<Float>

@inline(__always) func loop(_ body: (V) -> V, _ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) {
    var k = 0
    while k <= n &- 16 {
        UnsafeMutableRawPointer(o + k).storeBytes(of: body(UnsafeRawPointer(i + k).loadUnaligned(as: V.self)), as: V.self)
        k &+= 16
    }
}
@inline(never) func runMemcpy(_ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) { ck_memcpy(o, i, UInt(n * 4)) }
@inline(never) func runCopy(_ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) { loop({ $0 }, i, o, n) }
@inline(never) func runNegate(_ i: UnsafePointer<Float>, _ o: UnsafeMutablePointer<Float>, _ n: Int) { loop({ -$0 }, i, o, n) }

let forms: [(String, (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void)] = [
    ("memcpy", runMemcpy), ("SIMD16 load/store loop", runCopy), ("SIMD16 loop, one negation per vector", runNegate),
]
for n in [1 << 14, 1 << 20] {
    // 64-byte aligned, as the harness's buffers (AlignedBuffer).
    let input = UnsafeMutableRawPointer.allocate(byteCount: 4 * n, alignment: 64).bindMemory(to: Float.self, capacity: n)
    let output = UnsafeMutableRawPointer.allocate(byteCount: 4 * n, alignment: 64).bindMemory(to: Float.self, capacity: n)
    for k in 0..<n { input[k] = Float(k % 77) - 30; output[k] = 0 }
    var best = [UInt64](repeating: .max, count: forms.count)
    for _ in 0..<5 {
        for (j, form) in forms.enumerated() {
            for _ in 0..<(n == 1 << 14 ? 2000 : 60) {
                let t0 = ck_tsc(); form.1(input, output, n); let t1 = ck_tsc()
                best[j] = min(best[j], t1 - t0)
            }
        }
    }
    for (j, form) in forms.enumerated() {
        print("\(n) floats  \(form.0): \(Double(best[j]) / Double(n) * 16) cycles per 16 floats")
    }
}
