#!/usr/bin/env python3
"""Speed against accuracy, one panel per function: the picture that answers "which kernel?".

Usage: plot_choice.py THROUGHPUT.json ACCURACY.json [ACCURACY.json ...] [--output FILE]

x: throughput in Gelem/s (the row's median, from a `bench run --format json` report);
y: max ulp error over every float (from `bench accuracy --exhaustive --format json` reports; a kernel
in no exhaustive report is left out, never guessed). Log scale; 0 ulp is drawn at a floor. A kernel
whose budget bounds tiny results absolutely (the fast tier: |error| <= 2^-126 below 2^-126) is drawn
at its max ulp where the result is normal, the figure its budget states, and its label ends in *.
The Pareto front (no other kernel both faster and more accurate) is drawn as a step line, and the
4-ulp line marks the accurate tier. Run it through `scripts/plot.sh choice`, which provides
matplotlib in .venv-plots/.
"""

import argparse
import math
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import function_table  # noqa: E402
import report_file  # noqa: E402

FUNCTIONS = function_table.ids()  # the tool's function table, in its order
ULP_FLOOR = 0.1
ULP_CEILING = 1e10     # non-finite errors (an inf where the result is finite) are drawn here
ACCURATE_TIER = 4.0


def family_style(implementation):
    """Our kernels stand out; peers are grouped by library."""
    if implementation.startswith("swift-"):
        return dict(color="tab:red", marker="o")
    if implementation.startswith("c-sleef") or implementation.startswith("c-libmvec"):
        return dict(color="tab:blue", marker="s")
    if implementation.startswith("py-"):
        return dict(color="tab:purple", marker="D")
    return dict(color="tab:green", marker="^")


def pareto(points):
    """The points no other point beats on both speed (higher) and error (lower)."""
    front = []
    for p in sorted(points, key=lambda q: (-q[0], q[1])):
        if not front or p[1] < front[-1][1]:
            front.append(p)
    return front


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("throughput")
    parser.add_argument("accuracy", nargs="+")
    parser.add_argument("--output", default="results/plots/speed-vs-accuracy.png")
    args = parser.parse_args()

    run = report_file.load(args.throughput, "throughput")
    speed = {}
    for r in run["results"]:
        if r["function"] in FUNCTIONS and r.get("threads", 1) == 1:
            speed[(r["function"], r["implementation"])] = r["summary"]["gelem_per_second"]
    ulps = {}
    for path in args.accuracy:
        report = report_file.load(path, "accuracy", exhaustive=True)
        for r in report["results"]:
            if r.get("stats") is not None:
                tiny_bound = r.get("tiny_result_bound") is not None
                ulps[(r["function"], r["implementation"])] = (
                    r["stats"]["max_ulp_normal_result"] if tiny_bound else r["stats"]["max_ulp"], tiny_bound)

    fig, axes = plt.subplots(1, len(FUNCTIONS), figsize=(22, 6.5), dpi=100)
    for ax, function in zip(axes, FUNCTIONS):
        points = []
        for (fn, impl), gelem in speed.items():
            if fn != function or (fn, impl) not in ulps:
                continue
            ulp, tiny_bound = ulps[(fn, impl)]
            u = float(ulp)  # the reports write a non-finite error as "inf"
            y = ULP_CEILING if not math.isfinite(u) else max(u, ULP_FLOOR)
            points.append((gelem, y, impl + ("*" if tiny_bound else "")))
        for x, y, impl in points:
            ax.scatter([x], [y], s=40, **family_style(impl), zorder=3)
            ax.annotate(impl, (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
        front = pareto(points)
        if front:
            # Ascending speed: at a speed between two front points the best error on offer is the
            # faster point's, hence the step before each point.
            front.sort()
            xs, ys = [0.0] + [p[0] for p in front], [front[0][1]] + [p[1] for p in front]
            ax.step(xs, ys, where="pre", color="black", linewidth=1, alpha=0.6, zorder=2)
        ax.axhline(ACCURATE_TIER, color="gray", linestyle="--", linewidth=0.8)
        ax.set_yscale("log")
        ax.set_ylim(ULP_FLOOR / 2, ULP_CEILING * 5)
        ax.set_xlim(left=0)
        ax.set_title(function)
        ax.set_xlabel("Gelem/s (median, 1 thread)")
        ax.grid(True, which="major", alpha=0.3)
    axes[0].set_ylabel("max ulp over all 2^32 inputs (log)")
    machine = run.get("machine", {})
    fig.suptitle(f"Speed vs accuracy — red: ours, blue: SLEEF/libmvec, green: C/C++ peers, purple: Python peers; "
                 f"line: Pareto front; dashed: 4 ulp; *: where the result is normal.  {machine.get('cpu_model', '')}, "
                 f"{run.get('configuration', {}).get('command', '')}", fontsize=9)
    fig.tight_layout()
    os.makedirs(os.path.dirname(args.output) or ".", exist_ok=True)
    fig.savefig(args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
