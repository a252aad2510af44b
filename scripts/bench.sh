#!/usr/bin/env bash
# Installs missing system packages, builds `bench` in release for this CPU, and runs it.
# Usage: scripts/bench.sh [bench arguments]     e.g. scripts/bench.sh --all --size 1M
# The Swift kernels are built with -target-cpu native (Package.swift); set
# ACTIVATION_BENCH_TARGET_CPU to build for another CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh >&2
swift build -c release --product bench >&2
exec .build/release/bench "$@"
