"""Replays recorded throughput runs under different contention-screening rules (docs/method.md).

Eight modes, each reproducing figures the README quotes:

  recording FILE.json[.gz]   one long screened run (probe read around every sample) cut into
                             back-to-back runs; for each rule, how many consecutive pairs have some
                             kernel more than 5% apart, the worst difference, and the mean run length.
  short DIR_OR_TAR           many separate short runs re-judged under each rule; per rule, how far
                             each run's worst kernel is from the median over runs.
  pairs DIR_OR_TAR           consecutive runs as back-to-back pairs, as recorded and re-judged under
                             each rule (a multi-process run is re-judged process by process and
                             combined as bench does: the lower median of the medians of the
                             processes in the speed state most of them are in whose kernels ran at
                             the fastest pace two of them share).
  bands DIR_OR_TAR...        every process's probe band, classed fast / usual / busy against the
                             median band of all of them (or --against NS), with the count per class.
  rejections DIR_OR_TAR      per process of each run, how many samples pass the probe test, the
                             round consensus and the own test (bench's rule).
  paces DIR_OR_TAR           per multi-process run, each process's kernel pace against the processes
                             the rows come from (bench's kernel-pace rule), and which those are.
  medians DIR_OR_TAR         per report, its probe band(s) and every row's median as recorded (the
                             pinned-vCPU runs).
  grouped DIR_OR_TAR -k K    consecutive one-process runs taken K at a time as the processes of one
                             run (lower median of their recorded medians, as `bench --processes K`),
                             consecutive groups compared as back-to-back pairs, from every offset.

The rules mirror Sources/BenchKit/Harness/Screening.swift: a quiet reference (minimum, 1st
percentile, or the densest band), a 3% probe tolerance, and the 5% round consensus (8+ pieces),
whose per-kernel reference is the lower quartile of probe-quiet samples or, as before
2026-11-23, their median; bench's rule adds each kernel's own test: no sample more than 5% above the
lower of its kernel's lower quartile and the bottom of the kernel's own densest 3% band (among samples
whose probe readings are at most 6% under the probe band); "own test from the lower quartile" is that
test as it was until 2026-11-24. bench's fourth test (the sample's thread on the CPU, from
`off_cpu_share`) is not replayed: these recordings were made before it existed.
The copy row is left out of the figures, as in the README (it is memory bound).
"""
import argparse
import gzip
import io
import json
import math
import os
import statistics as st
import tarfile


def lower_median(values):
    """As ThroughputReport.lowerMedianIndex: the ceil(n/2)-th smallest."""
    return sorted(values)[(len(values) - 1) // 2]


def split_states(processes, value):
    """As ThroughputReport.states: `processes` sorted by `value` (then index), a new state wherever a
    value is more than 6% above the one before it; fastest state first."""
    states = []
    for k in sorted(processes, key=lambda k: (value(k), k)):
        if states and value(k) <= value(states[-1][-1]) * 1.06:
            states[-1].append(k)
        else:
            states.append([k])
    return states


def usual_state(bands, slowest=False):
    """As ThroughputReport.usualStateProcesses: the indices of the processes in the speed state most
    processes are in (bands more than 6% apart are different states), among the states within 25% of
    the fastest band; of two holding as many, the slower. With `slowest`, the slowest state within
    reach whatever its size (bench from 9abb134 to 81753cd)."""
    if not bands:
        return []
    states = split_states(range(len(bands)), bands.__getitem__)
    reachable = [s for s in states if bands[s[0]] <= bands[states[0][0]] * 1.25]
    if slowest:
        return sorted(reachable[-1])
    most = max(len(s) for s in reachable)
    return sorted([s for s in reachable if len(s) == most][-1])


def split_processes(data):
    """A report's processes as one-process reports (a one-process report is returned as is)."""
    report = json.loads(data)
    if not report["results"] or not report["results"][0].get("processes"):
        return [data]
    out = []
    for k, log in enumerate(report["rounds"]):
        rows = [dict(r, batch=r["processes"][k]["batch"],
                     samples_ns_per_element=r["processes"][k]["samples_ns_per_element"],
                     rejected_ns_per_element=r["processes"][k]["rejected_ns_per_element"]) for r in report["results"]]
        out.append(json.dumps(dict(report, results=rows, rounds=[log])))
    return out


def load(data):
    report = json.loads(data)
    log = report["rounds"][0]
    pieces, quiet = log["pieces_per_round"], log["quiet"]
    rounds = len(quiet) // pieces
    samples, seconds = [], [0.0] * rounds
    for p, result in enumerate(report["results"]):
        if len(result["samples_ns_per_element"]) == rounds:   # no quiet sample: all kept as samples
            series = result["samples_ns_per_element"]
        else:
            kept, rejected = iter(result["samples_ns_per_element"]), iter(result["rejected_ns_per_element"])
            series = [next(kept) if quiet[k] else next(rejected) for k in range(p, rounds * pieces, pieces)]
        samples.append(series)
        for r, ns in enumerate(series):
            seconds[r] += ns * result["size"] * result["batch"] / 1e9
    names = [f'{r["function"]}/{r["implementation"]}' for r in report["results"]]
    return names, log["probe_ns_per_element"], samples, pieces, rounds, seconds


def band(readings, reference, tolerance):
    """The quiet band [lo, hi]: from the minimum, the 1st percentile, the densest range ("densest",
    bench before 2026-11-23), or the densest range within 25% of the lowest range holding 5% of the
    readings ("band", bench's rule: Screening.quietBand)."""
    ordered = sorted(readings)
    if reference == "min":
        return 0.0, ordered[0] * (1 + tolerance)
    if reference == "p1":
        return 0.0, ordered[int(len(ordered) * 0.01)] * (1 + tolerance)
    counts, end = [], 0
    for start, low in enumerate(ordered):
        while end < len(ordered) and ordered[end] <= low * (1 + tolerance):
            end += 1
        counts.append(end - start)
    reach = float("inf")
    if reference == "band":
        floor = max(3, math.ceil(0.05 * len(ordered)))
        reach = next((ordered[i] for i in range(len(ordered)) if counts[i] >= floor), ordered[0]) * 1.25
    best = (0, ordered[0])
    for i, low in enumerate(ordered):
        if low <= reach and counts[i] > best[0]:
            best = (counts[i], low)
    return best[1], best[1] * (1 + tolerance)


def percentile(values, p):
    """Linear interpolation between order statistics, as SampleStatistics.percentile."""
    ordered = sorted(values)
    h = (len(ordered) - 1) * p / 100
    low = int(h)
    return ordered[low] + (ordered[min(low + 1, len(ordered) - 1)] - ordered[low]) * (h - low)


def judge(probes, samples, pieces, first, last, rule, copy_piece=0):
    """Quiet rounds per piece for rounds first..last-1 under `rule` (None: every round counts).
    Piece `copy_piece` (the memory-bound copy, first in bench's rounds) gets no own test."""
    if rule is None:
        return [list(range(first, last)) for _ in range(pieces)]
    reference, consensus = rule[:2]
    # "median": the consensus reference before 2026-11-23; "p25": the lower quartile; "p25+own":
    # the lower quartile and each kernel's own test from it (bench's rule 2026-11-23); "p25+own+band"
    # (bench's rule since 2026-11-24): the own test from the lower of that quartile and the bottom of
    # the kernel's own densest band among samples whose readings are at most 6% under the probe band.
    consensus_reference = rule[2] if len(rule) > 2 else "p25+own+band"
    lo, hi = band(probes[first * pieces:last * pieces + 1], reference, 0.03)
    probe_ok = [[lo <= probes[r * pieces + p] <= hi and lo <= probes[r * pieces + p + 1] <= hi
                 for r in range(first, last)] for p in range(pieces)]
    ok = [list(row) for row in probe_ok]
    typical = []
    for p in range(pieces):
        quiet = [samples[p][first + j] for j in range(last - first) if probe_ok[p][j]]
        typical.append((st.median(quiet) if consensus_reference == "median" else percentile(quiet, 25))
                       if quiet else None)
    if consensus and pieces >= 8:
        for j in range(last - first):
            ratios = [samples[p][first + j] / typical[p] for p in range(pieces) if typical[p]]
            if ratios and st.median(ratios) > 1.05:
                for p in range(pieces):
                    ok[p][j] = False
    if consensus and consensus_reference.startswith("p25+own"):
        near = lambda k: lo * 0.94 <= probes[k] <= hi
        for p in range(pieces):
            if sum(probe_ok[p]) >= 4 and p != copy_piece:
                own = typical[p]
                if consensus_reference == "p25+own+band":
                    floor = [samples[p][r] for r in range(first, last) if near(r * pieces + p) and near(r * pieces + p + 1)]
                    own = min(own, band(floor, "band", 0.03)[0])
                for j in range(last - first):
                    if samples[p][first + j] > own * 1.05:
                        ok[p][j] = False
    return [[first + j for j in range(last - first) if ok[p][j]] for p in range(pieces)]


def medians(samples, chosen):
    return [st.median([samples[p][r] for r in rounds] or samples[p]) for p, rounds in enumerate(chosen)]


def replay_recording(path, want, budget):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        names, probes, samples, pieces, rounds, seconds = load(f.read())
    print(f"{path}: {rounds} rounds, {sum(seconds) / rounds:.3f} s per round")
    rules = [("unscreened, 21 samples", None, 21), ("unscreened, 41 samples", None, 41),
             ("probe alone, minimum", ("min", False), want), ("probe alone, 1st percentile", ("p1", False), want),
             ("probe + consensus, minimum", ("min", True, "median"), want),
             ("probe + consensus, 1st percentile", ("p1", True, "median"), want),
             ("probe + consensus from medians, band", ("band", True, "median"), want),
             ("probe + consensus from lower quartiles, band", ("band", True, "p25"), want),
             ("probe + consensus, band (bench's rule)", ("band", True), want)]
    for label, rule, target in rules:
        runs, lengths, start = [], [], 0
        while True:
            elapsed, end, chosen = 0.0, start, None
            while end < rounds:
                elapsed += seconds[end]
                end += 1
                if end - start < target:
                    continue
                chosen = judge(probes, samples, pieces, start, end, rule)
                if rule is None or min(map(len, chosen)) >= target or elapsed >= budget:
                    break
                chosen = None
            if chosen is None:
                break
            runs.append(medians(samples, chosen))
            lengths.append(elapsed)
            start = end
        failing, worst, worst_name = 0, 0.0, ""
        for a, b in zip(runs, runs[1:]):
            gaps = [(abs(b[p] / a[p] - 1), names[p]) for p in range(pieces) if not names[p].startswith("copy/")]
            failing += any(g > 0.05 for g, _ in gaps)
            gap, name = max(gaps)
            if gap > worst:
                worst, worst_name = gap, name
        print(f"  {label:46s} pairs failing {failing}/{len(runs) - 1}, worst {worst * 100:.1f}% ({worst_name}), "
              f"{st.mean(lengths):.0f} s per run")


def read_runs(path, prefix="", with_names=False):
    """Every report (*.json) in a directory or a tar archive whose file name starts with `prefix`, in
    name order (as (name, report) pairs with `with_names`); other files there (the script that made
    the runs, their wall times) are left alone."""
    named = []
    wanted = lambda name: name.endswith(".json") and os.path.basename(name).startswith(prefix)
    if os.path.isdir(path):
        for name in sorted(n for n in os.listdir(path) if wanted(n)):
            with open(os.path.join(path, name), "rb") as f:
                named.append((name, f.read()))
    else:
        with tarfile.open(path) as tar:
            for member in sorted(tar.getmembers(), key=lambda m: m.name):
                if member.isfile() and wanted(member.name):
                    named.append((member.name, tar.extractfile(member).read()))
    return named if with_names else [blob for _, blob in named]


def usual_pace(per, among, names):
    """As ThroughputReport.kernelStates: of the processes `among`, those whose kernels ran at the
    fastest pace at least two of them share (a process's pace: the median, over kernels other than the
    copy, of its median over the kernel's fastest median among `among`; paces more than 6% apart are
    different states); all of `among` when no pace is shared or with fewer than three."""
    rows = [p for p, name in enumerate(names) if not name.startswith("copy/") and all(per[k][p] > 0 for k in among)]
    if len(among) <= 2 or not rows:
        return list(among)
    pace = {k: st.median(per[k][p] / min(per[j][p] for j in among) for p in rows) for k in among}
    states = split_states(among, pace.__getitem__)
    return sorted(next((s for s in states if len(s) >= 2), list(among)))


def combine(processes, rule, how="bench"):
    """A run's per-kernel figures as bench makes them: each process re-judged under `rule`, then the
    lower median over the processes in the usual speed state (by each process's probe band: the state
    most processes are in) whose kernels ran at the fastest shared pace (`how` "bench"); the same with
    the slowest speed state within reach ("slowest-state", bench 81753cd); over the slowest state's
    processes alone ("usual-state", bench from 9abb134 to 2bccc7d); or over every process ("plain",
    bench before 9abb134)."""
    per = [medians(s, judge(pr, s, pc, 0, rc, rule)) for _, pr, s, pc, rc, _ in processes]
    bands = [band(pr[:pc * rc + 1], "band", 0.03)[0] for _, pr, _, pc, rc, _ in processes]
    usual = usual_state(bands, slowest=how in ("slowest-state", "usual-state"))
    if how == "plain":
        usual = range(len(processes))
    elif how in ("bench", "slowest-state"):
        usual = usual_pace(per, usual, processes[0][0])
    return [lower_median([per[k][p] for k in usual]) for p in range(len(per[0]))]


def replay_bands(paths, against=None):
    """Every process's probe band in the given archives, classed against the median band of them
    all: fast (more than 6% under it), usual, or busy (more than 25% over it); per run, one letter
    per process (F, ., B)."""
    runs = [(path, [log["quiet_band_ns_per_element"][0] for log in json.loads(blob)["rounds"]
                    if log.get("quiet_band_ns_per_element")])
            for path in paths for blob in read_runs(path)]
    middle = against or st.median(b for _, bands in runs for b in bands)
    kind = lambda b: "F" if b < middle / 1.06 else "B" if b > middle * 1.25 else "."
    classes = {k: [b for _, bands in runs for b in bands if kind(b) == k] for k in "F.B"}
    summary = ", ".join(f"{len(v)} {label}" + (f" ({min(v):.2f}-{max(v):.2f} ns)" if v else "")
                        for label, v in [("fast", classes["F"]), ("usual", classes["."]), ("busy", classes["B"])])
    print(f"{sum(map(len, classes.values()))} process bands, {'against' if against else 'median'} {middle:.2f} ns: {summary}; "
          f"runs fast in every process: {sum(bool(b) and all(kind(x) == 'F' for x in b) for _, b in runs)}")
    for path in paths:
        print(f"  {path}: {' '.join(''.join(map(kind, b)) for p, b in runs if p == path)}")


def replay_paces(path):
    """Per multi-process run, each process's kernel pace (ThroughputReport.kernelStates, from the
    recorded process medians) relative to the median pace of the processes the rows come from, and
    which processes those are."""
    for name, blob in read_runs(path, with_names=True):
        report = json.loads(blob)
        names = [f'{r["function"]}/{r["implementation"]}' for r in report["results"]]
        if not report["results"][0].get("processes"):
            continue
        per = [[r["processes"][k]["median_ns_per_element"] for r in report["results"]]
               for k in range(len(report["results"][0]["processes"]))]
        among = usual_state([log["quiet_band_ns_per_element"][0] for log in report["rounds"]])
        rows = [p for p, n in enumerate(names) if not n.startswith("copy/")]
        pace = {k: st.median(per[k][p] / min(per[j][p] for j in among) for p in rows) for k in among}
        sources = usual_pace(per, among, names)
        base = st.median(pace[k] for k in sources)
        print(f"  {os.path.basename(name)}: rows from processes {', '.join(str(k + 1) for k in sources)}; pace "
              + " ".join(f"{k + 1}:{(pace[k] / base - 1) * 100:+.1f}%" for k in among))


def replay_medians(path):
    """Per report: its probe band(s) and every row's median (ns per element), as recorded."""
    for name, blob in read_runs(path, with_names=True):
        report = json.loads(blob)
        bands = " ".join(f'{log["quiet_band_ns_per_element"][0]:.2f}' for log in report["rounds"]
                         if log.get("quiet_band_ns_per_element"))
        rows = " ".join(f'{r["function"]}/{r["implementation"]} {r["summary"]["median_ns_per_element"]:.3g}'
                        for r in report["results"])
        print(f"  {name}: band {bands}; {rows}")


def replay_rejections(path):
    """Per process of each run: how many samples pass the probe test, then also the round consensus,
    then also the own test (bench's rule), of all samples taken."""
    for run, blob in enumerate(read_runs(path), start=1):
        for k, process in enumerate(split_processes(blob)):
            _, probes, samples, pieces, rounds, _ = load(process)
            counts = [sum(map(len, judge(probes, samples, pieces, 0, rounds, rule)))
                      for rule in [("band", False), ("band", True, "p25"), ("band", True)]]
            print(f"  run {run} process {k + 1}: of {pieces * rounds}, probe {counts[0]} ({100 - 100 * counts[0] / (pieces * rounds):.0f}% "
                  f"rejected), + consensus {counts[1]}, + own test {counts[2]}")


def replay_pairs(path, two_by_two=False, prefix="", how="bench"):
    """Consecutive runs as back-to-back pairs (or runs 1-2, 3-4, ... with `two_by_two`), each run
    re-judged under each rule; only the reports whose file names start with `prefix`."""
    blobs = read_runs(path, prefix)
    runs = [[load(process) for process in split_processes(blob)] for blob in blobs]
    names = runs[0][0][0]
    pairs = [(i, i + 1) for i in range(0, len(runs) - 1, 2 if two_by_two else 1)]
    print(f"{path}: {len(runs)} runs, {len(pairs)} back-to-back pairs")
    recorded = [[r["summary"]["median_ns_per_element"] for r in json.loads(blob)["results"]] for blob in blobs]
    rules = [("as recorded", None), ("band, consensus from medians", ("band", True, "median")),
             ("band, consensus from lower quartiles", ("band", True, "p25")),
             ("own test from the lower quartile", ("band", True, "p25+own")), ("bench's rule", ("band", True))]
    for label, rule in rules:
        meds = recorded if rule is None else [combine(processes, rule, how) for processes in runs]
        gaps = [max((abs(meds[j][p] / meds[i][p] - 1), names[p]) for p in range(len(names))
                    if not names[p].startswith("copy/")) for i, j in pairs]
        worst = max(gaps)
        print(f"  {label:38s} pairs >5% apart: {sum(g > 0.05 for g, _ in gaps)}/{len(gaps)}, worst {worst[0] * 100:.1f}% "
              f"({worst[1]}); per pair: {' '.join(f'{g * 100:.1f}' for g, _ in gaps)}")


def replay_grouped(path, k):
    blobs = read_runs(path)
    reports = [json.loads(blob) for blob in blobs]
    names = [f'{r["function"]}/{r["implementation"]}' for r in reports[0]["results"]]
    recorded = [[r["summary"]["median_ns_per_element"] for r in report["results"]] for report in reports]
    print(f"{path}: {len(reports)} one-process runs taken {k} at a time")
    gaps = []
    for offset in range(k):
        groups = [[lower_median(column) for column in zip(*recorded[i:i + k])]
                  for i in range(offset, len(recorded) - k + 1, k)]
        for a, b in zip(groups, groups[1:]):
            gaps.append(max((abs(b[p] / a[p] - 1), names[p]) for p in range(len(names))
                            if not names[p].startswith("copy/")))
    single = [max((abs(b[p] / a[p] - 1), names[p]) for p in range(len(names)) if not names[p].startswith("copy/"))
              for a, b in zip(recorded, recorded[1:])]
    for label, g in [("one process per run", single), (f"{k} processes per run", gaps)]:
        if not g:
            print(f"  {label:22s} no two consecutive groups")
            continue
        worst = max(g)
        print(f"  {label:22s} pairs >5% apart: {sum(x > 0.05 for x, _ in g)}/{len(g)}, "
              f"worst {worst[0] * 100:.1f}% ({worst[1]})")


def replay_short(path):
    runs = [load(blob) for blob in read_runs(path)]
    names = runs[0][0]
    print(f"{path}: {len(runs)} runs")
    for label, rule in [("1st percentile", ("p1", True, "median")), ("band, from medians", ("band", True, "median")),
                        ("band, lower quartiles", ("band", True, "p25")), ("band (bench's rule)", ("band", True))]:
        meds = [medians(s, judge(pr, s, pc, 0, rc, rule)) for _, pr, s, pc, rc, _ in runs]
        typical = [st.median(m[p] for m in meds) for p in range(len(names))]
        worst = [max(abs(m[p] / typical[p] - 1) for p in range(len(names)) if not names[p].startswith("copy/"))
                 for m in meds]
        off = [f"{i + 1}:{w * 100:.0f}%" for i, w in enumerate(worst) if w > 0.05]
        print(f"  {label:22s} runs whose worst kernel is >5% from the median of runs: {len(off)} ({', '.join(off)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    rec = sub.add_parser("recording")
    rec.add_argument("file")
    rec.add_argument("--samples", type=int, default=21)
    rec.add_argument("--max-duration", type=float, default=60)
    short = sub.add_parser("short")
    short.add_argument("path")
    pairs = sub.add_parser("pairs")
    pairs.add_argument("path")
    pairs.add_argument("--two-by-two", action="store_true", help="pair runs 1-2, 3-4, ... only")
    pairs.add_argument("--only", default="", metavar="PREFIX",
                       help="only the reports whose file names start with PREFIX (e.g. p5- in processes-3-vs-5)")
    pairs.add_argument("--plain-lower-median", action="store_const", dest="how", const="plain", default="bench",
                       help="combine a run's processes over all of them (bench before 9abb134)")
    pairs.add_argument("--usual-state-only", action="store_const", dest="how", const="usual-state",
                       help="combine over the slowest speed state's processes, whatever their kernels' pace "
                            "(bench from 9abb134 to 2bccc7d)")
    pairs.add_argument("--slowest-state", action="store_const", dest="how", const="slowest-state",
                       help="as bench but with the slowest speed state within reach, not the most common "
                            "(bench 81753cd)")
    bands = sub.add_parser("bands")
    bands.add_argument("paths", nargs="+")
    bands.add_argument("--against", type=float, metavar="NS",
                       help="class the bands against this level instead of their median (e.g. 5.3, the "
                            "usual state, for series made in an hour of the fast state)")
    rejections = sub.add_parser("rejections")
    rejections.add_argument("path")
    paces = sub.add_parser("paces")
    paces.add_argument("path")
    medians_mode = sub.add_parser("medians")
    medians_mode.add_argument("path")
    grouped = sub.add_parser("grouped")
    grouped.add_argument("path")
    grouped.add_argument("-k", type=int, default=3, help="processes per run")
    args = parser.parse_args()
    if args.mode == "recording":
        replay_recording(args.file, args.samples, args.max_duration)
    elif args.mode == "pairs":
        replay_pairs(args.path, args.two_by_two, args.only, args.how)
    elif args.mode == "bands":
        replay_bands(args.paths, args.against)
    elif args.mode == "rejections":
        replay_rejections(args.path)
    elif args.mode == "paces":
        replay_paces(args.path)
    elif args.mode == "medians":
        replay_medians(args.path)
    elif args.mode == "grouped":
        replay_grouped(args.path, args.k)
    else:
        replay_short(args.path)


if __name__ == "__main__":
    main()
