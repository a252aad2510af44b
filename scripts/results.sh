#!/usr/bin/env bash
# Remakes the committed reports under results/ that `bench` writes, with the commands
# results/README.md lists, one at a time under flock /tmp/cpu.lock (nothing else should run: the
# timing steps are what a busy machine spoils). Each table goes to its .txt from standard output
# only; JSON is written by `bench --output` (atomically). The README's tables are then printed by
# scripts/readme_tables.py and the pictures by scripts/plot.sh; figures quoted in prose are
# updated by hand from the new reports.
#
# Usage: scripts/results.sh [STEP ...]   (no STEP: all, in this order; about 45 minutes on 2 cores)
#   throughput   throughput-1M and its repeat               python   the Python peers at 1M (.venv-peers)
#   threads      threads-16M-1, -2                          l1       kernels/l1-4K.json
#   probe        kernels/pipes-probe.txt                    sampled  accuracy-sampled (.json, .txt, .md)
#   fast         kernels/fast-exhaustive.txt                tier     accuracy-exhaustive-accurate-tier
#   exhaustive   accuracy-exhaustive (every family)         baseline this machine's timing baseline "default"
#   sizes        throughput-sizes.json                      pysampled accuracy-python-peers-sampled
#   bridge       python-peers-bridge-1M (run and repeat) and -sizes: the Python bridge's round trip
#                (py-noop) beside real calls (.venv-peers; docs/python-peers.md)
# Not here: eigen-position.txt (scripts/peers/eigen_position.c, its own build and run lines).
# BENCH: the bench binary (default: a release build made here first).
set -euo pipefail
cd "$(dirname "$0")/.."
all=(throughput python threads l1 probe sampled pysampled fast tier exhaustive baseline sizes bridge)
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=("${all[@]}")
for step in "${steps[@]}"; do
    [[ " ${all[*]} " == *" $step "* ]] || { echo "results: unknown step '$step'; steps: ${all[*]}" >&2; exit 64; }
done
if [ -z "${BENCH:-}" ]; then
    swift build -c release --product bench >&2
    BENCH=.build/release/bench
fi
run() { flock /tmp/cpu.lock "$BENCH" "$@"; }
# A table to FILE: written beside it and moved into place only when the run succeeded.
table() { local file="$1"; shift; run "$@" > "$file.partial" && mv "$file.partial" "$file"; }

for step in "${steps[@]}"; do
    echo "results: $step ($(date -u +%H:%M:%S))" >&2
    case "$step" in
    throughput)
        table results/throughput-1M.txt --all --size 1M --format json --output results/throughput-1M.json
        table results/throughput-1M-repeat.txt --all --size 1M --format json --output results/throughput-1M-repeat.json ;;
    python)
        table results/throughput-python-peers-1M.txt --peers python --size 1M --format json --output results/throughput-python-peers-1M.json \
            --impls py-onnxruntime,py-torch,py-numpy,py-scipy,swift-simd16,swift-simd16-fast ;;
    threads)
        for n in 1 2; do
            run --impls swift-simd16,swift-simd16-fast,c-xnnpack,cpp-eigen --size 16M --threads "$n" --processes 1 --samples 5 \
                --max-duration 30 --no-accuracy --format json --output "results/threads-16M-$n.json" > /dev/null
        done ;;
    l1)
        run --impls swift-simd16,swift-simd16-fast,c-xnnpack,cpp-eigen --size 4K --no-accuracy --format json \
            --output results/kernels/l1-4K.json > /dev/null ;;
    probe)
        flock /tmp/cpu.lock scripts/asm/probe.sh pipes_probe > results/kernels/pipes-probe.txt.partial
        mv results/kernels/pipes-probe.txt.partial results/kernels/pipes-probe.txt ;;
    sampled)
        table results/accuracy-sampled.txt accuracy --format json --output results/accuracy-sampled.json
        run accuracy --format markdown --output results/accuracy-sampled.md > /dev/null ;;
    pysampled)
        table results/accuracy-python-peers-sampled.txt accuracy --peers python --impls py-onnxruntime,py-torch,py-numpy,py-scipy \
            --format json --output results/accuracy-python-peers-sampled.json ;;
    fast)
        run accuracy --exhaustive --impls swift-simd16-fast,swift-simd8-fast --no-primitives \
            --output results/kernels/fast-exhaustive.txt > /dev/null ;;
    tier)
        table results/accuracy-exhaustive-accurate-tier.txt accuracy --exhaustive --impls swift-simd8,swift-simd16 \
            --functions sigmoid,tanh,elu,gelu-erf,gelu-tanh --no-primitives --format json \
            --output results/accuracy-exhaustive-accurate-tier.json ;;
    exhaustive)
        table results/accuracy-exhaustive.txt accuracy --exhaustive --format json --output results/accuracy-exhaustive.json ;;
    baseline)
        run --all --size 256K --processes 3 --samples 15 --save-baseline default > /dev/null ;;
    sizes)
        run --functions sigmoid,tanh,gelu-erf --impls swift-simd16,swift-simd16-fast,c-sleef-u10-avx512,c-libmvec-avx512,c-onednn,c-xnnpack,cpp-eigen \
            --size 4K,16K,64K,256K,1M,4M,16M,64M --processes 1 --samples 5 --max-duration 20 --no-accuracy --format json \
            --output results/throughput-sizes.json > /dev/null ;;
    bridge)
        for out in python-peers-bridge-1M python-peers-bridge-1M-repeat; do
            table "results/$out.txt" run --peers python --peer-noop --impls py-onnxruntime,py-torch,py-numpy,py-scipy,py-noop \
                --size 1M --processes 1 --quick --no-accuracy --format json --output "results/$out.json"
        done
        table results/python-peers-bridge-sizes.txt run --peers python --peer-noop --impls py-noop,py-torch --functions sigmoid,tanh \
            --size 1K,1M --processes 1 --quick --no-accuracy --format json --output results/python-peers-bridge-sizes.json ;;
    esac
done
echo "results: done ($(date -u +%H:%M:%S)); next: scripts/readme_tables.py, scripts/plot.sh, the prose" >&2
