#!/usr/bin/env bash
# What another x86-64 host measures from a portable pack (scripts/portable.sh), run from the
# repository's root there: the host's facts, the AVX2 build's fast GELU-erf against Eigen's AVX2
# path in alternating rounds (scripts/alternate.sh, the AVX2 row of results/kernels/README.md), and
# one `bench --all --size SIZE` (default 1M) per build the CPU can run (the AVX2 build with the
# peers capped to AVX2; the skylake-avx512 build, AVX-512 F/BW/DQ/VL, where the CPU has them), then
# the widest build's fast tier at 16M on 1 thread, 2 and every core. Each step has its own time
# limit, and one that fails is named in OUTDIR/steps.txt without stopping the rest. Reports are
# JSON (`bench rejudge` prints their tables). results/intel-emr/ was made so.
#
# Usage: ROUNDS=7 SIZE=1M scripts/host-matrix.sh PACK_DIR OUTDIR
#   PACK_DIR holds bench-avx2 and, optionally, bench-skx; THREADS="1 2 16" names the thread
#   counts (default 1, 2 and every core), THREADS= skips them.
set -uo pipefail
if [ $# -ne 2 ] || [ ! -x "$1/bench-avx2" ]; then
    echo "host-matrix: usage: scripts/host-matrix.sh PACK_DIR OUTDIR (PACK_DIR/bench-avx2 must exist)" >&2
    exit 64
fi
pack="$1"; out="$2"; size="${SIZE:-1M}"
mkdir -p "$out"
step() {  # step NAME SECONDS COMMAND...: runs COMMAND, records its exit status and duration
    local name="$1" limit="$2"; shift 2
    local start=$SECONDS
    timeout "$limit" "$@"
    local rc=$?
    echo "$name rc=$rc $((SECONDS - start))s" | tee -a "$out/steps.txt"
}
{ lscpu; echo; uname -r; grep -m2 -E '^(NAME|VERSION)=' /etc/os-release; } > "$out/host.txt" 2>&1
step info-avx2 30 sh -c "'$pack/bench-avx2' info > '$out/info-avx2.txt' 2>&1"
avx512=0
grep -qw avx512f /proc/cpuinfo && grep -qw avx512bw /proc/cpuinfo && grep -qw avx512vl /proc/cpuinfo &&
    grep -qw avx512dq /proc/cpuinfo && [ -x "$pack/bench-skx" ] && avx512=1
[ $avx512 = 1 ] && step info-skx 30 sh -c "'$pack/bench-skx' info > '$out/info-skx.txt' 2>&1"
# alternate.sh takes two binaries: a copy of the same one, so each round has two processes of it.
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
cp "$pack/bench-avx2" "$copy/bench-avx2-b"
step gelu-erf-ratio 240 sh -c "RATIO=cpp-eigen/swift-simd8-fast+swift-simd16-fast ROUNDS=${ROUNDS:-7} scripts/alternate.sh \
    '--functions gelu-erf --impls swift-simd8-fast,swift-simd16-fast,cpp-eigen --size $size --processes 1 --max-duration 2 --peer-max-isa avx2' \
    '$pack/bench-avx2' '$copy/bench-avx2-b' > '$out/avx2-gelu-erf-ratio-$size.txt' 2>&1"
step all-avx2 200 sh -c "'$pack/bench-avx2' --all --size $size --peer-max-isa avx2 --format json \
    --output '$out/avx2-build-peers-avx2-$size.json' > /dev/null"
widest="$pack/bench-avx2"
if [ $avx512 = 1 ]; then
    widest="$pack/bench-skx"
    step all-skx 200 sh -c "'$widest' --all --size $size --format json --output '$out/skx-build-$size.json' > /dev/null"
fi
for t in ${THREADS-1 2 $(nproc)}; do
    step "threads-$t" 120 sh -c "'$widest' --impls swift-simd8-fast,swift-simd16-fast --size 16M --threads $t --processes 3 \
        --format json --output '$out/threads-16M-$t.json' > /dev/null"
done
exit 0
