#!/usr/bin/env bash
# Evidence that the instruction-count gate (scripts/ci-counts.sh) fails a kernel that does more
# work and passes an unchanged build (docs/counts.md):
#   1. the committed tree plus scripts/fixtures/exp-extra-term.patch (one more Horner term, t^6/6!,
#      in the SIMD exp polynomial the kernels use, FloatVector+FastExp.swift), built in a temporary copy: its gate must exit 1;
#   2. the gate on this tree, RUNS times (default 10): every run must exit 0.
# The slower kernel exists only in the temporary copy, never in this tree.
# Usage: scripts/count-gate-proof.sh [--runs N]; exits 0 when both hold, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=10
[ "${1:-}" = "--runs" ] && runs="$2"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ok=1

git archive HEAD | tar -x -C "$tmp/"
[ -f Package.resolved ] && cp Package.resolved "$tmp/"
(cd "$tmp" && git apply "$OLDPWD/scripts/fixtures/exp-extra-term.patch")
status=0
start=$(date +%s)
(cd "$tmp" && scripts/ci-counts.sh --out "$tmp/slower") > "$tmp/slower.txt" 2> "$tmp/slower.err" || status=$?
echo "slower fixture: gate exit $status in $(( $(date +%s) - start )) s (expected 1)"
grep -E '^comparison|REGRESSED' "$tmp/slower.txt" | sed 's/^/  /'
[ "$status" = 1 ] || { ok=0; tail -5 "$tmp/slower.err"; }

passed=0
for i in $(seq "$runs"); do
    status=0
    start=$(date +%s)
    scripts/ci-counts.sh --out "$tmp/run-$i" > "$tmp/run-$i.txt" 2>&1 || status=$?
    echo "unchanged run $i: gate exit $status in $(( $(date +%s) - start )) s; $(grep -m1 '^comparison' "$tmp/run-$i.txt")"
    [ "$status" = 0 ] && passed=$((passed + 1))
done
echo "unchanged build: $passed of $runs gate runs passed"
[ "$passed" = "$runs" ] || ok=0
[ "$ok" = 1 ]
