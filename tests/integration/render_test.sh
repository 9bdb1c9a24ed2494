#!/usr/bin/env bash
# cnkg render writes real images through Graphviz, and its errors are clear.
#   bash render_test.sh /path/to/cnkg
set -euo pipefail
cnkg="$1"
src="${CNKG_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cnkg" build -q "$src/examples/schedules" "$src/examples/articles" -o "$tmp/g.json"
"$cnkg" render "$tmp/g.json" -o "$tmp/all.svg"
grep -q '<svg' "$tmp/all.svg"
"$cnkg" render "$tmp/g.json" --around Kueue -o "$tmp/kueue.png"
/usr/bin/python3 - "$tmp/kueue.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width == 1600, width
PY
"$cnkg" render "$tmp/g.json" --around Kueue --cluster-by label --edge-labels --layout fdp -o "$tmp/k.pdf"
head -c 4 "$tmp/k.pdf" | grep -q '%PDF'
check() {  # check EXIT_CODE "MESSAGE" -- command
  local code="$1" want="$2"; shift 3
  local err rc=0
  err=$("$@" 2>&1 >/dev/null) || rc=$?
  [ "$rc" -eq "$code" ] || { echo "FAIL: exit $rc, want $code: $*"; exit 1; }
  grep -qxF -- "$want" <<<"$err" || { echo "FAIL: want '$want', got '$err'"; exit 1; }
}
check 1 "cnkg: no node named 'Kueu' (did you mean: Kueue; Scheduling Batch and AI Jobs Side by Side With Kueue and Volcano?)" -- "$cnkg" render "$tmp/g.json" --around Kueu -o "$tmp/x.svg"
check 2 "cnkg: render: the output name must end in .svg, .png or .pdf: $tmp/x.gif" -- "$cnkg" render "$tmp/g.json" -o "$tmp/x.gif"
check 2 "cnkg: unknown layout 'spring' (known: dot, neato, fdp, sfdp, circo)" -- "$cnkg" render "$tmp/g.json" --layout spring -o "$tmp/x.svg"
check 2 "cnkg: render: unknown --cluster-by 'planet' (known: none, label, category)" -- "$cnkg" render "$tmp/g.json" --cluster-by planet -o "$tmp/x.svg"

# --query: only what the query returns, in a map and in every export format.
q='MATCH (t:Talk)-[r:MENTIONS]->(k:Project) WHERE k.name IN $names RETURN t, r, k'
"$cnkg" render "$tmp/g.json" --query "$q" --param 'names=["Kueue","Volcano"]' -o "$tmp/q.svg"
grep -q '>Kueue<' "$tmp/q.svg"
"$cnkg" export "$tmp/g.json" --format json --query "$q" --param 'names=["Kueue"]' -o "$tmp/q.json"
/usr/bin/python3 - "$tmp/q.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
labels = sorted({n["label"] for n in g["nodes"]})
assert labels == ["Project", "Talk"], labels
assert all(l["type"] == "MENTIONS" for l in g["links"]), g["links"]
assert sum(1 for n in g["nodes"] if n["label"] == "Project") == 1
assert len(g["links"]) == len(g["nodes"]) - 1
PY
"$cnkg" export "$tmp/g.json" --format kuzu --query "MATCH p = (:Person)-[:PRESENTS]->(:Talk) RETURN p" -o "$tmp/qk"
[ -s "$tmp/qk/PRESENTS_Person_Talk.csv" ] && [ ! -e "$tmp/qk/MENTIONS_Talk_Project.csv" ]
printf 'keep\n' > "$tmp/kept.json"
check 1 "cnkg: --query: the query returned no nodes, relationships or paths (columns: t.name); return them, as in MATCH p = (a)-[r]->(b) RETURN a, r, b or RETURN p" -- "$cnkg" export "$tmp/g.json" --format json --query "MATCH (t:Talk) RETURN t.name" -o "$tmp/kept.json"
check 1 "cnkg: --query: the query matched nothing, so there is no graph to show" -- "$cnkg" render "$tmp/g.json" --query "MATCH (t:Talk {name: 'no such talk'}) RETURN t" -o "$tmp/kept.svg"
grep -qx keep "$tmp/kept.json" && [ ! -e "$tmp/kept.svg" ]
check 2 "--query excludes --around" -- "$cnkg" export "$tmp/g.json" --format json --query "MATCH (t) RETURN t" --around Kueue -o "$tmp/x.json"
check 2 "--param requires --query" -- "$cnkg" render "$tmp/g.json" --param a=1 -o "$tmp/x.svg"
echo "render: all checks passed"
