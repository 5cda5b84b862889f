#!/usr/bin/env bash
# Builds the benchmarks and the CLI, runs every measurement of bench/RESULTS.md and prints one table.
#
#   bench/run.sh                       # everything (the 1 GB stream takes a few minutes)
#   STREAM_SIZES="100M" bench/run.sh   # smaller memory run
#   SKIP_BUILD=1 BUILD=build-bench bench/run.sh
#   TEXTLINT=1 bench/run.sh            # also the textlint side-by-side (bench/textlint.sh, needs npm)
#
# Inputs are read from ../shared at run time; generated inputs live in a temp dir removed on exit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
build="${BUILD:-$root/build-bench}"
shared="${DOICHIEU_SHARED_DIR:-$root/../shared}"
stream_sizes="${STREAM_SIZES:-100M 500M 1G}"
export DOICHIEU_SHARED_DIR="$shared"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" --target doichieu doichieu_bench -j2 >/dev/null
fi
cli="$build/bin/doichieu"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "# doichieu benchmarks — $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$root" rev-parse --short HEAD)"
echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
     "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# 1. Library: throughput with its floors, check latency percentiles.
"$build/bin/doichieu_bench" --benchmark_format=json --benchmark_out="$tmp/bench.json" \
  --benchmark_out_format=json >/dev/null 2>"$tmp/bench.err" || { cat "$tmp/bench.err"; exit 1; }
python3 - "$tmp/bench.json" <<'PY'
import json, sys
runs = {b["name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]}
def mbs(name):
    b = runs[name]
    return b["bytes_per_second"] / 1e6
print("| library (one thread) | corpus 7.5 MB | seeds 27 KB |")
print("| --- | ---: | ---: |")
for label, name in [("extract (whole pipeline + grammars)", "extract"),
                    ("floor: make_document (UTF-8, NFC, fold, sentences)", "make_document"),
                    ("floor: RE2 candidate scan", "scan")]:
    c, s = mbs(f"{name}/corpus0_seeds1:0"), mbs(f"{name}/corpus0_seeds1:1")
    print(f"| {label} | {c:.1f} MB/s | {s:.1f} MB/s |")
e = runs["extract/corpus0_seeds1:0"]["bytes_per_second"]
floor = 1 / (1 / runs["make_document/corpus0_seeds1:0"]["bytes_per_second"]
             + 1 / runs["scan/corpus0_seeds1:0"]["bytes_per_second"])
print(f"| extract / floor (make_document + scan) | {e / floor * 100:.0f} % of floor speed | |")
print()
print("| check latency (library) | p50 | p99 | max |")
print("| --- | ---: | ---: | ---: |")
for label, name in [("one 5 KB report (seed 000)", "check_one/iterations:300/manual_time"),
                    ("10-report cluster (vims-054, 51 KB)", "check_cluster/iterations:300/manual_time")]:
    b = runs[name]
    print(f"| {label} | {b['p50_us']/1000:.2f} ms | {b['p99_us']/1000:.2f} ms | {b['max_us']/1000:.2f} ms |")
print()
PY

# 2. CLI whole process: 1 MB of real articles, and start-up on empty input (median of N runs).
python3 - "$shared/corpus/articles.jsonl" "$tmp/1mb.txt" <<'PY'
import json, sys
out, n = [], 0
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)["text"] + "\n"
    out.append(t); n += len(t.encode())
    if n >= 1 << 20: break
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
PY
: > "$tmp/empty.txt"
median_ms() {  # median_ms RUNS CMD... — wall time of a whole process, median in ms
  local runs="$1"; shift
  python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
ts = []
for _ in range(runs):
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append((time.perf_counter() - t0) * 1000)
ts.sort()
print(f"{ts[len(ts)//2]:.1f} ms (min {ts[0]:.1f})")
PY
}
echo "| CLI (whole process) | median |"
echo "| --- | ---: |"
echo "| check, 1 MB of articles in one file | $(median_ms 5 "$cli" check --no-config "$tmp/1mb.txt") |"
echo "| extract --format json, same 1 MB | $(median_ms 5 "$cli" extract --no-config --format json "$tmp/1mb.txt") |"
echo "| start-up: check on an empty file | $(median_ms 21 "$cli" check --no-config "$tmp/empty.txt") |"
echo "| start-up: --version | $(median_ms 21 "$cli" --version) |"
echo

# 3. Peak memory of the JSON Lines stream, generated on the fly (never stored).
echo "| extract --jsonl stream | wall | throughput | peak RSS |"
echo "| --- | ---: | ---: | ---: |"
for size in $stream_sizes; do
  python3 "$here/gen_stream.py" "$size" \
    | /usr/bin/time -v "$cli" extract --jsonl >/dev/null 2>"$tmp/time.txt" || true
  rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /,"",$2); print $2}' "$tmp/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time.txt")
  python3 - "$size" "$wall" "$rss" <<'PY'
import sys
size, wall, rss = sys.argv[1], sys.argv[2], int(sys.argv[3])
units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
b = int(float(size[:-1]) * units[size[-1].upper()]) if size[-1].upper() in units else int(size)
parts = [float(p) for p in wall.split(":")]
sec = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"| {size} | {sec:.0f} s | {b / sec / 1e6:.1f} MB/s | {rss / 1024:.0f} MB |")
PY
done
echo

# 4. textlint side by side (optional: installs npm packages under bench/.textlint, gitignored).
if [[ -n "${TEXTLINT:-}" ]]; then
  "$here/textlint.sh" "$tmp/1mb.txt" "$cli"
fi
