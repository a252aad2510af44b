#!/usr/bin/env bash
# The test command: installs missing system packages, then runs every test target. Where the CPU
# has AVX-512 the native build takes its AVX-512 paths, so the tests run a second time in an AVX2
# build (its own build directory): the code an AVX2 machine runs, which this one can run too.
# Usage: scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build "$@"
if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then
    echo "test: again in an AVX2 build (ACTIVATION_BENCH_TARGET_CPU=haswell, .build-avx2-tests)" >&2
    ACTIVATION_BENCH_TARGET_CPU=haswell swift build --build-tests --scratch-path .build-avx2-tests
    ACTIVATION_BENCH_TARGET_CPU=haswell swift test --skip-build --scratch-path .build-avx2-tests "$@"
fi
