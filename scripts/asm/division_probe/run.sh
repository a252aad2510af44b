#!/usr/bin/env bash
# Builds and runs the division probe (main.swift says what it measures). Needs AVX-512; time it
# alone: flock /tmp/cpu.lock scripts/asm/division_probe/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
swiftc -O -target-cpu native -I "$here/CShim" "$here/main.swift" -o "$out/division_probe"
"$out/division_probe"
