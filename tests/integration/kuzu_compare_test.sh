#!/usr/bin/env bash
# Runs the same Cypher queries through cnkg's query engine and through Kuzu 0.11.3 (npm) over the
# same graph, and compares the results as multisets of rows.
#   bash kuzu_compare_test.sh /path/to/cnkg
# Environment (set by CTest, see tests/CMakeLists.txt):
#   CNKG_TEST_DATA_DIR  tests/data; kuzu_compare/ holds the cases: CASE.cypher (both engines run
#                       it), CASE.kuzu.cypher (Kuzu's spelling, when it differs), CASE.params
#                       (name=value lines, given to cnkg as --param and to Kuzu's prepared
#                       statement); see tests/kuzu/compare.js for the "// compare:" directives.
#   CNKG_SOURCE_DIR     the source tree: examples/ is the graph (`cnkg build examples`), and
#                       tests/kuzu holds the npm package of Kuzu.
# The graph is exported with `cnkg export --format kuzu` and loaded into a fresh Kuzu database;
# tests/kuzu/compare.js runs every case in one node process, cnkg runs one `cnkg query --format
# json` per case, and compare.js compares them, printing both results of a case that differs.
# Kuzu is installed with `npm ci` in tests/kuzu when missing; without node and npm the test is
# skipped with a message (exit 0).
# Exits 0 when every case agrees; otherwise 1.
set -uo pipefail

cnkg=${1:-}
die() {
  echo "kuzu_compare_test: FAIL: $*" >&2
  exit 1
}

[ -n "$cnkg" ] || die "usage: bash kuzu_compare_test.sh /path/to/cnkg"
[ -x "$cnkg" ] || die "'$cnkg' is not an executable cnkg binary"
[ -n "${CNKG_TEST_DATA_DIR:-}" ] || die "CNKG_TEST_DATA_DIR is not set"
[ -n "${CNKG_SOURCE_DIR:-}" ] || die "CNKG_SOURCE_DIR is not set"
cases="$CNKG_TEST_DATA_DIR/kuzu_compare"
[ -d "$cases" ] || die "missing case directory $cases"

kuzu_pkg="$CNKG_SOURCE_DIR/tests/kuzu"
# shellcheck source=../kuzu/ensure_kuzu.sh
source "$kuzu_pkg/ensure_kuzu.sh"
ensure_kuzu "$kuzu_pkg"
case $? in
  0) ;;
  2)
    echo "kuzu_compare_test: SKIP: node and npm are needed to install and run Kuzu (npm kuzu@0.11.3);" \
      "install nodejs and npm to run this test"
    exit 0
    ;;
  *) die "npm ci in $kuzu_pkg failed, or kuzu does not load after it; run it by hand to see why" ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/cnkg-kuzu-compare.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$work"' EXIT

examples="$CNKG_SOURCE_DIR/examples"
"$cnkg" build "$examples" -o "$work/graph.json" 2>"$work/build.err" ||
  die "cnkg build $examples failed: $(cat "$work/build.err")"
"$cnkg" export "$work/graph.json" --format kuzu -o "$work/kuzu" 2>"$work/export.err" ||
  die "cnkg export --format kuzu failed: $(cat "$work/export.err")"

# Kuzu in the background while cnkg runs the cases.
(cd "$kuzu_pkg" && node compare.js kuzu "$work/kuzu" "$cases" "$work/kuzu.json") &
kuzu_pid=$!

mkdir -p "$work/cnkg"
count=0
for file in "$cases"/*.cypher; do
  name=$(basename "$file" .cypher)
  case "$name" in *.kuzu) continue ;; esac
  count=$((count + 1))
  params=()
  if [ -f "$cases/$name.params" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in '' | '#'*) continue ;; esac
      params+=(--param "$line")
    done <"$cases/$name.params"
  fi
  if ! "$cnkg" query "$work/graph.json" "$(cat "$file")" --format json "${params[@]}" \
      >"$work/cnkg/$name.json" 2>"$work/cnkg/$name.stderr"; then
    mv "$work/cnkg/$name.stderr" "$work/cnkg/$name.err"
  fi
done
[ "$count" -gt 0 ] || die "no cases in $cases"

wait "$kuzu_pid" || die "Kuzu did not run the cases (see the messages above)"
(cd "$kuzu_pkg" && node compare.js check "$cases" "$work/kuzu.json" "$work/cnkg") ||
  die "cnkg and Kuzu disagree (see the FAIL lines above)"
echo "kuzu_compare_test: $count queries give the same results in cnkg and Kuzu"
