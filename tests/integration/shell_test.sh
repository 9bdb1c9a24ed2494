#!/usr/bin/env bash
# cnkg shell, through standard input and through a pseudo-terminal (tmux).
#   bash shell_test.sh /path/to/cnkg
# Environment (set by CTest): CNKG_TEST_DATA_DIR, tests/data (queries/fixture.json is the graph).
# (1) Statements and commands piped in: results as `cnkg query` prints them, an error in the
#     middle that the next statement survives, the exit status, usage errors.
# (2) On a terminal (a detached tmux session on a private socket): the prompt, a statement over
#     two lines with the continuation prompt, a ':' command, an error that leaves the shell
#     usable, Ctrl-C abandoning a statement, :quit, and the history file.
# Exits 0 when every check passes; otherwise 1, with a line saying what failed.
set -uo pipefail

cnkg=${1:?usage: bash shell_test.sh /path/to/cnkg}
graph="${CNKG_TEST_DATA_DIR:?}/queries/fixture.json"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cnkg-shell.XXXXXX") || exit 1
sock="$tmp/tmux.sock"
cleanup() {
  [ -S "$sock" ] && tmux -S "$sock" kill-server 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
die() {
  echo "shell_test: FAIL: $*" >&2
  exit 1
}

# ---- (1) Standard input.
people='MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT 2'
orgs='MATCH (o:Organization) RETURN count(o) AS orgs'
{
  "$cnkg" query "$graph" "$people" --format csv
  "$cnkg" query "$graph" "$orgs" --format csv
} >"$tmp/want.out" || die "cnkg query failed"
"$cnkg" query "$graph" 'RETURN (' 2>"$tmp/want.err" && die "cnkg query accepted 'RETURN ('"
printf '%s\n' ':format csv' 'MATCH (p:Person)' 'RETURN p.name' 'ORDER BY p.name LIMIT 2;' \
  'RETURN (;' "$orgs;" | "$cnkg" shell "$graph" >"$tmp/got.out" 2>"$tmp/got.err"
rc=$?
[ "$rc" -eq 1 ] || die "piped session with an error: exit $rc, want 1"
cmp -s "$tmp/want.out" "$tmp/got.out" || die "piped results differ from cnkg query's: $(diff "$tmp/want.out" "$tmp/got.out")"
cmp -s "$tmp/want.err" "$tmp/got.err" || die "piped error differs from cnkg query's: $(diff "$tmp/want.err" "$tmp/got.err")"

# Every ':' command, parameters from the command line, a shortcut, and a last statement
# without ';'; all succeed, so the exit status is 0. Nothing after :quit runs.
out=$(printf '%s\n' ':help' ':schema' ':format json' ':format' ':param' ':param n=2' \
  ':param drop=1' ':param drop' ':param' ':timing on' 'RETURN $n * $m AS product;' ':timing' \
  'why "Sigrid Dahl" "Skerry Labs"' 'RETURN $m AS m' |
  "$cnkg" shell "$graph" --param m=21 2>"$tmp/err")
rc=$?
[ "$rc" -eq 0 ] || die "piped commands: exit $rc, want 0 ($(cat "$tmp/err"))"
for want in ':schema                 labels, relationship types' '  Person        6 nodes' \
  'json' 'm=21' 'n=2' '"product": 42' 'AFFILIATED_WITH' '"m": 21'; do
  grep -qF -- "$want" <<<"$out" || die "piped commands: no '$want' in: $out"
done
grep -qF 'drop=1' <<<"$out" && die ":param drop did not remove it: $out"
grep -Eq '^time: [0-9]+\.[0-9]{3} ms$' "$tmp/err" || die "no time line in: $(cat "$tmp/err")"
[ "$(grep -c '^time: ' "$tmp/err")" -eq 1 ] || die "want one time line: $(cat "$tmp/err")"
out=$(printf '%s\n' 'RETURN 1 AS one;' ':quit' 'RETURN 2 AS two;' | "$cnkg" shell "$graph" 2>&1)
rc=$?
[ "$rc" -eq 0 ] && grep -q one <<<"$out" && ! grep -q two <<<"$out" || die ":quit: exit $rc, $out"

# A binary graph file, read in place.
"$cnkg" export "$graph" --format cnkg -o "$tmp/g.cnkg" || die "cannot export $graph to .cnkg"
out=$(printf '%s\n' "$orgs;" | "$cnkg" shell "$tmp/g.cnkg" --format csv) || die ".cnkg: exit $?"
[ "$out" = "$("$cnkg" query "$graph" "$orgs" --format csv)" ] || die ".cnkg: got $out"

# Usage errors of the command itself.
check() {  # check EXIT_CODE "MESSAGE" -- command
  local code="$1" want="$2"
  shift 3
  local err rc=0
  err=$("$@" 2>&1 </dev/null >/dev/null) || rc=$?
  [ "$rc" -eq "$code" ] || die "exit $rc, want $code: $*"
  grep -qxF -- "$want" <<<"$err" || die "want '$want', got '$err'"
}
check 2 "cnkg: unknown output format 'xml' (known: table, json, csv)" -- "$cnkg" shell "$graph" --format xml
check 2 "cnkg: --param expects name=value, got 'oops'" -- "$cnkg" shell "$graph" --param oops
check 1 "cnkg: $tmp/none.json: no such file" -- "$cnkg" shell "$tmp/none.json"
"$cnkg" shell --help | grep -q 'exits 1 if any' || die "cnkg shell --help does not tell the exit status"

# ---- (2) A terminal, through tmux.
command -v tmux >/dev/null || die "tmux is missing (install tmux, see .ci/install-deps)"
mkdir -p "$tmp/home"
T() { tmux -S "$sock" -f /dev/null "$@"; }
screen() { T capture-pane -p -t shell -S -200; }
wait_for() {  # wait_for TEXT: until the screen shows TEXT (10 s at most)
  local i
  for i in $(seq 100); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  die "the terminal never showed '$1'; it shows:
$(screen)"
}
count() { screen | grep -cF -- "$1"; }
type_line() {  # type_line TEXT: types TEXT and Enter
  local text=$1
  # tmux reads an argument ending in ';' as the end of a command, unless it ends in '\;'.
  [[ $text == *';' ]] && text="${text%;}\\;"
  T send-keys -t shell -l "$text" && T send-keys -t shell Enter
}
T new-session -d -s shell -x 160 -y 50 \
  "env -u CNKG_HISTORY HOME='$tmp/home' '$cnkg' shell '$graph'; echo \$? >'$tmp/rc'; sleep 60" ||
  die "cannot start tmux"
wait_for 'cnkg>'
wait_for ':help for help'
type_line 'MATCH (p:Person)'
wait_for '  ...>'
type_line 'RETURN count(p) AS people;'
wait_for '(1 row)'
type_line ':format json'
type_line 'RETURN 7 AS seven;'
wait_for '"seven": 7'
type_line 'RETURN nope;'
wait_for "cnkg: line 1, column 8: unknown variable 'nope'"
type_line 'RETURN 8 AS eight;'
wait_for '"eight": 8'
# Ctrl-C drops the unfinished statement: what follows is a statement of its own (joined to
# 'RETURN 9 AS' it would be an error).
type_line 'RETURN 9 AS'
wait_for '  ...>'
prompts=$(count 'cnkg>')
T send-keys -t shell C-c
for i in $(seq 100); do [ "$(count 'cnkg>')" -gt "$prompts" ] && break; sleep 0.1; done
type_line 'RETURN 10 AS ten;'
wait_for '"ten": 10'
type_line ':quit'
for i in $(seq 100); do [ -s "$tmp/rc" ] && break; sleep 0.1; done
[ -s "$tmp/rc" ] || die ":quit did not end the shell:
$(screen)"
[ "$(cat "$tmp/rc")" = 0 ] || die "terminal session: exit $(cat "$tmp/rc"), want 0"
history="$tmp/home/.cnkg_history"
[ -s "$history" ] || die "no history in $history"
grep -q 'seven' "$history" || die "the history misses a statement: $(cat "$history")"
echo "shell: all checks passed"
