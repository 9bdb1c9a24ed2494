#!/usr/bin/env bash
# The landscape import: categories, projects, members, BACKED_BY, warnings, and merging with
# talk mentions.
#   bash landscape_test.sh /path/to/cnkg
set -euo pipefail
cnkg="$1"
data="${CNKG_TEST_DATA_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
err=$("$cnkg" build --landscape "$data/landscape/small.yml" -o "$tmp/l.json" 2>&1)
grep -q "small.yml:17:.*has no name; skipped" <<<"$err" || { echo "FAIL: no warning for the nameless item: $err"; exit 1; }
/usr/bin/python3 - "$tmp/l.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
nodes = {n["id"]: n for n in g["nodes"]}
links = {(l["source"], l["type"], l["target"]) for l in g["links"]}
cats = [n for n in g["nodes"] if n["label"] == "Category"]
assert len(cats) == 7, [c["name"] for c in cats]  # 3 categories + 4 subcategories ("Runtime" twice)
assert sum(1 for c in cats if c["name"] == "Runtime") == 2
h = nodes["project:harbourd"]
assert h["maturity"] == "sandbox" and h["cncf"] is True and h["repo"].endswith("harbourd")
assert "unknown_field" not in h
t = nodes["project:tugboat"]
assert "TB" in t["aliases"] and t["accepted"] == "2019-01-01" and t["maturity"] == "graduated"
org = nodes["org:contoso-cloud"]
assert org["cncf_member"] == "Gold", org
assert ("project:harbourd", "BACKED_BY", "org:contoso-cloud") in links
assert ("project:harbourd", "IN_CATEGORY", "category:orchestration-and-management-scheduling-and-orchestration") in links
assert ("category:runtime-container-runtime", "IN_CATEGORY", "category:runtime") in links
PY
printf 'Harbour Summit 2026#\nTuesday, March 24, 2026#\nRunning Tugboat and Harbourd#\nTime: 9:00am CET - 9:30am CET\nSpeakers: Ada Lovelace (Engineer, Contoso Cloud)\nDescription: We run Tugboat everywhere.\n' > "$tmp/s.txt"
"$cnkg" stats "$tmp/l.json" | grep -qE "^  graduated +1$"
echo "landscape: all checks passed"
