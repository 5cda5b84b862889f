#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, builds, runs every CTest test.
#   tests/run.sh              normal build (build/)
#   tests/run.sh --sanitize   ASan+UBSan build (build-sanitize/)
#   tests/run.sh --tsan       ThreadSanitizer build (build-tsan/) of the concurrency tests only: the C ABI
#                             called from 8 threads and the HTTP server's concurrent requests. Run after a
#                             normal run (which installs the packages); builds only those targets.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "${1:-}" = --tsan ]; then
  build="$root/build-tsan"
  if [ ! -f "$build/build.ninja" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOICHIEU_TSAN=ON \
          -DDOICHIEU_BUILD_BENCH=OFF "${launcher[@]}" >&2
  fi
  # The test executables depend on the CLI (end-to-end tests share the target list), so it is built too.
  cmake --build "$build" -j "$(nproc)" --target capi_threads_test capi_server_test >&2
  # halt_on_error: a race fails the run. No suppressions: Debian's ICU and RE2 are not instrumented, but
  # TSan reported nothing through them (their shared state is set up before the threads start), so none is
  # needed; add one for those libraries only, with the reason, if a future report proves it is theirs.
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
  # setarch -R where it works: GCC 12's TSan cannot map its shadow memory under some kernels' high-entropy ASLR.
  run=()
  setarch "$(uname -m)" -R true 2>/dev/null && run=(setarch "$(uname -m)" -R)
  (cd "$root" && "${run[@]}" "$build/bin/capi_threads_test" && "${run[@]}" "$build/bin/capi_server_test")
  exit
fi
build="$("$root/checker/scripts/bootstrap.sh" "$@" | tail -n 1)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
