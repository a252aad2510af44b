#!/usr/bin/env bash
# What one part of a kernel loop costs: the committed tree with one change each
# (scripts/fixtures/ablation/*.patch), each built in release in a temporary worktree, timed against
# the unchanged build in alternation (scripts/alternate.sh). Some variants compute wrong results on
# purpose (a division made a multiply, table reads made constants): they measure time, nothing else.
# Used for results/kernels/ablation-4K.txt; time it alone:
#   ROUNDS=5 scripts/ablate.sh "--impls swift-simd16 --functions sigmoid,tanh,elu --size 4K --processes 1 --max-duration 2"
# Usage: ROUNDS=N scripts/ablate.sh "BENCH ARGUMENTS" [PATCH ...]   (default: every patch there)
set -euo pipefail
if [ $# -lt 1 ]; then
    echo "ablate: usage: ROUNDS=N scripts/ablate.sh \"BENCH ARGUMENTS\" [PATCH ...]" >&2
    exit 64
fi
root="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
args="$1"; shift
if [ $# -gt 0 ]; then patches=("$@"); else patches=("$root"/scripts/fixtures/ablation/*.patch); fi
for i in "${!patches[@]}"; do
    [ -f "${patches[$i]}" ] || { echo "ablate: no patch ${patches[$i]}" >&2; exit 66; }
    patches[$i]="$(realpath "${patches[$i]}")"   # the builds run in the worktree
done
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/tree" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/tree" HEAD > /dev/null 2>&1
cd "$work/tree"
build() { swift build -c release --product bench > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }; }
build
cp .build/release/bench "$work/unchanged"
binaries=("$work/unchanged")
for p in "${patches[@]}"; do
    name="$(basename "$p" .patch)"
    git apply "$p"
    build
    cp .build/release/bench "$work/$name"
    git checkout -q -- .
    binaries+=("$work/$name")
done
echo "unchanged: HEAD $(git rev-parse --short HEAD); each other binary is HEAD with the patch of its name"
ROUNDS="${ROUNDS:-3}" "$root/scripts/alternate.sh" "$args" "${binaries[@]}"
