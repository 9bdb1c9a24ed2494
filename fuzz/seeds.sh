#!/usr/bin/env bash
# Puts the seed inputs of one fuzz target into a directory: the project's test documents of the
# target's format (never the .expected.json answers) and the target's own seeds in
# fuzz/seeds/TARGET/. The build target's seeds start with the byte that picks the file name.
#   bash fuzz/seeds.sh TARGET OUT_DIR [CNKG_BINARY]
# TARGET is a name without "_fuzz" (schedule_text, query, ...). CNKG_BINARY, when given, builds
# the binary_graph target's seed graph files.
set -euo pipefail
target="$1" out="$2" cnkg="${3:-}"
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/tests/data"
mkdir -p "$out"

add() {  # copies the files that exist, skipping expected answers
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    case "$f" in *.expected.json | *.expected) continue ;; esac
    cp "$f" "$out/$(basename "$(dirname "$f")")_$(basename "$f")"
  done
}

documents() {  # the test documents of every format, for the build target
  add "$data"/schedule/*.txt "$data"/article/*.txt "$data"/article/*.md "$data"/talk_list/*
  add "$data"/exports/* "$data"/landscape/*.yml "$root"/examples/schedules/* "$root"/examples/articles/*
}

case "$target" in
  schedule_text) add "$data"/schedule/*.txt "$data"/queries/*.txt "$root"/examples/schedules/*.txt ;;
  article_text) add "$data"/article/*.txt ;;
  article_markdown) add "$data"/article/*.md "$data"/exports/*.md "$root"/examples/articles/* ;;
  talk_list) add "$data"/talk_list/* ;;
  landscape) add "$data"/landscape/*.yml ;;
  ical) add "$data"/exports/*.ics "$root"/examples/schedules/*.ics ;;
  sessionize) add "$data"/exports/sessionize_*.json ;;
  pretalx_json) add "$data"/exports/pretalx_*.json ;;
  pretalx_xml) add "$data"/exports/*.xml ;;
  sched_json) add "$data"/exports/schedjson_*.json ;;
  alias_file) ;;
  node_link) add "$data"/export/*.json "$data"/queries/*.json ;;
  binary_graph)
    if [ -n "$cnkg" ]; then
      "$cnkg" build -q "$data/schedule/basic.txt" -o "$out/basic.cnkg" || true
      "$cnkg" export "$data/queries/fixture.json" --format cnkg -o "$out/fixture.cnkg" || true
    fi ;;
  query) add "$data"/queries/*.cypher "$data"/kuzu_compare/*.cypher ;;
  build)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    out_final="$out"
    out="$tmp"
    documents
    # The byte's index in build_fuzz.cc's file names: txt md json yaml ics xml landscape.yml none.
    for f in "$tmp"/*; do
      case "$f" in
        *.txt) b=0 ;; *.md) b=1 ;; *.json) b=2 ;; *.yaml | *.yml) b=3 ;; *.ics) b=4 ;; *.xml) b=5 ;;
        *) b=7 ;;
      esac
      [[ "$f" == */landscape_* ]] && b=6
      { printf "\\x0$b"; cat "$f"; } > "$out_final/$(basename "$f")"
    done ;;
  *) echo "seeds.sh: unknown target '$target'" >&2; exit 2 ;;
esac
if [ -d "$root/fuzz/seeds/$target" ]; then
  for f in "$root/fuzz/seeds/$target"/*; do [ -f "$f" ] && cp "$f" "${out_final:-$out}/own_$(basename "$f")"; done
fi
exit 0
