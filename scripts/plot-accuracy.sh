#!/usr/bin/env bash
# Draws the accuracy plots from a `bench accuracy --format json` report.
# Usage: scripts/plot-accuracy.sh [accuracy.json] [output-dir] [plot_accuracy.py options]
#   e.g. scripts/plot-accuracy.sh results/accuracy-sampled.json results/plots
# matplotlib and numpy are installed into .venv-plots/ at the repository root on first use
# (needs python3 with the venv module and access to PyPI); later runs reuse it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv-plots"
if ! "$venv/bin/python" -c 'import matplotlib, numpy' >/dev/null 2>&1; then
    echo "plot-accuracy: setting up $venv (matplotlib, numpy)" >&2
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q matplotlib numpy >&2
fi
MPLBACKEND=Agg exec "$venv/bin/python" "$root/scripts/plot_accuracy.py" "$@"
