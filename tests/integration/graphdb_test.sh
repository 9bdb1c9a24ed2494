#!/usr/bin/env bash
# End-to-end check of the exports for graph databases: neo4j-csv, cypher and kuzu.
#   bash graphdb_test.sh /path/to/cnkg
# Environment (set by CTest, see tests/CMakeLists.txt):
#   CNKG_TEST_DATA_DIR  tests/data (export/hostile.json and export/graphdb_hostile.json hold
#                       hostile names, values and property names)
#   CNKG_SOURCE_DIR     the source tree: tests/kuzu holds the npm package of the Kuzu check, and
#                       the graph `cnkg build examples` makes is checked as well.
# For each graph, every format is exported twice (the runs must be byte-identical), then:
#   * check_graphdb.py reads the neo4j-csv files with Python's csv module and runs import.sh
#     with a stand-in neo4j-admin, and reads the cypher script back with a strict tokenizer;
#   * tests/kuzu/dump_kuzu.js loads the kuzu export (schema.cypher, load.cypher), in a second
#     database the same export with one IMPORT DATABASE statement, and in a third the cypher
#     script into Kuzu 0.11.3 (npm), and check_graphdb.py compares what Kuzu holds with the
#     source graph.
# Then bad output paths must fail with clear messages and leave nothing behind.
# The exports come from `cnkg export --format F -o OUT` once the CLI offers these formats, and
# until then from the library through the hidden driver in tests/unit/export (export_test).
# Kuzu is installed with `npm ci` in tests/kuzu when missing; without node and npm the test is
# skipped with a message (exit 0).
# Exits 0 when every check passes; otherwise 1, with lines saying what failed.
set -uo pipefail

cnkg=${1:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=/usr/bin/python3

fail() {
  echo "graphdb_test: FAIL: $*" >&2
  status=1
}
die() {
  echo "graphdb_test: FAIL: $*" >&2
  exit 1
}

[ -n "$cnkg" ] || die "usage: bash graphdb_test.sh /path/to/cnkg"
[ -x "$cnkg" ] || die "'$cnkg' is not an executable cnkg binary"
[ -n "${CNKG_TEST_DATA_DIR:-}" ] || die "CNKG_TEST_DATA_DIR is not set"
[ -n "${CNKG_SOURCE_DIR:-}" ] || die "CNKG_SOURCE_DIR is not set"
[ -x "$python" ] || die "$python is missing (install python3)"

kuzu_pkg="$CNKG_SOURCE_DIR/tests/kuzu"
# shellcheck source=../kuzu/ensure_kuzu.sh
source "$kuzu_pkg/ensure_kuzu.sh"
ensure_kuzu "$kuzu_pkg"
case $? in
  0) ;;
  2)
    echo "graphdb_test: SKIP: node and npm are needed to install and run Kuzu (npm kuzu@0.11.3);" \
      "install nodejs and npm to run this test"
    exit 0
    ;;
  *) die "npm ci in $kuzu_pkg failed, or kuzu does not load after it; run it by hand to see why" ;;
esac

# How to export: the CLI if it knows the formats, else the library driver.
driver=""
if ! "$cnkg" export --help 2>/dev/null | grep -q kuzu; then
  driver="$(dirname "$cnkg")/tests/export_test"
  [ -x "$driver" ] || die "cnkg export has no kuzu format and the driver $driver is missing"
  echo "== cnkg export does not offer the formats yet; using the library through $driver"
fi

# export_graph GRAPH FORMAT OUT [--force]: exports; stderr is the tool's.
export_graph() {
  local graph=$1 format=$2 out=$3 force=${4:-}
  if [ -z "$driver" ]; then
    "$cnkg" export "$graph" --format "$format" -o "$out" $force
  else
    CNKG_DRIVER_GRAPH=$graph CNKG_DRIVER_FORMAT=$format CNKG_DRIVER_OUTPUT=$out \
      CNKG_DRIVER_FORCE=$([ -n "$force" ] && echo 1 || echo 0) \
      "$driver" "[.graphdb_driver]" >/dev/null
  fi
}

declare -A exported  # graph name -> directory of its exports
work=$(mktemp -d "${TMPDIR:-/tmp}/cnkg-graphdb.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$work"' EXIT
status=0

# check_graph NAME GRAPH_JSON: the exports go to a directory whose path holds a space, ',', '=',
# quotes and a command substitution, which no script may run.
check_graph() {
  local name=$1 graph=$2 fmt
  local dir="$work/$1 odd, path=x 'q' \"dq\" \$(touch pwned) \`touch pwned\`"
  exported[$name]=$dir
  mkdir -p "$dir"
  echo "== $name: $graph"
  for fmt in neo4j-csv cypher kuzu; do
    if ! export_graph "$graph" "$fmt" "$dir/x.$fmt" 2>"$dir/export.err"; then
      fail "$name: export --format $fmt failed: $(cat "$dir/export.err")"
      return
    fi
    export_graph "$graph" "$fmt" "$dir/again.$fmt" 2>/dev/null
    diff -r "$dir/x.$fmt" "$dir/again.$fmt" >/dev/null ||
      fail "$name: two runs of --format $fmt differ"
  done
  if ! (cd "$kuzu_pkg" && node dump_kuzu.js kuzu "$dir/x.kuzu" "$dir/kuzu.json"); then
    fail "$name: Kuzu did not load the kuzu export"
  fi
  # Kuzu pastes the directory of IMPORT DATABASE into a "..." literal of its own, so a path
  # holding '"' or '\' cannot work (export/kuzu.h); this link's path has the other odd characters.
  local link="$work/$name import 'q', x=1"
  ln -s "$dir/x.kuzu" "$link"
  if ! (cd "$kuzu_pkg" && node dump_kuzu.js import "$link" "$dir/import.json"); then
    fail "$name: Kuzu did not IMPORT DATABASE the kuzu export"
  fi
  if ! (cd "$kuzu_pkg" && node dump_kuzu.js cypher "$dir/x.kuzu" "$dir/x.cypher" "$dir/cypher.json"); then
    fail "$name: Kuzu did not run the cypher export"
  fi
  if ! "$python" "$here/check_graphdb.py" "$graph" --neo4j "$dir/x.neo4j-csv" \
      --cypher "$dir/x.cypher" --kuzu-dump "$dir/kuzu.json" --kuzu-import-dump "$dir/import.json" \
      --cypher-dump "$dir/cypher.json"; then
    fail "$name: the exports disagree with $graph (see the FAIL lines above)"
  fi
}

for fixture in hostile graphdb_hostile; do
  [ -f "$CNKG_TEST_DATA_DIR/export/$fixture.json" ] || die "missing fixture $fixture.json"
  check_graph "$fixture" "$CNKG_TEST_DATA_DIR/export/$fixture.json"
done

examples="$CNKG_SOURCE_DIR/examples"
if [ -d "$examples" ] &&
    [ -n "$(find "$examples" -type f ! -name '*.sh' ! -path "$examples/out/*" -print -quit)" ]; then
  if "$cnkg" build "$examples" -o "$work/examples.json" 2>"$work/build.err"; then
    check_graph examples "$work/examples.json"
  else
    fail "cnkg build $examples failed: $(cat "$work/build.err")"
  fi
else
  echo "== examples: no documents under $examples, skipped"
fi

# ----- Bad output paths -----
echo "== bad output paths"
graph="$CNKG_TEST_DATA_DIR/export/hostile.json"
first_export=${exported[hostile]}/x
bad="$work/bad"
mkdir -p "$bad"

# expect_error WANT FORMAT OUT [--force]: the export must fail with WANT in its message.
expect_error() {
  local want=$1 err
  shift
  if err=$(export_graph "$graph" "$@" 2>&1 >/dev/null); then
    fail "export --format $1 -o $2 ${3:-} succeeded; expected: $want"
  elif ! grep -qF -- "$want" <<<"$err"; then
    fail "export --format $1 -o $2: message '$err' does not say '$want'"
  fi
}

for fmt in neo4j-csv kuzu; do
  out="$bad/$fmt"
  mkdir -p "$out"
  echo keep >"$out/notes.txt"
  expect_error "$out: directory is not empty (use --force to replace it)" "$fmt" "$out"
  expect_error "$out: not replacing a directory that holds 'notes.txt'" "$fmt" "$out" --force
  [ "$(cat "$out/notes.txt")" = keep ] || fail "$fmt: a refused export changed notes.txt"
  rm "$out/notes.txt"

  # An empty directory is used as it is; a second export needs --force and replaces the first.
  export_graph "$graph" "$fmt" "$out" 2>/dev/null || fail "$fmt: export into an empty directory failed"
  touch "$out/stale.csv"
  expect_error "$out: directory is not empty" "$fmt" "$out"
  [ -e "$out/stale.csv" ] || fail "$fmt: a refused export removed a file"
  if export_graph "$graph" "$fmt" "$out" --force 2>"$bad/err"; then
    [ ! -e "$out/stale.csv" ] || fail "$fmt: --force kept a file of the old export"
    diff -r "$out" "$first_export.$fmt" >/dev/null || fail "$fmt: --force export differs"
  else
    fail "$fmt: --force over a previous export failed: $(cat "$bad/err")"
  fi

  expect_error "/nonexistent-dir/out: cannot write: No such file or directory" "$fmt" \
    /nonexistent-dir/out
  echo file >"$bad/plain"
  expect_error "$bad/plain: exists and is not a directory" "$fmt" "$bad/plain"
  expect_error "$bad/plain/sub: cannot write: Not a directory" "$fmt" "$bad/plain/sub"
  ln -s "$out" "$bad/link"
  expect_error "$bad/link: is a symbolic link" "$fmt" "$bad/link" --force
  rm "$bad/link"
done
expect_error "unknown export format 'xml' (known: json, cnkg, graphml, dot, cypher, neo4j-csv, kuzu)" \
  xml "$bad/x"
[ -z "$(find "$work" -name pwned; find "$PWD" -maxdepth 1 -name pwned)" ] || fail "a script ran text from the export path"
leftovers=$(find "$bad" "$work" -maxdepth 1 -name '.*.tmp.*' -o -maxdepth 1 -name '.*.old.*')
[ -z "$leftovers" ] || fail "temporary directories left behind: $leftovers"

if [ "$status" -eq 0 ]; then
  echo "graphdb_test: neo4j-csv, cypher and kuzu exports (load.cypher and IMPORT DATABASE) load" \
    "in Python's csv module and Kuzu with every name byte-identical"
fi
exit "$status"
