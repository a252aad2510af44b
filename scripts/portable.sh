#!/usr/bin/env bash
# Packs `bench` builds with every shared library they load (the Swift runtime, SLEEF, MPFR, GMP, the
# peers' libraries, glibc and its loader) into one tar.xz that runs on an x86-64 Linux host without
# Swift or the peers' packages. The binaries' interpreter and rpath name DEST (default /tmp/pb), so
# the archive must be unpacked there: `tar -xJf ARCHIVE -C "$(dirname DEST)"`. Worker processes
# re-execute /proc/self/exe and find the same libraries. Python peers do not travel.
#
# Usage: DEST=/tmp/pb scripts/portable.sh ARCHIVE NAME=BENCH [NAME=BENCH ...]
#   e.g. scripts/portable.sh /tmp/pb.tar.xz bench-avx2=.build-avx2/release/bench bench-skx=.build-skx/release/bench
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "portable: usage: scripts/portable.sh ARCHIVE NAME=BENCH [NAME=BENCH ...]" >&2
    exit 64
fi
command -v patchelf > /dev/null || { echo "portable: needs patchelf (apt-get install patchelf)" >&2; exit 69; }
archive="$1"; shift
dest="${DEST:-/tmp/pb}"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$(basename "$dest")"
mkdir -p "$root/lib"
for pair in "$@"; do
    name="${pair%%=*}"; bin="${pair#*=}"
    [[ "$pair" == *=* && -n "$name" && -x "$bin" ]] || { echo "portable: '$pair' is not NAME=EXECUTABLE" >&2; exit 64; }
    if ldd "$bin" | grep -q "not found"; then
        echo "portable: $bin needs libraries this machine lacks:" >&2; ldd "$bin" | grep "not found" >&2; exit 69
    fi
    cp "$bin" "$root/$name"
    ldd "$bin" | awk '/=>/ { print $3 }' | xargs -r cp -L -t "$root/lib/"
    patchelf --set-interpreter "$dest/lib/ld-linux-x86-64.so.2" --force-rpath --set-rpath "$dest/lib" "$root/$name"
done
cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib/"
tar -cJf "$stage/pack.tar.xz" -C "$stage" "$(basename "$dest")"  # whole or not at all
mv "$stage/pack.tar.xz" "$archive"
echo "portable: $archive ($(du -h "$archive" | cut -f1)); unpack with: tar -xJf $(basename "$archive") -C $(dirname "$dest")"
