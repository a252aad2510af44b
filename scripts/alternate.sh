#!/usr/bin/env bash
# Two or more `bench` builds timed in alternation, for a before/after claim on a noisy machine: each
# round runs every binary once with the same arguments (under flock /tmp/cpu.lock, one at a time),
# and the report gives, per kernel, the median over the rounds of each binary's ns/elem, the first
# binary's median over each one's (above 1: faster than the first), and every round's figure.
# Used for results/kernels/table32-1M.txt and the like. With RATIO=PEER/OURS (two implementation
# ids) it also prints, per binary, PEER's ns/elem over OURS's in each round and their median: the two
# ran in the same process moments apart, so the machine's drift between rounds cancels. OURS may
# name several ids joined by + (swift-simd8-fast+swift-simd16-fast): each round takes the fastest
# of them, as a matrix's tier column takes the faster width.
#
# Usage: ROUNDS=3 scripts/alternate.sh "BENCH ARGUMENTS" OLD_BENCH NEW_BENCH [MORE_BENCH ...]
#   e.g. scripts/alternate.sh "--impls swift-simd16,cpp-eigen --size 1M --processes 1 --max-duration 4" /tmp/old/bench .build/release/bench
# --no-accuracy --format json are added; run one function at a time or all: rows are per kernel.
set -euo pipefail
if [ $# -lt 3 ]; then
    echo "alternate: usage: ROUNDS=N scripts/alternate.sh \"BENCH ARGUMENTS\" BENCH_A BENCH_B [...]" >&2
    exit 64
fi
args="$1"; shift
rounds="${ROUNDS:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for b in "$@"; do [ -x "$b" ] || { echo "alternate: $b is not an executable" >&2; exit 66; }; done
if [ -n "${RATIO:-}" ] && [[ "$RATIO" != ?*/?* || "$RATIO" == */*/* || "$RATIO" == *+ || "$RATIO" == */+* || "$RATIO" == *++* ]]; then
    echo "alternate: RATIO must be PEER/OURS, implementation ids (OURS may join several by +; got '$RATIO')" >&2
    exit 64
fi
for r in $(seq "$rounds"); do
    i=0
    for b in "$@"; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        flock /tmp/cpu.lock "$b" $args --no-accuracy --format json --output "$out/$i-$r.json" > /dev/null 2>> "$out/stderr" ||
            { cat "$out/stderr" >&2; echo "alternate: $b failed (round $r)" >&2; exit 1; }
    done
done
RATIO="${RATIO:-}" python3 - "$out" "$#" "$@" <<'PY'
import glob, json, os, statistics, sys
out, count, bins = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rows = {}
for i in range(1, count + 1):
    for path in sorted(glob.glob(f"{out}/{i}-*.json"), key=lambda p: int(p.rsplit("-", 1)[1].split(".")[0])):
        for r in json.load(open(path))["results"]:
            rows.setdefault((r["function"], r["implementation"]), {}).setdefault(i, []).append(r["summary"]["median_ns_per_element"])
print("binaries: " + ", ".join(f"{i + 1}: {b}" for i, b in enumerate(bins)))
for (function, impl), per in sorted(rows.items()):
    medians = {i: statistics.median(v) for i, v in per.items()}
    first = medians[1]
    cells = [f"{i}={medians[i]:.4f} ({first / medians[i]:.3f}x) [{' '.join(f'{x:.4f}' for x in per[i])}]" for i in sorted(per)]
    print(f"{function:10} {impl:20} " + "  ".join(cells))
if os.environ["RATIO"]:
    peer, ours = os.environ["RATIO"].split("/")
    own = ours.split("+")
    shown = False
    for function in sorted({f for f, _ in rows}):
        if (function, peer) not in rows or any((function, o) not in rows for o in own):
            continue
        cells = []
        for i in sorted(rows[(function, own[0])]):
            fastest = [min(t) for t in zip(*(rows[(function, o)][i] for o in own))]
            r = [p / o for p, o in zip(rows[(function, peer)][i], fastest)]
            cells.append(f"{i}={statistics.median(r):.3f} [{' '.join(f'{x:.3f}' for x in r)}]")
        print(f"{function:10} {peer + ' / ' + ours:41} " + "  ".join(cells))
        shown = True
    if not shown:
        sys.exit(f"alternate: RATIO={peer}/{ours}: no function has both measured (see --impls)")
PY
