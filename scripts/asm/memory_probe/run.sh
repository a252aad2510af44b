#!/usr/bin/env bash
# Builds and runs the memory probe (main.swift says what it measures). x86-64 with AVX-512 for the
# zmm loop; time it alone: flock /tmp/cpu.lock scripts/asm/memory_probe/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
swiftc -O -target-cpu native -I "$here/CShim" "$here/main.swift" -o "$out/memory_probe"
"$out/memory_probe"
