#!/usr/bin/env bash
# textlint + textlint-rule-prh (a dictionary of Vietnamese spellings, prh.yml) against `doichieu check` on
# the same 1 MB of real articles as the CLI row of bench/run.sh; prints a table and the ratio.
#
#   bench/textlint/run.sh                      # builds the 1 MB from ../shared/corpus/articles.jsonl
#   bench/textlint/run.sh FILE [DOICHIEU_CLI]  # a given file (bench/run.sh passes its own 1 MB)
#   RUNS=5 bench/textlint/run.sh
#
# npm installs exactly the versions of package-lock.json into bench/textlint/node_modules (ignored by git):
# textlint 14.0.4, textlint-rule-prh 6.0.0. Each tool runs RUNS times (default 3); the table gives the median
# wall time and the median CPU time (user + sys) of the whole process, start-up included for both.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${DOICHIEU_SHARED_DIR:-$root/../shared}"
runs="${RUNS:-3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cli="${2:-${DOICHIEU_CLI:-}}"
if [[ -z "$cli" ]]; then
  for c in "$root/build-bench/bin/doichieu" "$root/build/bin/doichieu"; do
    [[ -x "$c" ]] && { cli="$c"; break; }
  done
fi
[[ -x "$cli" ]] || { echo "no doichieu CLI: build it (tests/run.sh) or pass its path" >&2; exit 2; }
cli="$(realpath "$cli")"  # the tools run in bench/textlint

if [[ -n "${1:-}" ]]; then
  input="$1"
else
  # The same construction as bench/run.sh: whole articles, one per line, until at least 1 MiB.
  input="$tmp/1mb.txt"
  python3 - "$shared/corpus/articles.jsonl" "$input" <<'PY'
import json, sys
out, n = [], 0
for line in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(line)["text"] + "\n"
    out.append(t); n += len(t.encode())
    if n >= 1 << 20: break
open(sys.argv[2], "w", encoding="utf-8").write("".join(out))
PY
fi

if [[ ! -x "$here/node_modules/.bin/textlint" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent >&2)
fi
# textlint reads the file through its Markdown-free "txt" plugin by extension.
cp "$input" "$tmp/input.txt"

measure() {  # measure CMD... -> "median_wall median_cpu" in seconds over $runs runs
  python3 - "$runs" "$@" <<'PY'
import os, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
walls, cpus = [], []
for _ in range(runs):
    before = os.times()
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=os.environ["RUN_DIR"])
    walls.append(time.perf_counter() - t0)
    after = os.times()
    cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
walls.sort(); cpus.sort()
print(f"{walls[len(walls) // 2]:.3f} {cpus[len(cpus) // 2]:.3f}")
PY
}
export RUN_DIR="$here"
read -r lint_wall lint_cpu < <(measure "$here/node_modules/.bin/textlint" --config "$here/.textlintrc.json" "$tmp/input.txt")
read -r ours_wall ours_cpu < <(measure "$cli" check --no-config "$tmp/input.txt")

hits=$(cd "$here" && node_modules/.bin/textlint --config .textlintrc.json --format json "$tmp/input.txt" |
       python3 -c 'import json,sys; print(sum(len(r["messages"]) for r in json.load(sys.stdin)))' || true)
entries=$(grep -c '^  - expected:' "$here/prh.yml")
version=$(cd "$here" && node -p 'require("textlint/package.json").version')
size=$(wc -c <"$tmp/input.txt")
echo "| $((size / 1024)) KB of articles, median of $runs | wall | CPU (user+sys) |"
echo "| --- | ---: | ---: |"
echo "| textlint $version + prh ($entries entries, $hits hits), node $(node --version) | ${lint_wall} s | ${lint_cpu} s |"
echo "| doichieu check (all rules) | ${ours_wall} s | ${ours_cpu} s |"
python3 -c "print(f'| ratio textlint / doichieu | {$lint_wall / $ours_wall:.1f}x | {$lint_cpu / max($ours_cpu, 1e-3):.1f}x |')"
