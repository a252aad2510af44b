import CLanes

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

/// How far ahead of its loads a staged loop that prefetches asks for its input, in bytes (64 cache
/// lines). The sigmoid and ELU, whose staged loops keep up with the cache, prefetch: at 1M floats
/// (in L3) on a Zen 5 VM it makes the fast sigmoid 1.23× and ELU 1.12× as fast, in L1 (4K) within
/// 2%. Tanh and the fast GELU-erf, slower than the cache at 1M, do not: the prefetch gains them
/// nothing there and costs them up to 6% in L1 (results/kernels/prefetch-sizes.txt).
let stagedLoopPrefetchBytes = 4096

/// `forEachVector` with the body cut into four stages, run on four consecutive vectors at once: each
/// pass takes stage 1 of vector i, 2 of i - 1, 3 of i - 2 and 4 of i - 3, then stores i - 3. The
/// stages of one pass do not depend on each other, so the loop's program order holds four short
/// chains side by side instead of one long one, and the out-of-order core overlaps more of them:
/// the table-reading sigmoid, tanh and ELU run 1.03–1.07× as fast at 16 lanes on Zen 4, and
/// 1.1–1.3× at 8 (results/zen4/ablation-1M.txt). Inputs shorter than three vectors, and the tail,
/// take the stages in turn through `forEachVector`. With `prefetch`, each pass asks for the input
/// `stagedLoopPrefetchBytes` ahead. Every vector is loaded before a store reaches its place, so
/// `input == output` stays safe.
@inline(__always)
func forEachVector<V: FloatVector, S1, S2, S3>(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                                              _ count: Int, as _: V.Type, prefetch: Bool = false,
                                              stages first: (V) -> S1, _ second: (S1) -> S2,
                                              _ third: (S2) -> S3, _ fourth: (S3) -> V) {
    let width = V.scalarCount
    let source = UnsafeRawPointer(input)
    let destination = UnsafeMutableRawPointer(output)
    var i = 0
    if count >= 3 &* width {
        var s3 = third(second(first(source.loadUnaligned(fromByteOffset: 0, as: V.self))))
        var s2 = second(first(source.loadUnaligned(fromByteOffset: width &* 4, as: V.self)))
        var s1 = first(source.loadUnaligned(fromByteOffset: 2 &* width &* 4, as: V.self))
        i = 3 &* width
        while i <= count &- width {
            if prefetch { ck_lanes_prefetch(source + (i &* 4 &+ stagedLoopPrefetchBytes)) }
            let next1 = first(source.loadUnaligned(fromByteOffset: i &* 4, as: V.self))
            let next2 = second(s1)
            let next3 = third(s2)
            destination.storeBytes(of: fourth(s3), toByteOffset: (i &- 3 &* width) &* 4, as: V.self)
            (s1, s2, s3) = (next1, next2, next3)
            i &+= width
        }
        destination.storeBytes(of: fourth(s3), toByteOffset: (i &- 3 &* width) &* 4, as: V.self)
        destination.storeBytes(of: fourth(third(s2)), toByteOffset: (i &- 2 &* width) &* 4, as: V.self)
        destination.storeBytes(of: fourth(third(second(s1))), toByteOffset: (i &- width) &* 4, as: V.self)
    }
    forEachVector(input + i, output + i, count - i, as: V.self) { fourth(third(second(first($0)))) }
}

/// `body` with a pointer to `tables`. With `inMemory`, one the optimiser cannot see through
/// (CLanes `ck_lanes_opaque_address`): a loop in `body` then reads each table afresh every pass,
/// as the memory operand of its permute (a load beside it, no vector instruction more), where it
/// would otherwise hold each in a register and, short of sixteen ymm registers, spill or
/// broadcast its float constants again every pass. Without, the tables are constants the
/// optimiser places itself.
@inline(__always)
func withTables<T, R>(_ tables: T, inMemory: Bool, _ body: (UnsafePointer<T>) -> R) -> R {
    withUnsafePointer(to: tables) { pointer in
        body(inMemory ? ck_lanes_opaque_address(pointer).assumingMemoryBound(to: T.self) : pointer)
    }
}

/// `forEachVector` in two stages on two consecutive vectors, for a loop whose registers cannot
/// carry the four-stage loop's vectors (sixteen ymm): each pass takes stage 1 of vector i, then
/// stage 2 of i - 1, whose input stage 2 gets again from memory rather than as a carried register.
/// Stage 2's chains then start from values made a pass before, so the out-of-order core holds
/// fewer waiting instructions: the AVX2 fast GELU-erf, carrying four vectors (no spill at 8
/// lanes), runs 1.15–1.16× as fast at 1M on a Zen 5 VM (results/kernels/avx2-gelu-erf-two-stages-1M.txt);
/// a third stage, or a fifth carried vector, spills more at 16 lanes and runs no faster. Inputs
/// shorter than two vectors, and the tail, take both stages in turn through `forEachVector`. Every
/// vector is loaded (and loaded again) before a store reaches its place, so `input == output`
/// stays safe.
@inline(__always)
func forEachVector<V: FloatVector, S>(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                                      _ count: Int, as _: V.Type, stages first: (V) -> S, _ second: (S, V) -> V) {
    let width = V.scalarCount
    let source = UnsafeRawPointer(input)
    let destination = UnsafeMutableRawPointer(output)
    @inline(__always) func load(_ element: Int) -> V { source.loadUnaligned(fromByteOffset: element &* 4, as: V.self) }
    var i = 0
    if count >= 2 &* width {
        var carried = first(load(0))
        i = width
        while i <= count &- width {
            let next = first(load(i))
            destination.storeBytes(of: second(carried, load(i &- width)), toByteOffset: (i &- width) &* 4, as: V.self)
            carried = next
            i &+= width
        }
        destination.storeBytes(of: second(carried, load(i &- width)), toByteOffset: (i &- width) &* 4, as: V.self)
    }
    forEachVector(input + i, output + i, count - i, as: V.self) { second(first($0), $0) }
}

/// `forEachVector(…, stages:)` with two pipelines side by side: pipeline A takes the even vectors
/// and B the odd ones, and each pass runs every stage on both, so a stage's input was made two
/// vectors before rather than one and the program order holds eight short chains instead of four.
/// This is for loops whose chain is long next to their instruction count and whose stages carry
/// few vectors (two pipelines keep twice the carried vectors live, and a spill costs more than
/// the overlap buys): tanh, whose division ends a long chain, runs 1.13–1.14× as fast as in one
/// pipeline at 1M on a Zen 5 VM (results/kernels/tanh-pipelines-1M.txt). (The fast GELU-erf's
/// form with the integer scale runs faster in one pipeline: results/kernels/README.md.) Inputs
/// shorter than eight vectors, and the last one or two, take `forEachVector(…, stages:)`. Every vector is
/// loaded before a store reaches its place, so `input == output` stays safe.
@inline(__always)
func forEachVectorInPairs<V: FloatVector, S1, S2, S3>(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>,
                                                     _ count: Int, as _: V.Type,
                                                     stages first: (V) -> S1, _ second: (S1) -> S2,
                                                     _ third: (S2) -> S3, _ fourth: (S3) -> V) {
    let width = V.scalarCount
    let source = UnsafeRawPointer(input)
    let destination = UnsafeMutableRawPointer(output)
    @inline(__always) func load(_ vector: Int) -> V { source.loadUnaligned(fromByteOffset: vector &* width &* 4, as: V.self) }
    @inline(__always) func store(_ y: V, _ vector: Int) { destination.storeBytes(of: y, toByteOffset: vector &* width &* 4, as: V.self) }
    var v = 0   // the next vector to load
    if count >= 8 &* width {
        var a3 = third(second(first(load(0)))), b3 = third(second(first(load(1))))
        var a2 = second(first(load(2))), b2 = second(first(load(3)))
        var a1 = first(load(4)), b1 = first(load(5))
        v = 6
        while (v &+ 2) &* width <= count {
            let (nextA1, nextB1) = (first(load(v)), first(load(v &+ 1)))
            let (nextA2, nextB2) = (second(a1), second(b1))
            let (nextA3, nextB3) = (third(a2), third(b2))
            store(fourth(a3), v &- 6)
            store(fourth(b3), v &- 5)
            (a1, a2, a3, b1, b2, b3) = (nextA1, nextA2, nextA3, nextB1, nextB2, nextB3)
            v &+= 2
        }
        store(fourth(a3), v &- 6)
        store(fourth(b3), v &- 5)
        store(fourth(third(a2)), v &- 4)
        store(fourth(third(b2)), v &- 3)
        store(fourth(third(second(a1))), v &- 2)
        store(fourth(third(second(b1))), v &- 1)
    }
    let done = v &* width
    forEachVector(input + done, output + done, count - done, as: V.self, stages: first, second, third, fourth)
}
