#!/usr/bin/env python3
"""Two accuracy reports (`bench accuracy --format json`) kernel by kernel: the rows whose figures or
special-value outputs differ, each figure that differs, and how many rows agree.

Usage: accuracy_diff.py A.json B.json

For the same build on two hosts, or two builds on one. Figures agree when equal to 1e-9 relative:
mean ulp and the shares are sums over 2^32 inputs, added in an order that depends on how many
cores ran them, so their last digits move; every other figure is a maximum or a count and agrees
exactly or not at all. An ISA column that names the build's target CPU is left out: it names the
build, not the kernel. Exits 0 when every row both hold agrees, 1 when one differs, 64 on usage,
65 when a file is not an accuracy report (the exit codes of `bench compare`).
"""
import math
import sys

import report_file


def rows(path):
    report = report_file.load(path, "accuracy")
    return report["machine"], {(r["function"], r["implementation"]): r for r in report["results"]}


def agree(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not (math.isinf(a) or math.isinf(b)):
        return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    return a == b


def main():
    if len(sys.argv) != 3:
        report_file.fail(__doc__.split("\n\n")[1].strip(), report_file.USAGE)
    (ma, a), (mb, b) = rows(sys.argv[1]), rows(sys.argv[2])
    for m, path in ((ma, sys.argv[1]), (mb, sys.argv[2])):
        print(f"{path}: {m['cpu_model']} ({m['cpu_signature']}), {m['swift_target_cpu']}, commit {m['git_commit']}")
    same = 0
    for key in sorted(set(a) & set(b)):
        ra, rb = a[key], b[key]
        diffs = [f"{f} {ra['stats'][f]} / {rb['stats'].get(f)}" for f in ra["stats"] if not agree(ra["stats"][f], rb["stats"].get(f))]
        diffs += [f"{sa['name']} -> {sa['output']} / {sb['output']}"
                  for sa, sb in zip(ra["special_values"], rb["special_values"]) if sa["output"] != sb["output"]]
        if ra["isa"] != rb["isa"] and not ("target-cpu" in ra["isa"] and "target-cpu" in rb["isa"]):
            diffs.append(f"isa {ra['isa']} / {rb['isa']}")
        if diffs:
            print(f"{key[0]} {key[1]}: " + "; ".join(diffs))
        else:
            same += 1
    only = sorted(set(a) ^ set(b))
    print(f"{same} of {len(set(a) & set(b))} rows agree" + (f"; {len(only)} rows in one report only" if only else ""))
    sys.exit(0 if same == len(set(a) & set(b)) else 1)


if __name__ == "__main__":
    main()
