#!/usr/bin/env python3
"""Every Swift SIMD loop of one build beside llvm-mca's bound for it and its measured time: the
table results/kernels/README.md gives per build ("Loop code and llvm-mca").

For both tiers (SIMDKernels, FastKernels), each function and each width, the hot loop is taken by
kernel_loop.py from the build's disassembly and modelled by `llvm-mca-14 -mcpu=znver3
-iterations=300` (with --mca-ymm where the build has zmm loops, which llvm-mca 14 cannot model:
see kernel_loop.py). Every figure is per 16 floats, so that 8- and 16-lane loops and staged loops
(several vectors a pass) compare: the loop's floats per pass are its index step (`add $N`).
Measured is the run's cycles/elem (timestamp counter) times 16, from a `bench` report printed as
text (`bench rejudge RUN.json`), whose rows name the same kernels; llvm-mca's figure is its Block
RThroughput in Zen 3 core cycles, so the two columns are in different cycles: the model names the
bound (which pipes), the run what this machine does.

    objdump -d --no-show-raw-insn .build-avx2/release/bench > /tmp/bench.asm
    python3 scripts/asm/mca_table.py /tmp/bench.asm results/kernels/avx2-build-onednn-avx2-1M.txt
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

FUNCTIONS = ["sigmoid", "tanh", "elu", "gelu-erf", "gelu-tanh"]
TIERS = [("SIMDKernels", ""), ("FastKernels", "-fast")]
KERNEL_LOOP = str(Path(__file__).with_name("kernel_loop.py"))


def measured(report):
    """(function, implementation) -> cycles/elem from a printed throughput report."""
    cycles, function = {}, None
    for line in report.split("\n"):
        if re.match(r"^[a-z]", line):
            function = line.strip()
        row = re.match(r"^\s+(\S+)\s+\S+\s+[\d.]+\s+[\d.]+\s+([\d.]+)", line)
        if row and function:
            cycles[(function, row.group(1))] = float(row.group(2))
    return cycles


def loop(asm, family, function, width, *flags):
    result = subprocess.run(["python3", KERNEL_LOOP, asm, family, function, width, *flags],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mca_table: {family} {function} {width}: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    asm, report_path = sys.argv[1:]
    try:
        report = open(report_path).read()
    except OSError as error:
        sys.exit(f"mca_table: {error}")
    if report.count("== size ") > 1:
        sys.exit(f"mca_table: {report_path} holds several sizes; give a report of one size")
    cycles = measured(report)
    zmm = "%zmm" in open(asm).read()
    print("| function | kernel | instructions | calls / stack accesses / divisions | znver3 RThroughput | measured |")
    print("|---|---|---|---|---|---|")
    for family, suffix in TIERS:
        for function in FUNCTIONS:
            for width in ["8", "16"]:
                listing = loop(asm, family, function, width).split("\n")
                head, body = listing[0], []
                for line in listing[1:]:
                    if line.startswith("loop 2"):
                        break
                    body.append(line)
                steps = [int(m.group(1), 16) for line in body for m in [re.match(r"add\s+\$0x([0-9a-f]+),%r", line)] if m]
                if not steps:
                    sys.exit(f"mca_table: {family} {function} {width}: no index step in the loop")
                per16 = 16 / steps[0]
                with tempfile.NamedTemporaryFile("w", suffix=".s") as f:
                    f.write(loop(asm, family, function, width, "--mca-ymm" if zmm else "--mca"))
                    f.flush()
                    model = subprocess.run(["llvm-mca-14", "-mcpu=znver3", "-iterations=300", f.name],
                                           capture_output=True, text=True)
                bound = re.search(r"Block RThroughput:\s+([\d.]+)", model.stdout)
                if not bound:
                    sys.exit(f"mca_table: llvm-mca failed on {family} {function} {width}: {model.stderr.strip()}")
                counts = re.search(r"(\d+) instructions, (\d+) calls, (\d+) stack accesses, (\d+) divisions", head)
                if not counts:
                    sys.exit(f"mca_table: {family} {function} {width}: kernel_loop.py printed no counts")
                n, calls, stack, divisions = map(int, counts.groups())
                kernel = f"swift-simd{width}{suffix}"
                run = cycles.get((function, kernel))
                shown = f"{run * 16:.2f}" if run is not None else "not in the report"
                print(f"| {function} | {kernel} | {n * per16:g} | {calls} / {stack * per16:g} / {divisions * per16:g} "
                      f"| {float(bound.group(1)) * per16:.1f} | {shown} |")


if __name__ == "__main__":
    main()
