#!/usr/bin/env bash
# Installs the system libraries the suite links: SLEEF (vector math), MPFR (the reference) and the
# peers measured beside our kernels (oneDNN, XNNPACK with pthreadpool and cpuinfo, Eigen, Highway).
# Installs only what is missing; uses sudo when not root. On a system without apt it stops and
# names the packages to install. Exit 0 when everything is present afterwards.
set -euo pipefail

need=()
have_header() { # header library-name
  for dir in /usr/include /usr/include/x86_64-linux-gnu /usr/include/aarch64-linux-gnu /usr/local/include /opt/homebrew/include; do
    [ -f "$dir/$1" ] && return 0
  done
  return 1
}
have_header sleef.h || need+=(libsleef-dev)
have_header mpfr.h || need+=(libmpfr-dev)
have_header gmp.h || need+=(libgmp-dev)
have_header oneapi/dnnl/dnnl.h || need+=(libdnnl-dev)
have_header xnnpack.h || need+=(libxnnpack-dev)
have_header pthreadpool.h || need+=(libpthreadpool-dev)
have_header cpuinfo.h || need+=(libcpuinfo-dev)  # XNNPACK's CPU flags: --peer-max-isa
have_header eigen3/Eigen/Core || need+=(libeigen3-dev)
have_header hwy/highway.h || need+=(libhwy-dev)
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)  # bench count: instruction counts under callgrind

if [ ${#need[@]} -eq 0 ]; then
  echo "install-deps: SLEEF, MPFR, GMP, oneDNN, XNNPACK (with pthreadpool and cpuinfo), Eigen and Highway headers and valgrind are present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  {
    echo "install-deps: missing ${need[*]} and this system has no apt-get."
    echo "  Debian/Ubuntu: apt-get install libsleef-dev libmpfr-dev libgmp-dev libdnnl-dev libxnnpack-dev libpthreadpool-dev libcpuinfo-dev libeigen3-dev libhwy-dev valgrind"
    echo "  Homebrew:      brew install sleef mpfr gmp onednn eigen highway (no Homebrew formula for XNNPACK; valgrind only on Intel Macs)"
  } >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: not root and no sudo; install ${need[*]} as root" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
echo "install-deps: installed ${need[*]}"
