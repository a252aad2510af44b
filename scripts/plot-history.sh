#!/usr/bin/env bash
# Plots Gelem/s of every kernel over results/history into results/history.png, with matplotlib from a
# private virtual environment (.venv-plots, made on first use).
# Usage: scripts/plot-history.sh [--history DIR] [--output FILE] [--machine-key KEY]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-plots/bin/python ]; then
    python3 -m venv .venv-plots
    .venv-plots/bin/pip install --quiet matplotlib
fi
exec .venv-plots/bin/python scripts/plot_history.py "$@"
