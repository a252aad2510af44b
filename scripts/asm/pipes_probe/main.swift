// What bounds a kernel loop on this machine? Two measurements, AVX-512 only.
// 1. Rates of the zmm instructions the kernels use: throughput (twelve independent instructions)
//    and latency (a chain of ten), in core cycles, where one core cycle is the time of one
//    dependent scalar add. llvm-mca 14 has no AVX-512 Zen model, so these are the machine's own.
//    Compares into mask registers and shifts (throughput only) and register copies (latency).
//    And what each of the loops' other instructions takes from the FMA pipes: sixteen
//    independent FMAs with divisions, permutes, compares, blends, shifts, adds or scalefs beside
//    them; and what a vscalefps or a two-table permute takes from the add pipes: sixteen adds
//    with four or eight beside them.
// 2. Whether a long dependency chain per vector slows a loop beyond its instructions' rate: a
//    loop over 4096 floats whose body is one chain of D dependent FMAs, run plainly and skewed
//    (the chain cut in four stages, each iteration working on four vectors at different stages).
//    At the FMA rate both would take D times the measured cycles per FMA (section 1) per 16
//    floats: D/2 on a core with two zmm FMA pipes, D on one that splits zmm into 256-bit halves.
// Build and run: scripts/asm/probe.sh pipes_probe
import CShim

func best(_ runs: Int = 7, _ body: () -> UInt64) -> Double {
    var result = UInt64.max
    for _ in 0..<runs { result = min(result, body()) }
    return Double(result)
}

/// `text` padded to `width` characters (at least one space after it).
func cell(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
/// x with two decimals, padded to `width` characters.
func cell(_ x: Double, _ width: Int) -> String { cell(String((x * 100).rounded() / 100), width) }

let iterations = 2_000_000
let tscPerCore = best { ck_scalar_add_c10(iterations) } / Double(iterations * 10)
print("timestamp cycles per core cycle: \(tscPerCore)")

let rates: [(String, (Int) -> UInt64, (Int) -> UInt64)] = [
    ("vfmadd231ps", ck_fma_x12, ck_fma_c10), ("vmulps", ck_mul_x12, ck_mul_c10),
    ("vaddps", ck_add_x12, ck_add_c10), ("vminps", ck_min_x12, ck_min_c10),
    ("vandps", ck_and_x12, ck_and_c10), ("vpaddd", ck_paddd_x12, ck_paddd_c10),
    ("vpermps", ck_perm_x12, ck_perm_c10), ("vpermt2ps", ck_perm2_x12, ck_perm2_c10),
    ("vdivps", ck_div_x12, ck_div_c10), ("vblendmps", ck_blend_x12, ck_blend_c10),
    ("vpternlogd", ck_ternlog_x12, ck_ternlog_c10), ("vpminsd", ck_pmind_x12, ck_pmind_c10),
    ("vscalefps", ck_scalef_x12, ck_scalef_c10),
]
print("zmm instruction  cycles per instruction (independent)  latency (cycles)")
var fmaCycles = 0.0
for (name, throughput, latency) in rates {
    let t = best { throughput(iterations) } / Double(iterations * 12) / tscPerCore
    let l = best { latency(iterations) } / Double(iterations * 10) / tscPerCore
    if name == "vfmadd231ps" { fmaCycles = t }
    print(cell(name, 17) + cell(t, 38) + cell(l, 0))
}

let throughputs: [(String, (Int) -> UInt64)] = [
    ("vcmpltps (to k)", ck_cmpps_x12), ("vpcmpgtd (to k)", ck_pcmpd_x12), ("vpmovd2m", ck_movd2m_x12),
    ("vpslld", ck_pslld_x12),
]
for (name, throughput) in throughputs {
    print(cell(name, 17) + cell(best { throughput(iterations) } / Double(iterations * 12) / tscPerCore, 0))
}

print("vmovaps (register copy), latency in a chain of ten: " + cell(best { ck_mov_c10(iterations) } / Double(iterations * 10) / tscPerCore, 0))

print("16 independent FMAs (or adds) per iteration, with other instructions beside them: cycles per iteration")
let mixes: [(String, (Int) -> UInt64)] = [
    ("16 FMAs", ck_fma16), ("16 FMAs + 1 vdivps", ck_fma16_div1), ("16 FMAs + 2 vdivps", ck_fma16_div2),
    ("16 FMAs + 2 vpermps", ck_fma16_perm2), ("16 FMAs + 2 vpermt2ps", ck_fma16_perm2x2),
    ("16 FMAs + 4 vpermt2ps", ck_fma16_perm2x4), ("16 FMAs + 4 vaddps", ck_fma16_add4),
    ("16 FMAs + 2 vcmpltps", ck_fma16_cmpps2), ("16 FMAs + 4 vcmpltps", ck_fma16_cmpps4),
    ("16 FMAs + 4 vpcmpgtd", ck_fma16_pcmpd4), ("16 FMAs + 4 vpmovd2m", ck_fma16_movd2m4),
    ("16 FMAs + 4 vblendmps", ck_fma16_blend4), ("16 FMAs + 4 vpslld", ck_fma16_pslld4),
    ("16 FMAs + 4 vminps", ck_fma16_min4), ("16 FMAs + 4 vpminsd", ck_fma16_pmind4),
    ("16 FMAs + 4 vpaddd", ck_fma16_paddd4), ("16 FMAs + 4 vpternlogd", ck_fma16_ternlog4),
    ("16 FMAs + 4 vpsrad", ck_fma16_psrad4), ("16 FMAs + 4 vscalefps", ck_fma16_scalef4),
    ("16 FMAs + 8 vpermps", ck_fma16_perm8), ("16 FMAs + 8 vpermt2ps", ck_fma16_perm2x8),
    ("16 vaddps", ck_add16), ("16 vaddps + 4 vscalefps", ck_add16_scalef4),
    ("16 vaddps + 8 vpermt2ps", ck_add16_perm2x8), ("16 vaddps + 8 vpermps", ck_add16_perm8),
    ("16 FMAs + 8 vaddps", ck_fma16_add8), ("16 FMAs + 8 vaddps + 8 vpermps", ck_fma16_add8_perm8),
    ("16 FMAs + 16 vaddps", ck_fma16_add16), ("16 FMAs + 8 vaddps + 8 vpandd", ck_fma16_add8_and8),
    ("16 FMAs + 16 vaddps + 8 vpermps", ck_fma16_add16_perm8), ("16 FMAs + 16 vaddps + 8 vpandd", ck_fma16_add16_and8),
    ("16 FMAs + 16 vaddps + 8 vmovaps", ck_fma16_add16_mov8),
]
for (name, body) in mixes {
    print(cell(name, 24) + cell(best { body(iterations) } / Double(iterations) / tscPerCore, 0))
}

let n = 4096
let input = UnsafeMutablePointer<Float>.allocate(capacity: n), output = UnsafeMutablePointer<Float>.allocate(capacity: n)
for k in 0..<n { input[k] = Float(k % 97) / 97 }
let chains: [(Int, (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> UInt64, (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> UInt64)] = [
    (8, ck_chain8_plain, ck_chain8_skewed), (16, ck_chain16_plain, ck_chain16_skewed),
    (24, ck_chain24_plain, ck_chain24_skewed), (32, ck_chain32_plain, ck_chain32_skewed),
]
print("chain depth D  FMA-rate bound  plain  skewed   (core cycles per 16 floats)")
for (depth, plain, skewed) in chains {
    let p = best(2000) { plain(input, output, n) } / Double(n / 16) / tscPerCore
    let s = best(2000) { skewed(input, output, n) } / Double(n / 16 - 3) / tscPerCore
    print(cell(String(depth), 15) + cell(Double(depth) * fmaCycles, 16) + cell(p, 7) + cell(s, 0))
}
