#!/usr/bin/env bash
# The test suite's fuzz replay: runs a fuzz target (linked with replay_main.cc) over its seeds
# and over every input a fuzzer found for it (fuzz/regressions/TARGET/).
#   bash fuzz/replay.sh TARGET_BINARY TARGET [CNKG_BINARY]
set -euo pipefail
binary="$1" target="$2" cnkg="${3:-}"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash "$here/seeds.sh" "$target" "$tmp" "$cnkg"
inputs=("$tmp")
[ -d "$here/regressions/$target" ] && inputs+=("$here/regressions/$target")
"$binary" "${inputs[@]}"
