#!/usr/bin/env bash
# Incremental builds equal full builds; rebuilding an edited document replaces only its share;
# cnkg why shows evidence from both documents.
#   bash incremental_test.sh /path/to/cnkg
set -euo pipefail
cnkg="$1"
src="${CNKG_SOURCE_DIR:?}"
data="${CNKG_TEST_DATA_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
a="$src/examples/schedules/harbour-cloud-summit-2026-day1.txt"
b="$data/schedule/basic.txt"
c="$data/schedule/spill.txt"

"$cnkg" build -q "$a" "$b" "$c" -o "$tmp/all.json"
"$cnkg" build -q "$a" -o "$tmp/a.json"
"$cnkg" build -q --graph "$tmp/a.json" "$b" "$c" -o "$tmp/inc.json"

same() {  # same node keys and relationships
  /usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
def load(p):
    d = json.load(open(p))
    return sorted(n["id"] for n in d["nodes"]), sorted((l["source"], l["target"], l["type"]) for l in d["links"])
x, y = load(sys.argv[1]), load(sys.argv[2])
if x != y:
    print("graphs differ:", set(x[0]) ^ set(y[0]), set(x[1]) ^ set(y[1]))
    sys.exit(1)
PY
}
same "$tmp/all.json" "$tmp/inc.json"
[ "$("$cnkg" stats "$tmp/all.json")" = "$("$cnkg" stats "$tmp/inc.json")" ]

# Edit A (a speaker renamed) in place and add it again: only A's share changes. A document is
# identified by its path as given, so A is built from a copy that is then edited.
mkdir "$tmp/edited"
cp "$a" "$tmp/edited/$(basename "$a")"
a_copy="$tmp/edited/$(basename "$a")"
"$cnkg" build -q "$a_copy" "$b" "$c" -o "$tmp/all.json"
sed -i 's/Tomasz Nowak/Kasia Nowak/' "$a_copy"
"$cnkg" build -q --graph "$tmp/all.json" "$a_copy" -o "$tmp/re.json"
"$cnkg" build -q "$a_copy" "$b" "$c" -o "$tmp/fresh.json"
same "$tmp/re.json" "$tmp/fresh.json"
! "$cnkg" why "$tmp/re.json" "Tomasz Nowak" >/dev/null 2>&1
"$cnkg" why "$tmp/re.json" "Kasia Nowak" | grep -q "Contoso Cloud"

# A person named in two documents is one node whose evidence cites both.
printf 'Second Day 2026#\nWednesday, March 25, 2026#\nRunning Kueue Again#\nTime: 9:00am CET - 9:30am CET\nSpeakers: Wen Li (Engineer, Contoso Cloud)\nType: AI + ML\n' > "$tmp/day2.txt"
"$cnkg" build -q "$a" "$tmp/day2.txt" -o "$tmp/two.json"
out=$("$cnkg" why "$tmp/two.json" "wen li")
grep -q "harbour-cloud-summit-2026-day1.txt" <<<"$out"
grep -q "day2.txt" <<<"$out"
"$cnkg" why "$tmp/two.json" "Wen Li" "Running Kueue Again" | grep -q 'Person "Wen Li" -\[PRESENTS\]-> Talk "Running Kueue Again"'

# Two inputs with the same file name are two documents; the same document given twice is an
# error.
mkdir -p "$tmp/x" "$tmp/y"
cp "$b" "$tmp/x/s.txt"; cp "$c" "$tmp/y/s.txt"
"$cnkg" build -q "$tmp/x/s.txt" "$tmp/y/s.txt" -o "$tmp/two-s.json"
[ "$(/usr/bin/python3 -c 'import json,sys; print(sum(n["label"] == "Document" for n in json.load(open(sys.argv[1]))["nodes"]))' "$tmp/two-s.json")" = 2 ]
err=$("$cnkg" build "$tmp/x/s.txt" "$tmp/x/./s.txt" -o "$tmp/dup.json" 2>&1 || true)
grep -qxF "cnkg: $tmp/x/./s.txt: another input is the same document '$tmp/x/s.txt' ($tmp/x/s.txt); give only one of them" <<<"$err"

# An alias file merges, and its errors name the spot.
printf 'Organization:\n  Contoso Cloud:\n    - Fabrikam\n' > "$tmp/aliases.yml"
"$cnkg" build -q --aliases "$tmp/aliases.yml" --explain-merges "$c" "$a" -o "$tmp/al.json" | grep -q 'Organization "Fabrikam" -> "Contoso Cloud"'
printf 'Planet:\n  Earth: [Terra]\n' > "$tmp/bad.yml"
err=$("$cnkg" build --aliases "$tmp/bad.yml" "$a" -o "$tmp/x.json" 2>&1 || true)
grep -qxF "cnkg: $tmp/bad.yml:1:1: unknown label 'Planet' (known: Event, Talk, Person, Organization, Project, Room, Track, Document, Category, forbid)" <<<"$err"
# A newer export of the same calendar replaces the old one's sessions.
cp "$CNKG_TEST_DATA_DIR/exports/ical_sched_unfolded_utc.ics" "$tmp/cal.ics"
"$cnkg" build -q "$tmp/cal.ics" -o "$tmp/cal.json"
sed -i 's/The Boring Parts/The Exciting Parts/' "$tmp/cal.ics"
"$cnkg" build -q "$tmp/cal.ics" --graph "$tmp/cal.json" -o "$tmp/cal2.json"
titles=$("$cnkg" query "$tmp/cal2.json" "MATCH (t:Talk) RETURN t.name ORDER BY t.name" --format csv | tr -d "\r")
grep -qxF "Postgres on Kubernetes - The Exciting Parts" <<<"$titles"
! grep -q "Boring" <<<"$titles"
[ "$(grep -c . <<<"$titles")" = 5 ]  # header + 4 sessions
echo "incremental: all checks passed"
