#!/usr/bin/env bash
# Runs fuzz targets of a CNKG_FUZZ build for a while each, one after the other, starting from
# their seeds (fuzz/seeds.sh) and a corpus kept between runs (BUILD/corpus/TARGET/).
#   bash fuzz/run.sh BUILD_DIR SECONDS [TARGET...] [-- LIBFUZZER_FLAGS...]
# TARGET is a name without "_fuzz"; all targets when none is given; CNKG_FUZZ_JOBS of them run at
# a time (default: one per core, as each target uses one). Every target runs with
# -timeout=1 (an input that takes a second is a finding) and inputs of up to 1 MB. A finding
# stops that target, is kept as BUILD/findings/TARGET/crash-* (or timeout-, leak-, oom-), and
# makes the script exit non-zero after the other targets ran. Prints one line per target:
# executions, coverage, corpus size.
set -uo pipefail
build="$1" seconds="$2"
shift 2
here=$(cd "$(dirname "$0")" && pwd)
targets=() flags=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; flags=("$@"); break; fi
  targets+=("$1"); shift
done
all=(schedule_text article_text article_markdown talk_list landscape ical sessionize
     pretalx_json pretalx_xml sched_json alias_file node_link binary_graph query build)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

dict_of() {
  case "$1" in
    schedule_text) echo schedule_text ;; article_*) echo article ;; talk_list) echo talk_list ;;
    landscape) echo landscape ;; ical) echo ical ;; pretalx_xml) echo xml ;;
    sessionize | pretalx_json | sched_json | node_link) echo json ;;
    alias_file) echo alias_file ;; query) echo cypher ;; *) echo "" ;;
  esac
}

# Runs one target; prints its line; returns non-zero on a finding.
run_one() {
  local t="$1" bin="$build/fuzz/${1}_fuzz"
  [ -x "$bin" ] || { echo "$t: no $bin (configure with -DCNKG_FUZZ=ON and build 'fuzz')"; return 1; }
  local corpus="$build/corpus/$t" findings="$build/findings/$t" seeds
  seeds=$(mktemp -d)
  mkdir -p "$corpus" "$findings"
  local cnkg_bin=""
  [ -x "$build/cnkg" ] && cnkg_bin="$build/cnkg"
  bash "$here/seeds.sh" "$t" "$seeds" "$cnkg_bin" >/dev/null 2>&1
  local dict dict_flag=()
  dict=$(dict_of "$t")
  [ -n "$dict" ] && dict_flag=("-dict=$here/dict/$dict.dict")
  local log="$build/findings/$t.log"
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" UBSAN_OPTIONS=print_stacktrace=1 \
    "$bin" "$corpus" "$seeds" "${dict_flag[@]}" -max_total_time="$seconds" -timeout=1 \
    -max_len=1048576 -rss_limit_mb=4096 -artifact_prefix="$findings/" -print_final_stats=1 \
    "${flags[@]}" >"$log" 2>&1
  local rc=$?
  rm -rf "$seeds"
  local execs cov units
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  units=$(ls "$corpus" | wc -l)
  if [ $rc -ne 0 ]; then
    echo "$t: FINDING after ${execs:-?} executions (exit $rc); see $log and $findings/"
    grep -m3 -E 'ERROR|SUMMARY|invariant|runtime error' "$log" | sed 's/^/  /'
    return 1
  fi
  echo "$t: ${execs:-?} executions, cov ${cov:-?}, corpus $units, no finding"
}

# CNKG_FUZZ_JOBS targets at a time (default: one per core); lines in target order.
lanes="${CNKG_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$build/findings"
pids=() failed=0
for i in "${!targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$lanes" ]; do wait -n || true; done
  ( run_one "${targets[$i]}" >"$out/$i" 2>&1; echo $? >"$out/$i.rc" ) &
  pids+=($!)
done
wait
for i in "${!targets[@]}"; do
  cat "$out/$i"
  [ "$(cat "$out/$i.rc" 2>/dev/null || echo 1)" -eq 0 ] || failed=1
done
exit $failed
