#!/usr/bin/env bash
# Query benchmark: cnkg vs Kuzu (not a test). See bench/README.md.
#
#   bench/run.sh [--scale 1000] [--runs 5] [--warm-runs 20] [--work DIR]
#
# Graphs: the corpus schedule (if /work/shared/corpus is there; read at run time, never copied),
# an invented corpus of the same size (gen_schedules.py, 100 talks), and with --scale N > 1 an
# invented corpus N times larger. Writes bench/results.md.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SCALE=1
RUNS=5
WARM_RUNS=20
WORK="${BENCH_WORK:-/tmp/cnkg-bench}"
BUILD="${BUILD_DIR:-$ROOT/build-bench}"
CORPUS_SCHEDULE="${CORPUS_SCHEDULE:-/work/shared/corpus/kubecon-na-2025-thursday-schedule.txt}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --warm-runs) WARM_RUNS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    *) echo "usage: bench/run.sh [--scale N] [--runs N] [--warm-runs N] [--work DIR]" >&2; exit 2 ;;
  esac
done

ms() { date +%s%3N; }

echo "== building cnkg (Release) in $BUILD"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$BUILD" cnkg >/dev/null
CNKG="$BUILD/cnkg"
if ! (cd "$ROOT/tests/kuzu" && node -e 'require("kuzu")' 2>/dev/null); then
  echo "== installing the kuzu npm package (tests/kuzu)"
  (cd "$ROOT/tests/kuzu" && npm ci --no-audit --no-fund >/dev/null)
fi
mkdir -p "$WORK"

# bench_graph NAME INPUT...: build, export, load into Kuzu, measure.
RESULTS=()
bench_graph() {
  local name="$1"; shift
  local dir="$WORK/$name"
  rm -rf "$dir" && mkdir -p "$dir"
  local t0; t0=$(ms)
  # The binary graph file: what a user who queries a large graph often would use.
  "$CNKG" build "$@" -o "$dir/graph.cnkg" -q
  local build_ms=$(( $(ms) - t0 ))
  t0=$(ms)
  "$CNKG" export "$dir/graph.cnkg" --format kuzu -o "$dir/kuzu_export"
  local export_ms=$(( $(ms) - t0 ))
  local load_ms load_note=""
  if ! load_ms=$(node "$HERE/kuzu_load.js" "$dir/kuzu_export" "$dir/kuzu.db" |
                 python3 -c 'import json,sys; print(json.load(sys.stdin)["load_ms"])'); then
    echo "== $name: Kuzu crashed loading the export as written; retrying with" \
         "--no-list-transform (see kuzu_load.js)"
    rm -rf "$dir/kuzu.db" "$dir/kuzu.db.wal"
    load_ms=$(node "$HERE/kuzu_load.js" "$dir/kuzu_export" "$dir/kuzu.db" --no-list-transform |
              python3 -c 'import json,sys; print(json.load(sys.stdin)["load_ms"])')
    load_note="--no-list-transform"
  fi
  echo "== $name: cnkg build ${build_ms} ms, kuzu export ${export_ms} ms, Kuzu load ${load_ms} ms," \
       "graph $(du -h "$dir/graph.cnkg" | cut -f1)"
  python3 "$HERE/bench.py" measure --name "$name" --graph "$dir/graph.cnkg" \
    --export "$dir/kuzu_export" --db "$dir/kuzu.db" --cnkg "$CNKG" --out "$dir/result.json" \
    --runs "$RUNS" --warm-runs "$WARM_RUNS" --load-ms "$load_ms" --build-ms "$build_ms" --load-note="$load_note"
  RESULTS+=("$dir/result.json")
}

if [[ -f "$CORPUS_SCHEDULE" ]]; then
  bench_graph corpus "$CORPUS_SCHEDULE"
fi
python3 "$HERE/gen_schedules.py" --talks 100 --seed 1 --out "$WORK/docs-1x"
bench_graph generated-1x "$WORK/docs-1x"
if [[ "$SCALE" -gt 1 ]]; then
  echo "== generating $((100 * SCALE)) talks"
  rm -rf "$WORK/docs-${SCALE}x"
  python3 "$HERE/gen_schedules.py" --talks $((100 * SCALE)) --seed 1 --out "$WORK/docs-${SCALE}x"
  bench_graph "generated-${SCALE}x" "$WORK/docs-${SCALE}x"
fi
python3 "$HERE/bench.py" report "${RESULTS[@]}" --md "$HERE/results.md"
