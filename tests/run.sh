#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds, runs every CTest test.
#   tests/run.sh              normal build (build/)
#   tests/run.sh --sanitize   ASan+UBSan build (build-sanitize/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$("$root/checker/scripts/bootstrap.sh" "$@" | tail -n 1)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
