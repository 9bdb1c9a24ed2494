#!/usr/bin/env bash
# Name-pass benchmark: the gazetteer's RE2::Set pass vs Vectorscan (Debian libvectorscan-dev) on
# the build benchmark's corpora, with the same expressions (issue #12, item 3; see
# bench/README.md). Not a test. Run bench/build_bench.sh first: it makes the corpora and
# names.txt under --work.
#
#   bench/name_pass_bench.sh [--work DIR]
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="${BENCH_WORK:-/tmp/cnkg-build-bench}"
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
BIN="$WORK/name_pass_bench"
g++ -O2 -std=c++20 "$HERE/name_pass_bench.cc" -o "$BIN" $(pkg-config --cflags --libs re2 libhs)
for corpus in "$WORK"/generated-* "$WORK"/repeated-*; do
  [ -d "$corpus" ] || continue
  echo "== $(basename "$corpus")"
  "$BIN" "$WORK/names.txt" "$corpus"/*
done
