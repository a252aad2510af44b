#!/usr/bin/env bash
# Builds and runs one of the probes beside this script (its main.swift says what it measures, its
# CShim the C it needs). x86-64 with AVX-512; time it alone, nothing else running:
#   flock /tmp/cpu.lock scripts/asm/probe.sh division_probe
#   flock /tmp/cpu.lock scripts/asm/probe.sh memory_probe
#   flock /tmp/cpu.lock scripts/asm/probe.sh pipes_probe
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
name="${1:-}"
if [ -z "$name" ] || [ ! -f "$here/$name/main.swift" ]; then
    echo "probe: usage: scripts/asm/probe.sh NAME; NAME is one of:" \
        $(cd "$here" && ls -d */ | tr -d / ) >&2
    exit 64
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
swiftc -O -target-cpu native -I "$here/$name/CShim" "$here/$name/main.swift" -o "$out/$name"
"$out/$name"
