#!/usr/bin/env bash
# textlint + textlint-rule-prh on the same 1 MB as `doichieu check`, for a side-by-side ratio.
#
#   bench/textlint.sh FILE [DOICHIEU_CLI]
#
# Installs pinned versions into $TEXTLINT_DIR (default /tmp/doichieu-textlint; never into the repo) with
# npm, writes a prh dictionary of a few Vietnamese spelling rules (the kind of table-driven check textlint
# is used for), and reports the median wall time of 3 runs of each tool.
set -euo pipefail
file="${1:?usage: textlint.sh FILE [DOICHIEU_CLI]}"
here="$(cd "$(dirname "$0")" && pwd)"
cli="${2:-$here/../build-bench/bin/doichieu}"
dir="${TEXTLINT_DIR:-/tmp/doichieu-textlint}"
mkdir -p "$dir"
if [[ ! -x "$dir/node_modules/.bin/textlint" ]]; then
  (cd "$dir" && npm init -y >/dev/null && \
   npm install --no-audit --no-fund --silent textlint@14.0.4 textlint-rule-prh@6.0.0 >/dev/null)
fi
cat > "$dir/prh.yml" <<'YML'
version: 1
rules:
  - expected: tỉ đồng
    pattern: tỷ đồng
  - expected: UBND
    pattern: Uỷ ban nhân dân
  - expected: Thủ tướng
    patterns:
      - thủ tướng Chính phủ
  - expected: hòa
    pattern: hoà
  - expected: Hà Nội
    pattern: Hà nội
YML
cat > "$dir/.textlintrc.json" <<JSON
{ "rules": { "prh": { "rulePaths": ["$dir/prh.yml"] } } }
JSON
cp "$file" "$dir/input.txt"
median() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
ts = []
for _ in range(3):
    t0 = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=sys.argv[-1].rsplit("/", 1)[0])
    ts.append(time.perf_counter() - t0)
ts.sort()
print(f"{ts[1]:.3f}")
PY
}
t_lint=$(median "$dir/node_modules/.bin/textlint" --config "$dir/.textlintrc.json" "$dir/input.txt")
t_ours=$(median "$cli" check --no-config "$dir/input.txt")
findings=$("$dir/node_modules/.bin/textlint" --config "$dir/.textlintrc.json" --format json "$dir/input.txt" \
  | python3 -c 'import json,sys; print(sum(len(r["messages"]) for r in json.load(sys.stdin)))' || true)
echo "| 1 MB of articles | wall (median of 3) |"
echo "| --- | ---: |"
echo "| textlint $(cd "$dir" && node -e 'console.log(require("textlint/package.json").version)') + prh, 5 entries ($findings hits) | ${t_lint} s |"
echo "| doichieu check | ${t_ours} s |"
python3 -c "print(f'| ratio textlint / doichieu | {float(\"$t_lint\") / float(\"$t_ours\"):.1f}x |')"
