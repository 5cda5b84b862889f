#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60).
#
#   tests/fuzz/run.sh 60            # build-fuzz/, corpora in build-fuzz/corpus/<target>
#   JOBS=1 tests/fuzz/run.sh 600
#
# Seed corpora are generated from our own text (checker/examples, grammars/corpus/vi, rules/vi), never from
# shared/. A crash leaves crash-* in build-fuzz/artifacts/<target>/: minimise it (add -minimize_crash=1),
# then copy it to tests/fuzz_regressions/<extract|jsonl>/ where hostile_input_test replays it in the normal
# build. Exit status: 0 when no target found a crash.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${FUZZ_BUILD:-$root/build-fuzz}"
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
  -DDOICHIEU_FUZZ=ON -DDOICHIEU_BUILD_BENCH=OFF >/dev/null
targets=(fuzz_extract fuzz_document fuzz_rule_file fuzz_jsonl)
cmake --build "$build" --target "${targets[@]}" -j"${JOBS:-2}"

# Seeds: sentences of our own corpora and examples, one file each.
python3 - "$root" "$build/corpus" <<'PY'
import glob, json, os, sys
root, out = sys.argv[1], sys.argv[2]
texts = []
for path in sorted(glob.glob(os.path.join(root, "grammars", "corpus", "vi", "**", "*.jsonl"), recursive=True)):
    for line in open(path, encoding="utf-8"):
        try:
            texts.append(json.loads(line)["text"])
        except (ValueError, KeyError, TypeError):
            pass
for path in sorted(glob.glob(os.path.join(root, "checker", "examples", "**", "*.txt"), recursive=True)):
    texts.append(open(path, encoding="utf-8").read())
def put(target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, name), "wb").write(data)
for i, t in enumerate(texts):
    b = t.encode("utf-8")
    put("fuzz_extract", f"seed-{i:04d}", b)
    put("fuzz_document", f"seed-{i:04d}", b)
for i in range(0, len(texts), 4):
    lines = [json.dumps({"id": f"a{j}", "text": t, "published": "2024-03-07"}, ensure_ascii=False)
             for j, t in enumerate(texts[i:i + 4])]
    put("fuzz_jsonl", f"seed-{i:04d}", ("\n".join(lines) + "\n").encode("utf-8"))
for path in sorted(glob.glob(os.path.join(root, "rules", "vi", "**", "*.json"), recursive=True)):
    put("fuzz_rule_file", os.path.basename(path), open(path, "rb").read())
PY

status=0
for t in "${targets[@]}"; do
  mkdir -p "$build/artifacts/$t"
  echo "== $t: ${seconds}s"
  if ! "$build/bin/$t" "$build/corpus/$t" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
       -rss_limit_mb=4096 -artifact_prefix="$build/artifacts/$t/" -print_final_stats=1 \
       2>"$build/artifacts/$t.log"; then
    status=1
    echo "   FOUND A PROBLEM: see $build/artifacts/$t/ and $build/artifacts/$t.log"
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|^#[0-9]+.*DONE" "$build/artifacts/$t.log" || true
done
exit $status
