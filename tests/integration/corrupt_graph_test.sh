#!/usr/bin/env bash
# A binary graph file damaged in any section: the command that reads the damaged part fails with
# one line naming the byte where the damaged block starts, exit status 1, and nothing on stdout;
# `cnkg shell` reports it for the statement that meets it and goes on. Invented documents only.
#   bash tests/integration/corrupt_graph_test.sh path/to/cnkg
set -euo pipefail
cnkg="$(realpath "$1")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Enough talks for every section to be read through more than one 4 KiB block.
{
  echo "Invented Conf 2026#"
  echo "Monday, March 2, 2026#"
  for i in $(seq 1 150); do
    echo "Talk number $i about Kubernetes and Prometheus#"
    echo "Time: 10:00 - 10:30"
    echo "Speakers: Person$i Example, Org$((i % 17)) Inc; Person$((i + 1)) Example, Org$((i % 5)) Labs"
    echo
  done
} > "$tmp/conf.txt"
"$cnkg" build -q "$tmp/conf.txt" -o "$tmp/g.cnkg"

python3 - "$cnkg" "$tmp" <<'PY'
import os, struct, subprocess, sys
cnkg, tmp = sys.argv[1], sys.argv[2]
good = open(os.path.join(tmp, "g.cnkg"), "rb").read()
# Header: magic, file size, four counts, then (offset, size) per section (binary_layout.h).
names = ["labels", "nodes", "types", "rels", "out_offsets", "out_adjacent", "in_offsets",
         "in_adjacent", "label_offsets", "label_nodes", "key_order", "name_order", "folded",
         "documents", "edge_order", "schema", "records", "heap", "checksums"]
sections = {n: struct.unpack_from("<QQ", good, 48 + 16 * i) for i, n in enumerate(names)}
sums_at = sections["checksums"][0]
g = os.path.join(tmp, "bad.cnkg")
# Which command reads each section: a query over every node, relationship, property and piece of
# evidence, in both directions; a label scan; a key, a name and a folded-name lookup; a whole
# export (which checks the edge order).
everything = ["query", g, "MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m", "--format", "json"]
incoming = ["query", g, "MATCH (n)<-[r]-(m) RETURN count(*)"]
readers = {
    "labels": everything, "nodes": everything, "types": everything, "rels": everything,
    "out_offsets": everything, "out_adjacent": everything, "in_offsets": incoming,
    "in_adjacent": incoming, "records": everything, "heap": everything, "documents": everything,
    "label_offsets": ["query", g, "MATCH (t:Talk) RETURN count(*)"],
    "label_nodes": ["query", g, "MATCH (t:Talk) RETURN count(*)"],
    "key_order": ["query", g, "MATCH (n {key: 'zzz'}) RETURN n"],
    "name_order": ["query", g, "MATCH (n {name: 'zzz'}) RETURN n"],
    "folded": ["neighbors", g, "Org3 Inc"],
    "edge_order": ["export", g, "--format", "json", "-o", os.path.join(tmp, "out.json")],
    "schema": ["query", g, "RETURN 1"],
}
fails = 0
for name, argv in readers.items():
    offset, size = sections[name]
    if size == 0:
        print(f"FAIL: section {name} is empty in the test graph"); fails += 1; continue
    at = offset + size // 2
    bad = bytearray(good)
    bad[at] ^= 0x20
    open(g, "wb").write(bad)
    block = at // 4096 * 4096
    want = (f"cnkg: {g}: corrupt binary graph file at byte {block}: the "
            f"{min(4096, sums_at - block)} bytes from here do not match their checksum (the file "
            f"was changed or damaged after cnkg wrote it)")
    p = subprocess.run([cnkg] + argv, capture_output=True, text=True)
    if p.returncode != 1 or p.stderr != want + "\n" or p.stdout != "":
        print(f"FAIL: {name} (byte {at}): {argv[0]} exit {p.returncode}\n  want: {want}\n"
              f"  got: {p.stderr!r}\n  stdout: {p.stdout[:200]!r}")
        fails += 1
    if os.path.exists(os.path.join(tmp, "out.json")):
        print("FAIL: export wrote its output despite the damage"); fails += 1
# Truncated anywhere: refused at open, naming where the file ends.
for cut in (8, 100, len(good) // 2, len(good) - 1):
    open(g, "wb").write(good[:cut])
    p = subprocess.run([cnkg, "query", g, "RETURN 1"], capture_output=True, text=True)
    if p.returncode != 1 or "corrupt binary graph file at byte" not in p.stderr or \
            p.stderr.count("\n") != 1:
        print(f"FAIL: truncated to {cut}: exit {p.returncode} {p.stderr!r}"); fails += 1
# The shell: a statement that meets the damage fails, one that does not still answers.
offset, size = sections["heap"]
bad = bytearray(good)
bad[offset + size - 10] ^= 0x20
open(g, "wb").write(bad)
p = subprocess.run([cnkg, "shell", g], input="RETURN 1;\nMATCH (n) RETURN n.name;\n:help\n",
                   capture_output=True, text=True)
if p.returncode != 1 or "do not match their checksum" not in p.stderr or \
        "1" not in p.stdout or ":schema" not in p.stdout:
    print(f"FAIL: shell on a damaged graph: exit {p.returncode} {p.stderr!r} {p.stdout[:200]!r}")
    fails += 1
if fails:
    sys.exit(f"{fails} failure(s)")
print("corrupt graph files: all checks passed")
PY
