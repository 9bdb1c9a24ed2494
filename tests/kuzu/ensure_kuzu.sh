# Sourced by the tests that run Kuzu (and by tests/run.sh): makes sure the kuzu npm package in
# tests/kuzu loads, installing it with `npm ci` if not. An exclusive lock on tests/kuzu makes tests
# that run at the same time (ctest -j) wait for one install instead of running npm ci together.
#   ensure_kuzu DIR   -> 0 when kuzu loads; 2 when node or npm is missing; 1 when the install failed
ensure_kuzu() {
  local dir=$1
  command -v node >/dev/null && command -v npm >/dev/null || return 2
  (
    flock 9
    if ! (cd "$dir" && node -e 'require("kuzu")' 2>/dev/null); then
      echo "== installing kuzu with npm in $dir" >&2
      (cd "$dir" && npm ci --no-audit --no-fund >/dev/null) || exit 1
      (cd "$dir" && node -e 'require("kuzu")') || exit 1
    fi
  ) 9>"$dir/.install.lock"
}
