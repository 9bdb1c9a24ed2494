#!/usr/bin/env bash
# Build benchmark: `cnkg build` vs ripgrep's matching pass over the same files (not a test; see
# bench/README.md). Issue #12's yardstick.
#
#   bench/build_bench.sh [--talks 100000] [--repeat 1000] [--runs 3] [--work DIR]
#
# Corpora:
#   generated  gen_schedules.py --talks N: invented one-day schedules, 100 talks per file;
#   repeated   one schedule document (the corpus Thursday schedule if /work/shared/corpus is
#              there, read at run time and never copied into the repository; else the bundled
#              example) concatenated --repeat times into one file.
# Peer: `rg -F -w -f names.txt` with the landscape's project names (from /work/shared/data/
# landscape.yml when present, else the gazetteer's landscape rows), default threads.
# cnkg: `cnkg build -q -o OUT.cnkg`, default settings. Median wall time of --runs, peak RSS of
# the last run (/usr/bin/time); one -j 1 run whose output must be byte-identical. Writes its
# section of bench/results.md (machine, date, commit), leaving the query benchmark's part.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
TALKS=100000
REPEAT=1000
RUNS=3
WORK="${BENCH_WORK:-/tmp/cnkg-build-bench}"
BUILD="${BUILD_DIR:-$ROOT/build-bench}"
SCHEDULE="${CORPUS_SCHEDULE:-/work/shared/corpus/kubecon-na-2025-thursday-schedule.txt}"
LANDSCAPE="${LANDSCAPE:-/work/shared/data/landscape.yml}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --talks) TALKS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    *) echo "usage: bench/build_bench.sh [--talks N] [--repeat N] [--runs N] [--work DIR]" >&2
       exit 2 ;;
  esac
done

if ! command -v rg >/dev/null 2>&1; then
  echo "== installing ripgrep" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends ripgrep >/dev/null
fi
echo "== building cnkg (Release) in $BUILD" >&2
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$BUILD" cnkg >/dev/null
CNKG="$BUILD/cnkg"
mkdir -p "$WORK"

# The landscape's project names, one per line.
if [ -f "$LANDSCAPE" ]; then
  /usr/bin/python3 - "$LANDSCAPE" > "$WORK/names.txt" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
names = set()
for cat in doc.get("landscape", []):
    for sub in cat.get("subcategories", []) or []:
        for item in sub.get("items", []) or []:
            if item.get("name"):
                names.add(item["name"].strip())
print("\n".join(sorted(names)))
PY
  NAMES_FROM="$LANDSCAPE"
else
  grep -v '^#' "$ROOT/data/gazetteer/landscape_projects.tsv" | cut -f1 | sort -u > "$WORK/names.txt"
  NAMES_FROM="data/gazetteer/landscape_projects.tsv"
fi

GEN="$WORK/generated-$TALKS"
if [ ! -d "$GEN" ]; then
  echo "== writing $TALKS invented talks to $GEN" >&2
  /usr/bin/python3 "$HERE/gen_schedules.py" --talks "$TALKS" --out "$GEN" >/dev/null
fi
[ -f "$SCHEDULE" ] || SCHEDULE="$ROOT/examples/schedules/harbour-cloud-summit-2026-day1.txt"
REP="$WORK/repeated-$REPEAT"
mkdir -p "$REP"
if [ ! -f "$REP/schedule.txt" ]; then
  for _ in $(seq "$REPEAT"); do cat "$SCHEDULE"; echo; done > "$REP/schedule.txt"
fi

# median_ms CMD...: median wall time in ms of RUNS runs; the last run's peak RSS (KB) is left in
# $WORK/rss (the function runs in a subshell).
median_ms() {
  local times=() t0 t1
  for _ in $(seq "$RUNS"); do
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$WORK/rss" "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

mb() { du -sb "$1" | awk '{printf "%.1f", $1 / 1e6}'; }

ROWS=()
PER_MB=()
for corpus in "$GEN" "$REP"; do
  name=$(basename "$corpus")
  size=$(mb "$corpus")
  bytes=$(du -sb "$corpus" | awk '{print $1}')
  echo "== $name ($size MB)" >&2
  rg_ms=$(median_ms rg -F -w -c -f "$WORK/names.txt" "$corpus")
  rg_rss=$(tail -1 "$WORK/rss")
  cnkg_ms=$(median_ms "$CNKG" build -q "$corpus" -o "$WORK/$name.cnkg")
  cnkg_rss=$(tail -1 "$WORK/rss")
  # One thread, once: its time, and its output must be the same bytes.
  j1_ms=$(RUNS=1 median_ms "$CNKG" build -q -j 1 "$corpus" -o "$WORK/$name-j1.cnkg")
  same=$(cmp -s "$WORK/$name.cnkg" "$WORK/$name-j1.cnkg" && echo yes || echo "**no**")
  elements=$("$CNKG" stats "$WORK/$name.cnkg" --json | /usr/bin/python3 -c \
    'import json,sys; d=json.load(sys.stdin); print(d["nodes"] + d["edges"])' 2>/dev/null || echo 0)
  ratio=$(awk -v a="$cnkg_ms" -v b="$rg_ms" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
  mbps=$(awk -v s="$size" -v t="$cnkg_ms" 'BEGIN { printf "%.2f", (t > 0 ? s / (t / 1000) : 0) }')
  # Issue 12's memory bound: 3x the input bytes + 300 bytes per graph element.
  bound=$(awk -v b="$bytes" -v e="$elements" 'BEGIN { printf "%d", (3 * b + 300 * e) / 1048576 }')
  PER_MB+=("$(awk -v s="$size" -v t="$cnkg_ms" 'BEGIN { printf "%.1f", (s > 0 ? t / s : 0) }')")
  ROWS+=("| $name | $size | $rg_ms | $cnkg_ms | $ratio | $mbps | $j1_ms | $same | $((rg_rss / 1024)) | $((cnkg_rss / 1024)) | $bound | $elements |")
done

TABLE="$WORK/build_table.md"
{
  echo "<!-- build benchmark: bench/build_bench.sh -->"
  echo "## Build: cnkg build vs ripgrep"
  echo
  echo "$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(nproc) CPUs;" \
       "ripgrep $(rg --version | head -1 | awk '{print $2}'); cnkg commit" \
       "$(git -C "$ROOT" rev-parse --short HEAD); $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Median wall time of $RUNS runs each. ripgrep: \`rg -F -w -c -f names.txt\` with the" \
       "$(wc -l < "$WORK/names.txt") project names of $NAMES_FROM, default threads. cnkg:" \
       "\`cnkg build -q CORPUS -o OUT.cnkg\`, default settings (one thread per core). Ratio =" \
       "cnkg / rg (lower is better; issue 12's goal is at most 2). \`-j 1\`: one run with one" \
       "extraction thread; \"same\": its .cnkg file is byte-identical to the default build's." \
       "Bound: 3 x input bytes + 300 bytes per graph element (issue 12's peak-RSS goal)."
  echo
  echo "| corpus | MB | rg ms | cnkg ms | cnkg/rg | cnkg MB/s | cnkg -j 1 ms | same | rg peak MiB | cnkg peak MiB | bound MiB | graph elements |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Time per MB: generated ${PER_MB[0]} ms, repeated ${PER_MB[1]} ms" \
       "(repeated / generated = $(awk -v a="${PER_MB[1]}" -v b="${PER_MB[0]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'); goal at most 2)."
  echo "<!-- end of build benchmark -->"
} > "$TABLE"
cat "$TABLE"
# Into bench/results.md, replacing the previous build section (the query benchmark keeps it).
/usr/bin/python3 - "$HERE/results.md" "$TABLE" <<'PY'
import sys
path, table = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().strip()
begin, end = "<!-- build benchmark: bench/build_bench.sh -->", "<!-- end of build benchmark -->"
try:
    old = open(path, encoding="utf-8").read()
except OSError:
    old = ""
b, e = old.find(begin), old.find(end)
if b >= 0 and e > b:
    new = old[:b] + table + old[e + len(end):]
else:
    new = old.rstrip("\n") + ("\n\n" if old else "") + table + "\n"
open(path, "w", encoding="utf-8").write(new)
PY
