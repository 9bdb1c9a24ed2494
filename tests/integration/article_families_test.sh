#!/usr/bin/env bash
# The article and talk-list readers against hand annotations of the test documents of every
# family (tests/data/{article,talk_list}/gold/*.gold.json: what a careful reader takes from each
# document, in the shape of the corpus annotations). Every document must score at least 0.85 macro F1 (talks,
# presenters, affiliations, talk and document mentions) and the mean at least 0.93.
#   bash article_families_test.sh /path/to/cnkg
set -euo pipefail
cnkg="$1"
data_root="${CNKG_TEST_DATA_DIR:?}"
here="$(cd "$(dirname "$0")" && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
total=0
count=0
for gold in "$data_root"/article/gold/*.gold.json "$data_root"/talk_list/gold/*.gold.json; do
  base=$(basename "$gold" .gold.json)
  data=$(dirname "$(dirname "$gold")")
  doc=$(ls "$data/$base".* | grep -v '\.expected\.json$' | head -1)
  "$cnkg" build -q "$doc" -o "$tmp/g.json"
  line=$(/usr/bin/python3 "$here/gold_score.py" "$tmp/g.json" "$gold")
  macro=${line##*macro=}
  echo "$base $line"
  if /usr/bin/python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 0.85 else 1)" "$macro"; then :; else
    echo "FAIL: $base scores $macro (< 0.85)"
    /usr/bin/python3 "$here/gold_score.py" "$tmp/g.json" "$gold" --verbose >/dev/null || true
    fails=$((fails + 1))
  fi
  total=$(/usr/bin/python3 -c "import sys; print(float(sys.argv[1]) + float(sys.argv[2]))" "$total" "$macro")
  count=$((count + 1))
done
mean=$(/usr/bin/python3 -c "import sys; print(round(float(sys.argv[1]) / int(sys.argv[2]), 3))" "$total" "$count")
echo "mean macro F1 over $count documents: $mean"
[ "$count" -ge 20 ] || { echo "FAIL: only $count annotated documents"; fails=$((fails + 1)); }
/usr/bin/python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 0.93 else 1)" "$mean" ||
  { echo "FAIL: mean $mean < 0.93"; fails=$((fails + 1)); }
[ "$fails" -eq 0 ] || exit 1
echo "article families: all checks passed"
