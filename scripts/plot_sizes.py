#!/usr/bin/env python3
"""Throughput against size, one panel per function, with the copy as the memory roofline.

Usage: plot_sizes.py THROUGHPUT.json [--output FILE]
The report is one `bench run --size 4K,16K,...,64M --format json`: each kernel's Gelem/s (median)
at every size, log-scaled size axis; the copy row's Gelem/s at each size is drawn as the roofline
(a kernel on it is memory bound there). The cache sizes the run crossed show as the copy's steps.
Run it through `scripts/plot.sh sizes`.
"""
import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import function_table  # noqa: E402
import report_file  # noqa: E402

FUNCTIONS = function_table.ids()  # the tool's function table, in its order


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("throughput")
    parser.add_argument("--output", default="results/plots/throughput-vs-size.png")
    args = parser.parse_args()
    run = report_file.load(args.throughput, "throughput")
    series, copy = {}, {}
    for r in run["results"]:
        g = r["summary"]["gelem_per_second"]
        if r["function"] == "copy":
            copy[r["size"]] = g
        else:
            series.setdefault((r["function"], r["implementation"]), {})[r["size"]] = g
    functions = [f for f in FUNCTIONS if any(k[0] == f for k in series)]
    fig, axes = plt.subplots(1, len(functions), figsize=(5 * len(functions), 5.5), dpi=100, squeeze=False)
    for ax, function in zip(axes[0], functions):
        sizes = sorted(copy)
        ax.plot(sizes, [copy[s] for s in sizes], color="black", linestyle="--", label="copy (roofline)")
        for (fn, impl), points in sorted(series.items()):
            if fn != function:
                continue
            xs = sorted(points)
            style = "-" if impl.startswith("swift-") else ":"
            ax.plot(xs, [points[s] for s in xs], style, marker="o", markersize=3, label=impl)
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_title(function)
        ax.set_xlabel("elements")
        ax.grid(True, which="major", alpha=0.3)
        ax.legend(fontsize=7)
    axes[0][0].set_ylabel("Gelem/s (median, log)")
    machine = run.get("machine", {})
    fig.suptitle(f"Throughput against size — {machine.get('cpu_model', '')}, "
                 f"{run.get('configuration', {}).get('command', '')}", fontsize=9)
    fig.tight_layout()
    os.makedirs(os.path.dirname(args.output) or ".", exist_ok=True)
    fig.savefig(args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
