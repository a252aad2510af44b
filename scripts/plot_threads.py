#!/usr/bin/env python3
"""Thread scaling: each kernel's throughput with N threads over its one-thread throughput.

Usage: plot_threads.py RUN_1_THREAD.json RUN_2_THREADS.json [...] [--output FILE]
Each report is one `bench run --threads N --format json` at the same size; the plot shows, per
kernel, Gelem/s(N) / Gelem/s(1) against N, with the ideal line y = N and the copy (memory) as
reference: a kernel that scales like the copy is memory bound. Prints the table it plots.
Run it through `scripts/plot.sh threads`.
"""
import argparse
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import report_file  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("runs", nargs="+")
    parser.add_argument("--output", default="results/plots/thread-scaling.png")
    args = parser.parse_args()
    by_threads = {}
    command = ""
    for path in args.runs:
        run = report_file.load(path, "throughput")
        threads = run["configuration"]["threads"]
        command = command or run["configuration"].get("command", "")
        by_threads[threads] = {(r["function"], r["implementation"]): r["summary"]["gelem_per_second"]
                               for r in run["results"]}
    if 1 not in by_threads:
        raise SystemExit("need a one-thread run")
    counts = sorted(by_threads)
    base = by_threads[1]
    fig, ax = plt.subplots(figsize=(9, 6), dpi=100)
    ax.plot(counts, counts, color="gray", linestyle="--", label="ideal")
    print("kernel | " + " | ".join(f"{n} threads" for n in counts))
    for key in sorted(base):
        ratios = [by_threads[n].get(key, float("nan")) / base[key] for n in counts]
        label = f"{key[0]}/{key[1]}"
        print(label + " | " + " | ".join(f"{r:.2f}x" for r in ratios))
        ax.plot(counts, ratios, marker="o", linewidth=2.5 if key[0] == "copy" else 1,
                color="black" if key[0] == "copy" else None, label=label)
    ax.set_xticks(counts)
    ax.set_xlabel("threads")
    ax.set_ylabel("throughput over one thread")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=6, ncol=2)
    ax.set_title(f"Thread scaling — {command}", fontsize=8)
    fig.tight_layout()
    os.makedirs(os.path.dirname(args.output) or ".", exist_ok=True)
    fig.savefig(args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
