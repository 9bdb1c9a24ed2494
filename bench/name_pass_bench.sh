#!/usr/bin/env bash
# Name-pass benchmark: the gazetteer's RE2::Set pass vs Vectorscan (Debian libvectorscan-dev) on
# the build benchmark's corpora, with the same expressions (issue #12, item 3; see
# bench/README.md). Not a test. Run bench/build_bench.sh first: it makes the corpora and
# names.txt under --work.
#
#   bench/name_pass_bench.sh [--work DIR]
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/cnkg-build-bench}"
BUILD="${BUILD_DIR:-$ROOT/build-bench}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --work) WORK="$2"; shift 2 ;;
    *) echo "usage: bench/name_pass_bench.sh [--work DIR]" >&2; exit 2 ;;
  esac
done
if [ ! -f "$WORK/names.txt" ]; then
  echo "bench/name_pass_bench.sh: no $WORK/names.txt; run bench/build_bench.sh first" >&2
  exit 1
fi
if ! pkg-config --exists libhs; then
  echo "== installing libvectorscan-dev" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends libvectorscan-dev >/dev/null
fi
echo "== building cnkg_name_pass_bench (Release) in $BUILD" >&2
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$BUILD" cnkg_name_pass_bench >/dev/null
BIN="$BUILD/cnkg_name_pass_bench"
for corpus in "$WORK"/generated-* "$WORK"/repeated-*; do
  [ -d "$corpus" ] || continue
  echo "== $(basename "$corpus")"
  "$BIN" "$WORK/names.txt" "$corpus"/*
done
