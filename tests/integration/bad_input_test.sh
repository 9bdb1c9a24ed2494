#!/usr/bin/env bash
# Bad input never crashes and never loses data: one-line messages naming file and line, a
# non-zero exit, and an existing output file left intact.
#   bash bad_input_test.sh /path/to/cnkg
set -uo pipefail
cnkg="$1"
data="${CNKG_TEST_DATA_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# expect CODE "STDERR LINE" -- command...
expect() {
  local code="$1" want="$2"; shift 3
  local got_err got_code
  got_err=$("$@" 2>&1 >/dev/null)
  got_code=$?
  if [ "$got_code" -ne "$code" ]; then
    echo "FAIL: exit $got_code, want $code: $*"; echo "$got_err"; fails=$((fails + 1)); return
  fi
  if [ -n "$want" ] && ! grep -qxF -- "$want" <<<"$got_err"; then
    echo "FAIL: missing stderr line: $want"; echo "  command: $*"; echo "  got:"; sed 's/^/    /' <<<"$got_err"
    fails=$((fails + 1))
  fi
}

good="$data/schedule/basic.txt"
printf '' > "$tmp/empty.txt"
printf 'PK\003\004\000\000binary' > "$tmp/binary.txt"
printf 'Title#\nTime: 9:00am EST - 9:30am EST\nDescription: caf\xe9\n' > "$tmp/latin1.txt"
printf 'Just prose.\nNo sessions at all.\n' > "$tmp/prose.txt"
printf 'def walk(root):\n    return root\nx = 1\ny = walk(x)\n' > "$tmp/code.py"
echo '{"keep": "me"}' > "$tmp/out.json"

expect 1 "cnkg: $tmp/missing.txt: no such file or directory" -- "$cnkg" build "$tmp/missing.txt" -o "$tmp/out.json"
expect 1 "cnkg: $tmp/empty.txt: empty document" -- "$cnkg" build "$tmp/empty.txt" -o "$tmp/out.json"
expect 1 "cnkg: $tmp/binary.txt: binary file (contains NUL bytes), not a text document" -- "$cnkg" build "$tmp/binary.txt" -o "$tmp/out.json"
expect 0 "$tmp/latin1.txt:3:17: warning: not valid UTF-8; bytes that are not UTF-8 were read as Windows-1252" -- "$cnkg" build "$tmp/latin1.txt" -o "$tmp/latin1.json"
expect 1 "cnkg: $tmp/code.py: not a document cnkg reads (formats: schedule, article, talk-list, landscape, ical, sessionize, pretalx, sched-json; see cnkg build --help); use --format to force one" -- "$cnkg" build "$tmp/code.py" -o "$tmp/out.json"
# A readable text file is an article, even with nothing in it: a warning, and the graph is written.
expect 0 "$tmp/prose.txt: warning: no talks, events or project mentions found in the article" -- "$cnkg" build "$tmp/prose.txt" -o "$tmp/prose.json"
expect 1 "cnkg: $tmp/prose.txt: no sessions found (a schedule has 'Title#' lines followed by 'Time:', 'Speakers:', 'Venue:', 'Type:' or 'Description:' lines)" -- "$cnkg" build --format schedule "$tmp/prose.txt" -o "$tmp/out.json"
expect 1 "cnkg: not writing $tmp/out.json because of the errors above (use --keep-going to write the graph of the documents that could be read)" -- "$cnkg" build "$good" "$tmp/binary.txt" -o "$tmp/out.json"
if [ "$(cat "$tmp/out.json")" != '{"keep": "me"}' ]; then echo "FAIL: existing output was modified"; fails=$((fails + 1)); fi

# --keep-going writes the readable documents and still exits 1.
expect 1 "" -- "$cnkg" build --keep-going "$good" "$tmp/binary.txt" -o "$tmp/kept.json"
[ -s "$tmp/kept.json" ] || { echo "FAIL: --keep-going wrote nothing"; fails=$((fails + 1)); }

# A folder holding binaries and code: those are skipped with warnings, the schedule builds.
mkdir -p "$tmp/folder/sub"
cp "$good" "$tmp/folder/sub/"
cp "$tmp/binary.txt" "$tmp/code.py" "$tmp/folder/"
expect 0 "cnkg: warning: $tmp/folder/binary.txt: binary file (contains NUL bytes), not a text document (skipped)" -- "$cnkg" build "$tmp/folder" -o "$tmp/folder.json"
[ -s "$tmp/folder.json" ] || { echo "FAIL: folder build wrote nothing"; fails=$((fails + 1)); }

# A schedule export forced through the talk-list reader is named, not half-read.
printf '{"sessions": [{"id": "1", "title": "A Talk"}], "speakers": [], "rooms": []}\n' > "$tmp/sessionize.json"
expect 1 "cnkg: $tmp/sessionize.json: a Sessionize JSON export, not a talk list (leave out --format to read it)" -- "$cnkg" build --format talk-list "$tmp/sessionize.json" -o "$tmp/out.json"
# Broken schedule exports: one line naming the file and line; an existing graph is left intact.
printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Intro\r\n' > "$tmp/cut.ics"
echo '{"keep": true}' > "$tmp/keep.json"
expect 1 "cnkg: $tmp/cut.ics:3: the calendar ends inside the VEVENT of line 2 (truncated? expected END:VEVENT and END:VCALENDAR)" -- "$cnkg" build "$tmp/cut.ics" -o "$tmp/keep.json"
grep -q '"keep": true' "$tmp/keep.json" || { echo "FAIL: keep.json was overwritten"; fails=$((fails + 1)); }
printf '{"sessions": "none", "speakers": [], "rooms": []}' > "$tmp/wrong.json"
expect 1 "cnkg: $tmp/wrong.json: 'sessions' is a string, expected an array (a Sessionize export)" -- "$cnkg" build "$tmp/wrong.json" -o "$tmp/keep.json"
expect 2 "cnkg: unknown time zone 'Mars/Base' for --timezone (give an IANA name such as Europe/Berlin or America/New_York)" -- "$cnkg" build "$good" --timezone Mars/Base -o "$tmp/keep.json"
grep -q '"keep": true' "$tmp/keep.json" || { echo "FAIL: keep.json was overwritten"; fails=$((fails + 1)); }
# -j takes a number of threads; anything else is a usage error and nothing is written.
expect 2 "--jobs: '-1' is not a number of threads (0 for one per core)" -- "$cnkg" build "$good" -j -1 -o "$tmp/keep.json"
expect 2 "--jobs: 'many' is not a number of threads (0 for one per core)" -- "$cnkg" build "$good" --jobs many -o "$tmp/keep.json"
grep -q '"keep": true' "$tmp/keep.json" || { echo "FAIL: keep.json was overwritten"; fails=$((fails + 1)); }
# The graph and the messages are the same whatever -j is; no progress line when stderr is not a
# terminal.
mkdir -p "$tmp/many"
cp "$data"/schedule/*.txt "$data"/exports/* "$tmp/empty.txt" "$tmp/code.py" "$tmp/many/"
for j in 1 2 5; do
  "$cnkg" build "$tmp/many" -j "$j" --keep-going -o "$tmp/many-$j.cnkg" 2> "$tmp/many-$j.err"
done
for j in 2 5; do
  cmp -s "$tmp/many-1.cnkg" "$tmp/many-$j.cnkg" || { echo "FAIL: -j $j graph differs from -j 1"; fails=$((fails + 1)); }
  sed "s/many-$j/many-1/" "$tmp/many-$j.err" | cmp -s "$tmp/many-1.err" - || { echo "FAIL: -j $j messages differ from -j 1"; diff "$tmp/many-1.err" "$tmp/many-$j.err"; fails=$((fails + 1)); }
done
if grep -q " documents, .* MB/s" "$tmp/many-1.err"; then echo "FAIL: progress printed to a file"; fails=$((fails + 1)); fi
# A schedule export in a folder is read like any other document.
mkdir -p "$tmp/exports"
cp "$good" "$data/exports/ical_sched_unfolded_utc.ics" "$tmp/exports/"
expect 0 "" -- "$cnkg" build "$tmp/exports" -o "$tmp/exports.json"
grep -q '"format": *"ical"' "$tmp/exports.json" || { echo "FAIL: the calendar in a folder was not read"; fails=$((fails + 1)); }
# A warning repeated in one document is printed three times, then counted; --verbose prints all.
{ printf 'Event 2026#\nTuesday, March 24, 2026#\n'; for i in 1 2 3 4 5 6; do printf 'Talk %s#\nTime: 9:00am XYZ - 9:30am XYZ\n' "$i"; done; } > "$tmp/repeat.txt"
expect 0 "cnkg: warning: $tmp/repeat.txt: … and 3 more warnings like \"unknown time zone 'XYZ'; times kept without a UTC offset\" (--verbose prints them all)" -- "$cnkg" build "$tmp/repeat.txt" -o "$tmp/repeat.json"
n=$("$cnkg" build --verbose "$tmp/repeat.txt" -o "$tmp/repeat.json" 2>&1 | grep -c "unknown time zone")
[ "$n" = 6 ] || { echo "FAIL: --verbose printed $n of 6 warnings"; fails=$((fails + 1)); }
# A talk list that is not valid YAML is read line by line, with one warning naming the line.
printf -- '- title: Kyverno: Policies\n  speakers: Ana Silva\n- title: Argo CD: Sync Waves\n  speakers: Bo Li\n' > "$tmp/talks.yaml"
expect 0 "$tmp/talks.yaml:1: warning: not valid YAML (illegal map value); read as key: value records" -- "$cnkg" build "$tmp/talks.yaml" -o "$tmp/talks.json"

# Warnings name file and line; the rest of the document is used.
expect 0 "$data/schedule/warnings.txt:4: warning: unknown time zone 'XYZ'; times kept without a UTC offset" -- "$cnkg" build "$data/schedule/warnings.txt" -o "$tmp/w.json"
expect 0 "$data/schedule/warnings.txt:8: warning: session 'Title Without Fields' has no Time, Speakers, Venue, Type or Description line; skipped" -- "$cnkg" build "$data/schedule/warnings.txt" -o "$tmp/w.json"

# Unwritable output, unknown formats, bad graph files.
expect 1 "cnkg: /nonexistent-dir/out.json: cannot write: No such file or directory" -- "$cnkg" build "$good" -o /nonexistent-dir/out.json
expect 2 "cnkg: unknown document format 'pdf' (known: schedule, article, talk-list, landscape, ical, sessionize, pretalx, sched-json)" -- "$cnkg" build --format pdf "$good" -o "$tmp/x.json"
"$cnkg" build "$good" -o "$tmp/g.json" 2>/dev/null
expect 2 "cnkg: unknown export format 'xml' (known: json, cnkg, graphml, dot, cypher, neo4j-csv, kuzu)" -- "$cnkg" export "$tmp/g.json" --format xml -o "$tmp/x.xml"
printf '{\n "nodes": [\n  {,}\n ]\n}\n' > "$tmp/bad.json"
expect 1 "cnkg: $tmp/bad.json:3:4: not a graph file: invalid JSON" -- "$cnkg" stats "$tmp/bad.json"
expect 1 "cnkg: $tmp/none.json: no such file" -- "$cnkg" stats "$tmp/none.json"
# The binary graph file: the same graph as the JSON one; a damaged one is an error naming the byte.
"$cnkg" build "$good" -o "$tmp/g.cnkg" 2>/dev/null
cmp -s <("$cnkg" export "$tmp/g.cnkg" --format json -o -) "$tmp/g.json" ||
  { echo "FAIL: the .cnkg graph differs from the JSON graph"; fails=$((fails + 1)); }
size=$(stat -c %s "$tmp/g.cnkg")
head -c $((size - 2)) "$tmp/g.cnkg" > "$tmp/cut.cnkg"
expect 1 "cnkg: $tmp/cut.cnkg: corrupt binary graph file at byte $((size - 2)): the file ends early (truncated?)" -- "$cnkg" query "$tmp/cut.cnkg" "MATCH (n) RETURN count(*)"
expect 1 "cnkg: $tmp/cut.cnkg: corrupt binary graph file at byte $((size - 2)): the file ends early (truncated?)" -- "$cnkg" stats "$tmp/cut.cnkg"
# A graph file whose strings are not UTF-8 is refused before any writer (JSON, a terminal) sees
# them: "Zoë" with its second byte replaced.
printf 'Conf 2026#\nMonday, March 2, 2026#\nA Talk#\nTime: 10:00 - 10:30\nSpeakers: Zo\xc3\xab Quux, Acme\n' > "$tmp/zoe.txt"
"$cnkg" build "$tmp/zoe.txt" -o "$tmp/zoe.cnkg" 2>/dev/null
at=$(LC_ALL=C grep -obUaP 'Zo\xc3\xab' "$tmp/zoe.cnkg" | head -1 | cut -d: -f1)
LC_ALL=C sed 's/Zo\xc3\xab/Zo\xc3A/g' "$tmp/zoe.cnkg" > "$tmp/notutf8.cnkg"
# The edit breaks the checksum of the file's only block (byte 0 on), which the first read meets;
# the UTF-8 check itself, for a file written wrong with matching checksums, is a unit test.
size=$(stat -c %s "$tmp/zoe.cnkg")
blocks=$(( (size + 4096 + 7) / (4096 + 8) ))
sum_at=$(( size - 8 * blocks ))
damaged="cnkg: $tmp/notutf8.cnkg: corrupt binary graph file at byte 0: the $sum_at bytes from here do not match their checksum (the file was changed or damaged after cnkg wrote it)"
[ "$at" -gt 0 ] || { echo "FAIL: no name to damage"; fails=$((fails + 1)); }
expect 1 "$damaged" -- "$cnkg" export "$tmp/notutf8.cnkg" --format json -o "$tmp/nu.json"
[ ! -e "$tmp/nu.json" ] || { echo "FAIL: output written despite error"; fails=$((fails + 1)); }
expect 1 "$damaged" -- "$cnkg" query "$tmp/notutf8.cnkg" "MATCH (p:Person) RETURN p.name" --format json
{ printf 'CNKGBIN\001'; tail -c +9 "$tmp/g.cnkg"; } > "$tmp/old.cnkg"
expect 1 "cnkg: $tmp/old.cnkg: a binary graph file of format 1, which this cnkg does not read (it reads format 3); build the graph again with this cnkg" -- "$cnkg" query "$tmp/old.cnkg" "RETURN 1"
echo '{"nodes": [{"id": "x", "label": "Planet"}]}' > "$tmp/planet.json"
expect 1 "cnkg: $tmp/planet.json: node 0 ('x') has unknown label 'Planet'" -- "$cnkg" export "$tmp/planet.json" --format dot -o "$tmp/p.dot"
[ ! -e "$tmp/p.dot" ] || { echo "FAIL: output written despite error"; fails=$((fails + 1)); }
expect 2 "" -- "$cnkg" build
expect 2 "" -- "$cnkg" frobnicate

# cnkg runs cnkg-full for the commands it does not have; without it, it says so.
mkdir -p "$tmp/alone"
cp "$cnkg" "$tmp/alone/cnkg"
expect 1 "cnkg: cannot run $tmp/alone/cnkg-full: No such file or directory (build, export and render need cnkg-full beside cnkg)" -- "$tmp/alone/cnkg" build "$tmp/zoe.txt" -o "$tmp/alone/g.json"
# ... while the commands over a binary graph file need nothing else.
expect 0 "" -- "$tmp/alone/cnkg" query "$tmp/zoe.cnkg" "RETURN 1"

# --help works on every command.
for c in "" build stats export; do
  "$cnkg" $c --help >/dev/null 2>&1 || { echo "FAIL: cnkg $c --help"; fails=$((fails + 1)); }
done

if [ "$fails" -ne 0 ]; then echo "$fails failure(s)"; exit 1; fi
echo "bad input: all checks passed"
