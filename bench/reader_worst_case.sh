#!/usr/bin/env bash
# Issue 13, item 7: every reader processes any input of up to 1 MB in under a second. Not a test
# (timings belong in benchmarks): writes hostile ~1 MB documents (bench/hostile_inputs.py) and
# times `cnkg build` on each, with every reader forced and with the format detected, in a
# release build. Prints the slowest runs and every run over the limit; exits 1 if any.
#   bash bench/reader_worst_case.sh [--limit SECONDS] [--size BYTES]
# Uses $BUILD_DIR/cnkg (default build-bench/, built Release if missing).
set -uo pipefail
cd "$(dirname "$0")/.."
limit=1 size=1048576
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    *) echo "usage: $0 [--limit SECONDS] [--size BYTES]" >&2; exit 2 ;;
  esac
done
build="${BUILD_DIR:-build-bench}"
if [ ! -x "$build/cnkg" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCNKG_BUILD_TESTS=OFF >/dev/null
  ninja -C "$build" cnkg >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/hostile_inputs.py "$work/in" --size "$size"
readers=(detect schedule article talk-list landscape ical sessionize pretalx sched-json)
results="$work/times.tsv"
for f in "$work"/in/*; do
  for r in "${readers[@]}"; do
    args=()
    [ "$r" = detect ] || args=(--format "$r")
    start=$(date +%s.%N)
    timeout 60 "$build/cnkg" build -q --keep-going "${args[@]}" "$f" -o "$work/out.cnkg" >/dev/null 2>&1
    rc=$?
    end=$(date +%s.%N)
    printf '%s\t%s\t%s\t%s\n' "$(echo "$end - $start" | bc)" "$(basename "$f")" "$r" "$rc" >>"$results"
  done
done
echo "slowest of $(wc -l <"$results") runs (seconds, input, reader, exit code; 124 = killed at 60 s):"
sort -rn "$results" | head -8 | sed 's/^/  /'
over=$(awk -F'\t' -v l="$limit" '$1 > l || $4 >= 124' "$results")
if [ -n "$over" ]; then
  echo "over ${limit} s:"
  sed 's/^/  /' <<<"$over"
  exit 1
fi
echo "every run under ${limit} s"
