#!/usr/bin/env bash
# CI instruction-count gate: build `bench` for an AVX2 CPU in its own scratch path, count every
# kernel under callgrind (`bench count`), and compare with the committed count baseline of this
# toolchain, results/baselines/<toolchain>/default.json (docs/counts.md). Exits with `bench
# compare`'s status: 0 no kernel executes more instructions per element beyond the threshold (1%),
# 1 one does, 66 no baseline for this toolchain (a gate that judged nothing must not pass),
# 65/67/68 bad inputs; or with `bench count`'s 69 (no valgrind) / 70 (the worker failed).
#
# Usage: scripts/ci-counts.sh [--build-only] [--out DIR] [extra bench compare arguments]
#   --build-only  build and print the bench path (for BENCH_COUNT_EXECUTABLE), count nothing
#   --out DIR     where counts.json and counts-summary.md go (default: .build/ci-counts)
# COUNTS_SCRATCH_PATH: the build directory (default .build-avx2).
#
# Target CPU haswell: valgrind executes up to AVX2, so the counted code must hold no AVX-512, and a
# count baseline names its target CPU, so `native` (this machine's CPU) would tie it to one
# machine. haswell is AVX2 + FMA + BMI2, the CPU valgrind presents to the program it runs, and a
# name swiftc 6.3 accepts (its clang rejects `x86-64-v3`).
set -euo pipefail
cd "$(dirname "$0")/.."

build_only=0
out=.build/ci-counts
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --build-only) build_only=1 ;;
        --out) out="$2"; shift ;;
        *) extra+=("$1") ;;
    esac
    shift
done

scripts/install-deps.sh >&2
scratch="${COUNTS_SCRATCH_PATH:-.build-avx2}"
ACTIVATION_BENCH_TARGET_CPU=haswell swift build -c release --product bench --scratch-path "$scratch" >&2
bench="$scratch/release/bench"
if [ "$build_only" = 1 ]; then
    realpath "$bench"
    exit 0
fi

mkdir -p "$out"
# The gate protects this project's own code: the Swift families and the SLEEF C kernels. The other
# peers' counts move with their libraries' versions, which the toolchain key does not name.
own=$("$bench" list --ids | grep -E '^(swift-|c-sleef-)' | paste -sd, -)
"$bench" count --impls "$own" --format json --output "$out/counts.json" >&2
status=0
"$bench" compare --baseline-name default "$out/counts.json" --format markdown --output "$out/counts-summary.md" \
    ${extra[@]+"${extra[@]}"} || status=$?
echo "ci-counts: summary written to $out/counts-summary.md (exit $status)" >&2
exit "$status"
