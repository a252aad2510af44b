"""Reading the reports `bench` writes (JSON objects with a `kind`), for the analysis scripts. A file
that cannot be read, is not JSON, or is not a report of the kind asked for stops the script with one
line on standard error and exit 65, the code `bench compare` gives bad input, never a traceback or
a figure read from the wrong file.
"""
import json
import os
import sys

BAD_INPUT = 65
USAGE = 64


def fail(message, status=BAD_INPUT):
    """Stops the script: `message` on standard error, prefixed with the script's name."""
    program = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    print(f"{program}: {message}", file=sys.stderr)
    sys.exit(status)


def read(path):
    """The JSON document at `path`, of any kind; a file that cannot be read or parsed stops the script."""
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(f"{path}: cannot read a JSON report ({e})")


def load(path, kind, exhaustive=False):
    """The report at `path` as a dict; `kind` is "throughput" or "accuracy", and `exhaustive` asks
    for an accuracy report over every float (`bench accuracy --exhaustive`)."""
    report = read(path)
    found = report.get("kind") if isinstance(report, dict) else None
    if found != kind:
        fail(f"{path} is not {'an' if kind[0] in 'aeiou' else 'a'} {kind} report (kind {found!r})")
    mode = report.get("configuration", {}).get("mode")
    if exhaustive and mode != "exhaustive":
        fail(f"{path} is not an exhaustive accuracy report (mode {mode!r})")
    return report
