"""The function table, read from the tool: `bench list --functions --json` (Sources/BenchKit/Registry/
ActivationFunction.swift is its one source). The plot and table scripts take the functions, their
order, formulas, derivatives and plot ranges from here rather than from lists of their own, so a new
function needs no change in them.

Which bench: $BENCH when set, else the package's .build/release/bench, then .build/debug/bench, then
`bench` on PATH.
"""

import functools
import json
import os
import shutil
import subprocess
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_VERSION = 1


def bench_executable():
    candidates = [os.environ.get("BENCH"),
                  os.path.join(REPO_ROOT, ".build", "release", "bench"),
                  os.path.join(REPO_ROOT, ".build", "debug", "bench"),
                  shutil.which("bench")]
    for path in candidates:
        if path and os.access(path, os.X_OK):
            return path
    sys.exit("function_table: no bench to read the function table from; build it "
             "(swift build -c release --product bench) or set BENCH")


@functools.lru_cache(maxsize=None)
def load(curve_points=None):
    """The table's rows, in the tool's order; with curve_points, each row's "curve" holds x, f(x) and
    f'(x) at that many points of its plot range (parameters at their defaults)."""
    command = [bench_executable(), "list", "--functions", "--json"]
    if curve_points:
        command += ["--curve-points", str(curve_points)]
    document = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    if document.get("schema_version") != SCHEMA_VERSION:
        sys.exit(f"function_table: {command[0]} writes schema {document.get('schema_version')}, "
                 f"this script reads {SCHEMA_VERSION}")
    return document["functions"]


def ids():
    """The function ids in the table's order (results, tables and plots use it)."""
    return [row["id"] for row in load()]


def by_id(curve_points=None):
    return {row["id"]: row for row in load(curve_points)}
