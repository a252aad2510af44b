"""Bookkeeping over kept runs (results/screening/): unpacks archives, has `bench rejudge` judge each
report, and compares the runs. The rules themselves live in bench alone (`bench rejudge --help`,
docs/method.md); this script never re-implements them.

  pairs PATH [-- OPTIONS]     consecutive runs as back-to-back pairs: how many have some kernel more
                              than 5% apart, the worst, and every pair's worst gap; as recorded, and
                              re-judged by `bench rejudge --standard-rules OPTIONS` (OPTIONS vary the
                              rules: `-- --no-kernel-paces`, `-- --quiet-tolerance 5%`, ...).
  short PATH [-- OPTIONS]     many short runs, re-judged: the runs whose worst kernel is more than 5%
                              from the median of the runs.
  notes PATH [-- OPTIONS]     per report, the WARNING and NOTE lines of `bench rejudge` (speed
                              states, kernel paces, disagreements).
  rejections PATH             per process of each run, how many samples pass the probe test, then
                              also the round consensus, then every test (`bench rejudge` with tests
                              turned off).
  bands PATH...               every process's recorded probe band, classed fast / usual / busy
                              against the median band of them all (or --against NS).
  medians PATH                per report, its recorded probe band(s) and every row's median.
  grouped PATH -k K           consecutive one-process runs taken K at a time as the processes of one
                              run (the lower median of their recorded medians), consecutive groups
                              compared as back-to-back pairs, from every offset.

PATH is a directory or a tar archive of reports (*.json); other files there are left alone. The copy
row is left out of every comparison (it is memory bound). bench is --bench, else $BENCH, else the
newer of the release and debug builds. Replays of rules this bench no longer has (the minimum or 1st
percentile as probe reference, the slowest speed state, the recording cut into runs) were made with
this script as it stood at 47a6857 (`git show 47a6857:scripts/replay_screening.py`).
"""
import argparse
import json
import os
import statistics as st
import subprocess
import sys
import tarfile
import tempfile


def find_bench(given):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for path in [given, os.environ.get("BENCH")]:
        if path:
            return path
    built = [p for p in (os.path.join(root, ".build", c, "bench") for c in ("release", "debug")) if os.access(p, os.X_OK)]
    if not built:
        sys.exit("replay_screening: no bench binary (swift build, or --bench PATH)")
    return max(built, key=os.path.getmtime)


def read_runs(path, prefix=""):
    """(name, bytes) of every report (*.json) in a directory or tar archive whose file name starts
    with `prefix`, in name order."""
    wanted = lambda name: name.endswith(".json") and os.path.basename(name).startswith(prefix)
    if os.path.isdir(path):
        return [(name, open(os.path.join(path, name), "rb").read()) for name in sorted(os.listdir(path)) if wanted(name)]
    with tarfile.open(path) as tar:
        return [(m.name, tar.extractfile(m).read()) for m in sorted(tar.getmembers(), key=lambda m: m.name)
                if m.isfile() and wanted(m.name)]


def rejudge(bench, blob, options, fmt="json"):
    """`bench rejudge` of one report's bytes: the parsed JSON report, or the table's text."""
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        f.write(blob)
        f.flush()
        done = subprocess.run([bench, "rejudge", f.name, "--format", fmt] + options, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"replay_screening: bench rejudge {' '.join(options)}: {done.stderr.strip()}")
    return json.loads(done.stdout) if fmt == "json" else done.stdout


def row_medians(report):
    """{function/implementation@size: median ns per element}, the copy row left out."""
    return {f'{r["function"]}/{r["implementation"]}@{r["size"]}': r["summary"]["median_ns_per_element"]
            for r in report["results"] if r["function"] != "copy"}


def worst_gap(a, b):
    return max((abs(b[k] / a[k] - 1), k.split("@")[0]) for k in a if k in b)


def replay_pairs(bench, path, options, prefix="", two_by_two=False):
    runs = read_runs(path, prefix)
    pairs = [(i, i + 1) for i in range(0, len(runs) - 1, 2 if two_by_two else 1)]
    print(f"{path}: {len(runs)} runs, {len(pairs)} back-to-back pairs")
    rules = ["--standard-rules"] + options
    for label, reports in [("as recorded", [json.loads(blob) for _, blob in runs]),
                           (f"rejudge {' '.join(rules)}", [rejudge(bench, blob, rules) for _, blob in runs])]:
        medians = [row_medians(r) for r in reports]
        gaps = [worst_gap(medians[i], medians[j]) for i, j in pairs]
        if not gaps:
            print(f"  {label}: no pairs")
            continue
        worst = max(gaps)
        print(f"  {label}: pairs >5% apart {sum(g > 0.05 for g, _ in gaps)}/{len(gaps)}, worst {worst[0] * 100:.1f}% "
              f"({worst[1]}); per pair: {' '.join(f'{g * 100:.1f}' for g, _ in gaps)}")


def replay_short(bench, path, options):
    medians = [row_medians(rejudge(bench, blob, ["--standard-rules"] + options)) for _, blob in read_runs(path)]
    typical = {k: st.median(m[k] for m in medians) for k in medians[0]}
    worst = [max(abs(m[k] / typical[k] - 1) for k in typical) for m in medians]
    off = [f"{i + 1}:{w * 100:.0f}%" for i, w in enumerate(worst) if w > 0.05]
    print(f"{path}: {len(medians)} runs; whose worst kernel is >5% from the median of runs: {len(off)} ({', '.join(off)})")


def replay_notes(bench, path, options):
    for name, blob in read_runs(path):
        text = rejudge(bench, blob, ["--standard-rules"] + options, fmt="table")
        lines = [line for line in text.splitlines() if line.startswith(("NOTE", "WARNING"))]
        print(f"  {name}: " + ("\n    ".join([""] + lines) if lines else "no notes"))


def replay_rejections(bench, path):
    """Counted over each process's round log: quiet samples under the probe test alone, with the
    round consensus, and with every test."""
    steps = [["--no-consensus", "--no-own-test", "--no-off-cpu-test"], ["--no-own-test", "--no-off-cpu-test"], []]
    for run, (_, blob) in enumerate(read_runs(path), start=1):
        judged = [rejudge(bench, blob, ["--standard-rules"] + step)["rounds"] for step in steps]
        for k, logs in enumerate(zip(*judged)):
            total = len(logs[0]["quiet"])
            counts = [sum(log["quiet"]) for log in logs]
            print(f"  run {run} process {k + 1}: of {total}, probe {counts[0]} ({100 - 100 * counts[0] / total:.0f}% "
                  f"rejected), + consensus {counts[1]}, + own and off-CPU tests {counts[2]}")


def replay_bands(paths, against=None):
    """Recorded process bands classed against the median of them all: fast (more than 6% under it),
    usual, or busy (more than 25% over it); per run, one letter per process (F, ., B)."""
    runs = [(path, [log["quiet_band_ns_per_element"][0] for log in json.loads(blob)["rounds"]
                    if log.get("quiet_band_ns_per_element")])
            for path in paths for _, blob in read_runs(path)]
    middle = against or st.median(b for _, bands in runs for b in bands)
    kind = lambda b: "F" if b < middle / 1.06 else "B" if b > middle * 1.25 else "."
    classes = {k: [b for _, bands in runs for b in bands if kind(b) == k] for k in "F.B"}
    summary = ", ".join(f"{len(v)} {label}" + (f" ({min(v):.2f}-{max(v):.2f} ns)" if v else "")
                        for label, v in [("fast", classes["F"]), ("usual", classes["."]), ("busy", classes["B"])])
    print(f"{sum(map(len, classes.values()))} process bands, {'against' if against else 'median'} {middle:.2f} ns: {summary}; "
          f"runs fast in every process: {sum(bool(b) and all(kind(x) == 'F' for x in b) for _, b in runs)}")
    for path in paths:
        print(f"  {path}: {' '.join(''.join(map(kind, b)) for p, b in runs if p == path)}")


def replay_medians(path):
    for name, blob in read_runs(path):
        report = json.loads(blob)
        bands = " ".join(f'{log["quiet_band_ns_per_element"][0]:.2f}' for log in report["rounds"]
                         if log.get("quiet_band_ns_per_element"))
        rows = " ".join(f'{r["function"]}/{r["implementation"]} {r["summary"]["median_ns_per_element"]:.3g}'
                        for r in report["results"])
        print(f"  {name}: band {bands}; {rows}")


def replay_grouped(path, k):
    recorded = [row_medians(json.loads(blob)) for _, blob in read_runs(path)]
    lower_median = lambda values: sorted(values)[(len(values) - 1) // 2]
    print(f"{path}: {len(recorded)} one-process runs taken {k} at a time")
    gaps = []
    for offset in range(k):
        groups = [{key: lower_median([r[key] for r in recorded[i:i + k]]) for key in recorded[0]}
                  for i in range(offset, len(recorded) - k + 1, k)]
        gaps += [worst_gap(a, b) for a, b in zip(groups, groups[1:])]
    single = [worst_gap(a, b) for a, b in zip(recorded, recorded[1:])]
    for label, g in [("one process per run", single), (f"{k} processes per run", gaps)]:
        if not g:
            print(f"  {label:22s} no two consecutive groups")
            continue
        worst = max(g)
        print(f"  {label:22s} pairs >5% apart: {sum(x > 0.05 for x, _ in g)}/{len(g)}, "
              f"worst {worst[0] * 100:.1f}% ({worst[1]})")


def main():
    argv = sys.argv[1:]
    options = argv[argv.index("--") + 1:] if "--" in argv else []
    argv = argv[:argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", help="the bench binary")
    sub = parser.add_subparsers(dest="mode", required=True)
    pairs = sub.add_parser("pairs")
    pairs.add_argument("path")
    pairs.add_argument("--two-by-two", action="store_true", help="pair runs 1-2, 3-4, ... only")
    pairs.add_argument("--only", default="", metavar="PREFIX", help="only the reports whose file names start with PREFIX")
    for name in ["short", "notes", "rejections", "medians"]:
        sub.add_parser(name).add_argument("path")
    bands = sub.add_parser("bands")
    bands.add_argument("paths", nargs="+")
    bands.add_argument("--against", type=float, metavar="NS", help="class the bands against this level")
    grouped = sub.add_parser("grouped")
    grouped.add_argument("path")
    grouped.add_argument("-k", type=int, default=3, help="processes per run")
    args = parser.parse_args(argv)
    if args.mode == "bands":
        replay_bands(args.paths, args.against)
    elif args.mode == "medians":
        replay_medians(args.path)
    elif args.mode == "grouped":
        replay_grouped(args.path, args.k)
    else:
        bench = find_bench(args.bench)
        if args.mode == "pairs":
            replay_pairs(bench, args.path, options, args.only, args.two_by_two)
        elif args.mode == "short":
            replay_short(bench, args.path, options)
        elif args.mode == "notes":
            replay_notes(bench, args.path, options)
        else:
            replay_rejections(bench, args.path)


if __name__ == "__main__":
    main()
