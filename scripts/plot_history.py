"""Throughput of each kernel over the run history (results/history/*.json), one panel per function.

Runs from different machines are not comparable (docs/method.md), so one machine is plotted: the one of
the newest run unless --machine-key names another. Figures are Gelem/s at the median, as the tables.
"""
import argparse
import glob
import os
from collections import defaultdict
from datetime import datetime

import matplotlib

matplotlib.use("Agg")  # no display on CI machines
import matplotlib.pyplot as plt  # noqa: E402

import report_file  # noqa: E402


def load(directory):
    runs = []
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        report = report_file.read(path)
        # Version 2 added contention screening; the summary figures plotted here mean the same.
        if not isinstance(report, dict) or report.get("schema_version") not in (1, 2) or report.get("kind") != "throughput":
            print(f"plot_history: skipping {path} (not a schema 1 or 2 throughput report)")
            continue
        date = datetime.fromisoformat(report["machine"]["date"].replace("Z", "+00:00"))
        runs.append((date, report))
    return sorted(runs, key=lambda run: run[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--history", default="results/history")
    parser.add_argument("--output", default="results/history.png")
    parser.add_argument("--machine-key")
    args = parser.parse_args()

    runs = load(args.history)
    if not runs:
        raise SystemExit(f"plot_history: no reports in {args.history}")
    key = args.machine_key or runs[-1][1]["machine"]["machine_key"]
    runs = [run for run in runs if run[1]["machine"]["machine_key"] == key]

    # series[function][implementation@size] = [(date, Gelem/s)]
    series = defaultdict(lambda: defaultdict(list))
    for date, report in runs:
        for r in report["results"]:
            label = r["implementation"] + f"@{r['size']}" + ("" if r["threads"] == 1 else f"x{r['threads']}t")
            series[r["function"]][label].append((date, r["summary"]["gelem_per_second"]))

    functions = sorted(series)
    fig, axes = plt.subplots(len(functions), 1, figsize=(10, 3 * len(functions)), sharex=True, squeeze=False)
    for ax, function in zip(axes[:, 0], functions):
        for label, points in sorted(series[function].items()):
            dates, values = zip(*points)
            ax.plot(dates, values, marker="o", label=label)
        ax.set_title(function)
        ax.set_ylabel("Gelem/s")
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize="small", loc="center left", bbox_to_anchor=(1, 0.5))
    fig.suptitle(f"Throughput over {len(runs)} runs — {key}")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(args.output, dpi=100, bbox_inches="tight")
    print(f"plot_history: wrote {args.output}")


if __name__ == "__main__":
    main()
