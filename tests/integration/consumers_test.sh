#!/usr/bin/env bash
# End-to-end check of cnkg's exports with the programs people load them into.
#   bash consumers_test.sh /path/to/cnkg
# Environment (set by CTest, see tests/CMakeLists.txt):
#   CNKG_TEST_DATA_DIR  tests/data (holds export/hostile.json, a graph of hostile names)
#   CNKG_SOURCE_DIR     the source tree; if examples/ there holds documents, the graph that
#                       `cnkg build examples` makes of them is checked as well.
# For each graph: `cnkg stats --json`, `cnkg export` to json, graphml and dot, then
# check_consumers.py loads the results with networkx (node-link JSON and GraphML), igraph
# (GraphML) and Graphviz (`dot -Tsvg`, which must print nothing on stderr) and compares counts,
# names, labels, types and properties with the source graph.
# Exits 0 when every graph passes; otherwise 1, with a line saying what failed.
set -uo pipefail

cnkg=${1:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=/usr/bin/python3

fail() {
  echo "consumers_test: FAIL: $*" >&2
  status=1
}
die() {
  echo "consumers_test: FAIL: $*" >&2
  exit 1
}

[ -n "$cnkg" ] || die "usage: bash consumers_test.sh /path/to/cnkg"
[ -x "$cnkg" ] || die "'$cnkg' is not an executable cnkg binary"
[ -n "${CNKG_TEST_DATA_DIR:-}" ] || die "CNKG_TEST_DATA_DIR is not set"
[ -n "${CNKG_SOURCE_DIR:-}" ] || die "CNKG_SOURCE_DIR is not set"
[ -x "$python" ] || die "$python is missing (install python3)"
"$python" -c 'import networkx, igraph' 2>/dev/null ||
  die "$python cannot import networkx and igraph (install python3-networkx python3-igraph)"
command -v dot >/dev/null || die "Graphviz 'dot' is not on PATH (install graphviz)"

work=$(mktemp -d "${TMPDIR:-/tmp}/cnkg-consumers.XXXXXX") ||
  die "cannot create a temporary directory"
trap 'rm -rf "$work"' EXIT
status=0

# check_graph NAME GRAPH_JSON: exports GRAPH_JSON and runs the consumer checks on it.
check_graph() {
  local name=$1 graph=$2 dir="$work/$1" fmt
  mkdir -p "$dir"
  echo "== $name: $graph"
  if ! "$cnkg" stats "$graph" --json >"$dir/stats.json" 2>"$dir/stats.err"; then
    fail "$name: cnkg stats --json failed: $(cat "$dir/stats.err")"
    return
  fi
  for fmt in json graphml dot; do
    if ! "$cnkg" export "$graph" --format "$fmt" -o "$dir/x.$fmt" 2>"$dir/export.err"; then
      fail "$name: cnkg export --format $fmt failed: $(cat "$dir/export.err")"
      return
    fi
    if [ ! -s "$dir/x.$fmt" ]; then
      fail "$name: cnkg export --format $fmt wrote nothing"
      return
    fi
    # Exports are deterministic: a second run writes the same bytes.
    "$cnkg" export "$graph" --format "$fmt" -o "$dir/again.$fmt" 2>/dev/null
    cmp -s "$dir/x.$fmt" "$dir/again.$fmt" || fail "$name: two runs of --format $fmt differ"
  done
  if ! "$python" "$here/check_consumers.py" "$graph" "$dir/stats.json" \
      "$dir/x.json" "$dir/x.graphml" "$dir/x.dot"; then
    fail "$name: the consumers disagree with $graph (see the FAIL lines above)"
  fi
}

fixture="$CNKG_TEST_DATA_DIR/export/hostile.json"
[ -f "$fixture" ] || die "missing fixture $fixture"
check_graph hostile "$fixture"

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

if [ "$status" -eq 0 ]; then
  echo "consumers_test: all exports load in networkx, igraph and Graphviz"
fi
exit "$status"
