#!/usr/bin/env bash
# The main job on the bundled examples: installs what is needed, builds cnkg, builds the graph
# of every document under examples/, prints its statistics and exports it.
#   bash examples/run.sh            (outputs go to examples/out/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/install-deps
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build -j "$(nproc 2>/dev/null || echo 2)" cnkg
out=examples/out
mkdir -p "$out"
./build/cnkg build examples/schedules examples/articles -o "$out/graph.json"
./build/cnkg stats "$out/graph.json"
./build/cnkg export "$out/graph.json" --format graphml -o "$out/graph.graphml"
./build/cnkg export "$out/graph.json" --format dot -o "$out/graph.dot"
echo "wrote $out/graph.json, $out/graph.graphml and $out/graph.dot"
