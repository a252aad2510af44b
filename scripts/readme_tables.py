#!/usr/bin/env python3
"""The README's tables, from the reports that hold the figures (so no figure is typed by hand).

Usage: readme_tables.py throughput THROUGHPUT.json            Gelem/s, implementation x function
       readme_tables.py accuracy ACCURACY.json [...]          exhaustive max ulp, implementation x function
       readme_tables.py ratios THROUGHPUT.json ACCURACY.json [...] [--peer-isa ISA,...]
                                                              our best kernel per tier against the peers
                                                              (only peers whose rows name one of those
                                                              ISAs; a later report's ulps replace an
                                                              earlier one's for the same kernel)
       readme_tables.py across THROUGHPUT.json OTHER.json     each row's Gelem/s over OTHER's (another
                                                              machine's run), lowest first, and the
                                                              fast sigmoid's share of the copy's rate
For the fast tier (a budget with an absolute bound on tiny results) the accuracy table also shows the
max ulp over results >= 2^-126, the figure its budget is stated in.
"""
import math
import sys

import function_table
import report_file

FUNCTIONS = function_table.ids()  # the tool's function table, in its order
OURS_ACCURATE = ["swift-simd16", "swift-simd8"]
OURS_FAST = ["swift-simd16-fast", "swift-simd8-fast"]


def usage():
    report_file.fail(__doc__.strip(), report_file.USAGE)


def implementations(results):
    seen = []
    for r in results:
        if r["function"] in FUNCTIONS and r["implementation"] not in seen:
            seen.append(r["implementation"])
    return seen


def table(rows_by_impl, order, fmt):
    out = ["| | " + " | ".join(FUNCTIONS) + " |", "|---|" + "---:|" * len(FUNCTIONS)]
    for impl in order:
        cells = [fmt(rows_by_impl.get((f, impl))) for f in FUNCTIONS]
        out.append(f"| `{impl}` | " + " | ".join(cells) + " |")
    return "\n".join(out)


def gelem(v):
    return "–" if v is None else (f"{v:.2f}" if v < 10 else f"{v:.1f}")


def number(v):
    v = float(v)
    if not math.isfinite(v):
        return "inf"
    return f"{v:.2f}" if v < 100 else f"{v:.3g}"


def ulp_text(v):
    if v is None:
        return "–"
    overall, normal = v
    if normal is None or number(normal) == number(overall):
        return number(overall)
    return f"{number(overall)} ({number(normal)} where normal)"


def load_speed(path):
    run = report_file.load(path, "throughput")
    return run, {(r["function"], r["implementation"]): r["summary"]["gelem_per_second"]
                 for r in run["results"] if r["function"] in FUNCTIONS}


def load_ulps(paths):
    ulps, order = {}, []
    for path in paths:
        report = report_file.load(path, "accuracy", exhaustive=True)
        for r in report["results"]:
            if r.get("stats") is None:
                continue
            stats = r["stats"]
            normal = stats.get("max_ulp_normal_result") if r["implementation"] in OURS_FAST else None
            ulps[(r["function"], r["implementation"])] = (stats["max_ulp"], normal)
            if r["implementation"] not in order:
                order.append(r["implementation"])
    return ulps, order


def main():
    if len(sys.argv) < 3:
        usage()
    mode = sys.argv[1]
    if mode == "throughput":
        run, speed = load_speed(sys.argv[2])
        print(table(speed, implementations(run["results"]), gelem))
    elif mode == "accuracy":
        ulps, order = load_ulps(sys.argv[2:])
        print(table(ulps, order, ulp_text))
    elif mode == "ratios":
        arguments = sys.argv[3:]
        isas = None
        if "--peer-isa" in arguments:
            at = arguments.index("--peer-isa")
            if at + 1 == len(arguments):
                usage()
            isas = set(arguments[at + 1].split(","))
            arguments = arguments[:at] + arguments[at + 2:]
        run, speed = load_speed(sys.argv[2])
        isa = {(r["function"], r["implementation"]): r["isa"] for r in run["results"]}
        ulps, _ = load_ulps(arguments)
        print("| function | accurate tier | fast tier | fastest peer | fastest peer ≤ 4 ulp | accurate ÷ fastest | accurate ÷ fastest ≤ 4 ulp | fast ÷ fastest |")
        print("|---|---|---|---|---|---:|---:|---:|")
        for f in FUNCTIONS:
            def best(impls):
                found = [(speed[(f, i)], i) for i in impls if (f, i) in speed]
                return max(found) if found else None
            ours = set(OURS_ACCURATE + OURS_FAST) | {i for (_, i) in speed if i.startswith("swift-")}
            peers = [i for (g, i) in speed if g == f and i not in ours and (isas is None or isa[(f, i)] in isas)]
            acc, fast, peer = best(OURS_ACCURATE), best(OURS_FAST), best(peers)
            accurate_peers = [i for i in peers if (f, i) in ulps and float(ulps[(f, i)][0]) <= 4]
            peer4 = best(accurate_peers)
            def name(x):
                return "–" if x is None else f"`{x[1]}` {gelem(x[0])}"
            def ratio(a, b):
                return "–" if a is None or b is None else f"{a[0] / b[0]:.2f}"
            print(f"| {f} | {name(acc)} | {name(fast)} | {name(peer)} | {name(peer4)} | {ratio(acc, peer)} | "
                  f"{ratio(acc, peer4)} | {ratio(fast, peer)} |")
    elif mode == "across" and len(sys.argv) == 4:
        rates = []
        for path in sys.argv[2:]:
            rates.append({(r["function"], r["implementation"]): (r["isa"], r["summary"]["gelem_per_second"])
                          for r in report_file.load(path, "throughput")["results"]})
        here, other = rates
        print("| function | implementation | ISA | Gelem/s | other's | ratio |")
        print("|---|---|---|---:|---:|---:|")
        rows = sorted((v[1] / other[k][1], k, v) for k, v in here.items() if k in other)
        for r, (f, i), (isa, v) in rows:
            print(f"| {f} | {i} | {isa} | {gelem(v)} | {gelem(other[(f, i)][1])} | {r:.2f} |")
        copy = [v for (f, _), (_, v) in here.items() if f == "copy"]
        fast = here.get(("sigmoid", OURS_FAST[0]))
        if copy and fast:
            print(f"\n{OURS_FAST[0]} sigmoid ÷ copy: {fast[1] / copy[0]:.2f}")
    else:
        usage()


if __name__ == "__main__":
    main()
