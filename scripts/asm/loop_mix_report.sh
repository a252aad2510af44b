#!/usr/bin/env bash
# The loop-mix evidence in results/kernels/README.md: our sigmoid (both tiers), tanh, ELU and fast
# GELU-erf loops (the staged loops of the sigmoid and ELU hold 64 floats per pass, LLVM unrolling
# them four times; tanh's and the fast GELU-erf's two pipelines 32, not unrolled)
# and the fastest peers' (XNNPACK's sigmoid and ELU from Debian's libXNNPACK.so.0, Eigen's tanh
# and GELU-erf from our binary), each timed by loop_mix.py with its dependencies removed, then the kernels
# measured by bench at 4K (in L1), then loop_mix again. Bound and measurement are both in
# timestamp cycles, taken one after the other, so they share the core's clock. Time it alone:
#   flock /tmp/cpu.lock scripts/asm/loop_mix_report.sh > results/kernels/loop-mix.txt
# BENCH: the bench binary (default .build/release/bench, built for this CPU).
set -euo pipefail
cd "$(dirname "$0")/../.."
bench="${BENCH:-.build/release/bench}"
xnnpack=/usr/lib/x86_64-linux-gnu/libXNNPACK.so.0
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
objdump -d --no-show-raw-insn "$bench" > "$tmp/bench.asm"
objdump -d --no-show-raw-insn "$xnnpack" > "$tmp/xnnpack.asm"
loop() { python3 scripts/asm/kernel_loop.py "$@" --mca; }
loop "$tmp/bench.asm" SIMDKernels sigmoid 16 > "$tmp/accurate-sigmoid.s"
for f in sigmoid tanh elu gelu-erf; do loop "$tmp/bench.asm" FastKernels "$f" 16 > "$tmp/fast-$f.s"; done
# XNNPACK's AVX-512 microkernels (64 floats per pass) at their addresses in Debian 12's package.
loop "$tmp/xnnpack.asm" --at b56f8 > "$tmp/xnnpack-sigmoid.s"
loop "$tmp/xnnpack.asm" --at b4b00 > "$tmp/xnnpack-elu.s"
grep -q vscalefps "$tmp/xnnpack-sigmoid.s" && grep -q vpermd "$tmp/xnnpack-elu.s" ||
    { echo "loop_mix_report: $xnnpack is not the build whose loops these addresses name" >&2; exit 1; }
loop "$tmp/bench.asm" --in '$_18__invoke' 2 > "$tmp/eigen-tanh.s"
loop "$tmp/bench.asm" --in '$_38__invoke' 2 > "$tmp/eigen-gelu-erf.s"
mix() {
    python3 scripts/asm/loop_mix.py "$tmp/accurate-sigmoid.s:64" "$tmp/fast-sigmoid.s:64" "$tmp/xnnpack-sigmoid.s:64" \
        "$tmp/fast-tanh.s:32" "$tmp/eigen-tanh.s" "$tmp/fast-elu.s:64" "$tmp/xnnpack-elu.s:64" \
        "$tmp/fast-gelu-erf.s:32" "$tmp/eigen-gelu-erf.s"
}
echo "## loop_mix.py (dependencies removed)"
mix
echo
echo "## $bench --impls swift-simd16,swift-simd16-fast,c-xnnpack,cpp-eigen --functions sigmoid,tanh,elu,gelu-erf --size 4K --no-accuracy"
"$bench" --impls swift-simd16,swift-simd16-fast,c-xnnpack,cpp-eigen --functions sigmoid,tanh,elu,gelu-erf --size 4K --no-accuracy 2>&1
echo
echo "## loop_mix.py again"
mix
