#!/usr/bin/env bash
# The test command: installs what is needed, builds cnkg and runs every test twice — in a
# release build and in an AddressSanitizer + UndefinedBehaviorSanitizer build — then one
# parallel build of the test documents under ThreadSanitizer, then every fuzz target for a
# bounded time (CNKG_FUZZ_SECONDS each, default 20; 0 skips them).
#   bash tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash .ci/install-deps
jobs=$(nproc 2>/dev/null || echo 2)
# Kuzu (npm) for the graph-database tests, installed once before the tests run in parallel.
source tests/kuzu/ensure_kuzu.sh
ensure_kuzu "$root/tests/kuzu" || echo "== Kuzu is not available; the tests that need it will say so"

echo "== release build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCNKG_WERROR=ON >/dev/null
ninja -C build -j "$jobs"
(cd build && ctest --output-on-failure -j "$jobs")

echo "== sanitizer build (address;undefined)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCNKG_WERROR=ON \
  "-DCNKG_SANITIZE=address;undefined" >/dev/null
ninja -C build-asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  LSAN_OPTIONS="suppressions=$root/tests/lsan.supp" \
  ctest --output-on-failure -j "$jobs")

echo "== thread sanitizer: a parallel build of the test documents"
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" \
  -DCNKG_WERROR=ON -DCNKG_BUILD_TESTS=OFF \
  -DCNKG_SANITIZE=thread >/dev/null
ninja -C build-tsan -j "$jobs" cnkg
tsan_out=$(mktemp -d)
trap 'rm -rf "$tsan_out"' EXIT
TSAN_OPTIONS="halt_on_error=1 exitcode=66" build-tsan/cnkg build -q -j 4 --keep-going \
  tests/data examples -o "$tsan_out/tsan.cnkg" || [ $? -eq 1 ]
build/cnkg build -q -j 1 --keep-going tests/data examples -o "$tsan_out/one.cnkg" || [ $? -eq 1 ]
cmp "$tsan_out/tsan.cnkg" "$tsan_out/one.cnkg"
echo "== thread sanitizer: no race; the graph equals the one-thread build's"

fuzz_seconds="${CNKG_FUZZ_SECONDS:-20}"
if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzz targets, ${fuzz_seconds} s each (clang, libFuzzer, address;undefined)"
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" -DCNKG_WERROR=ON -DCNKG_BUILD_TESTS=OFF -DCNKG_FUZZ=ON >/dev/null
  ninja -C build-fuzz -j "$jobs" fuzz cnkg
  # A fixed seed and a fresh corpus: the same run every time on the same commit, as far as time
  # limits allow.
  rm -rf build-fuzz/corpus build-fuzz/findings
  bash fuzz/run.sh build-fuzz "$fuzz_seconds" -- -seed=1
fi
