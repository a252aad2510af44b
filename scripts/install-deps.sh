#!/usr/bin/env bash
# Installs the system libraries the suite links: SLEEF (vector math) and MPFR (the reference).
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
command -v valgrind >/dev/null 2>&1 || need+=(valgrind)  # bench count: instruction counts under callgrind

if [ ${#need[@]} -eq 0 ]; then
  echo "install-deps: SLEEF, MPFR and GMP headers are present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  {
    echo "install-deps: missing ${need[*]} and this system has no apt-get."
    echo "  Debian/Ubuntu: apt-get install libsleef-dev libmpfr-dev libgmp-dev"
    echo "  Homebrew:      brew install sleef mpfr gmp"
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
