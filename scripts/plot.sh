#!/usr/bin/env bash
# Runs one of the plotting scripts with matplotlib and numpy from a private virtual environment
# (.venv-plots at the repository root, made on first use; needs python3's venv module and PyPI).
# Usage: scripts/plot.sh NAME [arguments]        runs scripts/plot_NAME.py
#   scripts/plot.sh choice results/throughput-1M.json results/accuracy-exhaustive.json   speed vs accuracy
#   scripts/plot.sh accuracy results/accuracy-sampled.json results/plots                 ulp against x
#   scripts/plot.sh history [--history DIR] [--output FILE]                              Gelem/s over runs
#   scripts/plot.sh sizes results/throughput-sizes.json                                  Gelem/s against size
#   scripts/plot.sh threads results/threads-1.json results/threads-2.json                 thread scaling
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
name="${1:-}"
script="$root/scripts/plot_$name.py"
if [ -z "$name" ] || [ ! -f "$script" ]; then
    echo "plot: usage: scripts/plot.sh NAME [arguments]; NAME is one of:" \
        $(cd "$root/scripts" && ls plot_*.py | sed 's/^plot_//; s/\.py$//') >&2
    exit 64
fi
shift
venv="$root/.venv-plots"
if ! "$venv/bin/python" -c 'import matplotlib, numpy' >/dev/null 2>&1; then
    echo "plot: setting up $venv (matplotlib, numpy)" >&2
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q matplotlib numpy >&2
fi
cd "$root"
MPLBACKEND=Agg exec "$venv/bin/python" "$script" "$@"
