#!/usr/bin/env bash
# A static-site blog keeps every post as index.md in a folder of its own: a folder of such posts
# builds into one graph, each post a document of its own, and rebuilding with one post edited
# replaces only that post's share.
#   bash blog_test.sh /path/to/cnkg
set -euo pipefail
cnkg="$1"
data="${CNKG_TEST_DATA_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$data/blog/posts" "$tmp/posts"
cd "$tmp"

summary() {  # documents, then talks with their speakers, one per line
  /usr/bin/python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
nodes = {n["id"]: n for n in d["nodes"]}
print("documents:", sorted(n["name"] for n in d["nodes"] if n["label"] == "Document"))
for n in sorted((n for n in d["nodes"] if n["label"] == "Talk"), key=lambda n: n["name"]):
    people = sorted(nodes[l["source"]]["name"] for l in d["links"]
                    if l["type"] == "PRESENTS" and l["target"] == n["id"])
    print(n["name"], people)
PY
}
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

"$cnkg" build -q posts -o all.json
out=$(summary all.json)
grep -qF "documents: ['posts/kcd-zurich-keda/index.md', 'posts/kubecon-picks/index.md', 'posts/platform-day/index.md']" <<<"$out" ||
  { echo "FAIL: three documents expected"; echo "$out"; exit 1; }
for want in "Scale to Zero Without Losing Sleep ['Jonas Frey', 'Mira Keller']" \
            "Tracing Without Tears ['Lea Brun', 'Omar Haddad']" \
            "Golden Paths With Backstage ['Eva Novak']"; do
  grep -qF "$want" <<<"$out" || { echo "FAIL: missing talk: $want"; echo "$out"; exit 1; }
done

# Edit one post and build it again into the graph: only its share changes.
sed -i 's/Tracing Without Tears/Tracing Without Fears/; s/Lea Brun/Lea Brunet/' posts/kubecon-picks/index.md
"$cnkg" build -q --graph all.json posts/kubecon-picks/index.md -o edited.json
"$cnkg" build -q posts -o fresh.json
same edited.json fresh.json
out=$(summary edited.json)
grep -qF "Tracing Without Fears ['Lea Brunet', 'Omar Haddad']" <<<"$out"
! grep -qF "Tracing Without Tears" <<<"$out"
! grep -qF "Lea Brun'" <<<"$out"
grep -qF "Golden Paths With Backstage ['Eva Novak']" <<<"$out"

# The whole folder again, from another working directory: the same documents are replaced.
mkdir elsewhere && cd elsewhere
"$cnkg" build -q --graph ../edited.json ../posts -o ../again.json
cd ..
same again.json fresh.json
echo "blog: all checks passed"
