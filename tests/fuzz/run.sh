#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 14 (ASan + UBSan + libFuzzer) and runs each for SECONDS.
#
#   tests/fuzz/run.sh 60                      # every target 60 s, two at a time (CI: tests/run.sh --fuzz)
#   tests/fuzz/run.sh 600 fuzz_read_html      # one target, longer
#   JOBS=1 FUZZ_BUILD=/tmp/fz tests/fuzz/run.sh 300
#
# Installs clang-14 and libclang-rt-14-dev when missing (the other build packages come from
# checker/scripts/bootstrap.sh, which tests/run.sh runs first). Configures build-fuzz/ once and builds ONLY the
# fuzz targets. Seeds are generated at run time into build-fuzz/seeds/<target> from our own files
# (grammars/corpus/vi, checker/examples, tests/golden inputs, rules/vi) plus ../shared/seeds when it is there
# (read, never copied into the tree), and tests/fuzz_regressions/<target>; what a run discovers accumulates in
# build-fuzz/corpus/<target>. A dictionary of the lexicon's words and of the JSON keys helps the mutator.
#
# Exit status 0 when no target failed. A failure leaves crash-*/leak-*/timeout-*/oom-* in
# build-fuzz/artifacts/<target>/ and the log beside it: reproduce with `build-fuzz/bin/<target> FILE`,
# minimise with `-minimize_crash=1 -runs=10000`, fix, then add the input to tests/fuzz_regressions/<target
# without fuzz_>/, where the <target>_replay CTest test replays it in the normal build.
set -euo pipefail
seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${FUZZ_BUILD:-$root/build-fuzz}"
shared="${DOICHIEU_SHARED_DIR:-$root/../shared}"
jobs="${JOBS:-2}"
all_targets=(fuzz_extract fuzz_document fuzz_jsonl fuzz_rule_file
             fuzz_grammar_numeric fuzz_grammar_temporal fuzz_grammar_person fuzz_grammar_docref
             fuzz_read_text fuzz_read_markdown fuzz_read_html fuzz_config fuzz_capi)
if (($#)); then targets=("$@"); else targets=("${all_targets[@]}"); fi

# clang 14 with its sanitizer and libFuzzer runtimes.
missing=()
for p in clang-14 libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "fuzz: installing ${missing[*]}" >&2
  as_root=()
  [ "$(id -u)" -ne 0 ] && as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
    { "${as_root[@]}" apt-get update -qq >&2 &&
      "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2; }
fi

if [ ! -f "$build/build.ninja" ]; then
  flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DDOICHIEU_FUZZ=ON -DDOICHIEU_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
fi
cmake --build "$build" --target "${targets[@]}" -j"${BUILD_JOBS:-$(nproc)}"

# Seeds and dictionaries, regenerated every run.
rm -rf "$build/seeds"
python3 - "$root" "$shared" "$build/seeds" <<'PY'
import glob, json, os, re, sys
root, shared, out = sys.argv[1:4]

def put(target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()

# Our own sentences: the grammar corpora (marks removed) and the example reports; then the seed reports
# of ../shared when present (at run time only).
texts = []
for path in sorted(glob.glob(os.path.join(root, "grammars", "corpus", "vi", "*.jsonl"))):
    for line in open(path, encoding="utf-8"):
        try:
            texts.append(json.loads(line)["text"].replace("⟦", "").replace("⟧", ""))
        except (ValueError, KeyError, TypeError):
            pass
texts += [read(p) for p in sorted(glob.glob(os.path.join(root, "checker", "examples", "**", "*.txt"), recursive=True))]
texts += [read(p) for p in sorted(glob.glob(os.path.join(shared, "seeds", "*.txt")))]
golden = os.path.join(root, "tests", "golden", "planted-md-html")

text_targets = ["fuzz_extract", "fuzz_document", "fuzz_read_text", "fuzz_grammar_numeric", "fuzz_grammar_temporal",
                "fuzz_grammar_person", "fuzz_grammar_docref"]
for i, t in enumerate(texts):
    for target in text_targets:
        put(target, f"text-{i:04d}", t)
for i in range(0, len(texts), 4):
    group = texts[i:i + 4]
    lines = [json.dumps({"id": f"a{j}", "text": t, "published": "2024-03-07", "event": "e"}, ensure_ascii=False)
             for j, t in enumerate(group)]
    put("fuzz_jsonl", f"articles-{i:04d}", "\n".join(lines) + "\n")
    request = {"reports": [{"id": f"r{j}", "text": t, "published": "2024-03-07"} for j, t in enumerate(group[:3])]}
    put("fuzz_capi", f"request-{i:04d}", json.dumps(request, ensure_ascii=False))

# Markdown and HTML: the golden inputs, and our sentences inside the constructs each reader handles.
put("fuzz_read_markdown", "golden-bao-a.md", open(os.path.join(golden, "bao-a.md"), "rb").read())
put("fuzz_read_html", "golden-bao-b.html", open(os.path.join(golden, "bao-b.html"), "rb").read())
for i, t in enumerate(texts[::7]):
    words = t.split(" ")
    half = " ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2:])
    put("fuzz_read_markdown", f"wrapped-{i:04d}.md",
        f"# Tin {i}\n\n{half[0]} *nhấn* `mã 12 tỉ`\n\n- {half[1]}\n- [liên kết](http://a.vn) **{i} người**\n\n"
        f"<!-- doichieu-disable MONEY_PARTS_SUM: đã kiểm tra -->\n> {t}\n\n```\n796 tỉ đồng\n```\n"
        f"1. một &amp; hai &#7871;\n\n| a | b |\n|---|---|\n| {half[0]} | 3 |\n")
    put("fuzz_read_html", f"wrapped-{i:04d}.html",
        f"<!DOCTYPE html><html><head><title>{i}</title><script>var x = '5 tỉ';</script></head><body>"
        f"<h1>Tin {i}</h1><p>{half[0]}<br>{half[1]}&nbsp;&amp;&#7871;&#x1EBF;</p>"
        f"<!-- doichieu-disable-next-line TOTAL_EQUALS_PARTS: có lý do --><table><tr><td>{t}</td></tr></table>"
        f"<pre>796 tỉ đồng</pre><ul><li>{i} người</li></ul></body></html>")

for path in sorted(glob.glob(os.path.join(root, "rules", "vi", "*.json"))):
    put("fuzz_rule_file", os.path.basename(path), open(path, "rb").read())
put("fuzz_config", "generated.json", json.dumps({
    "rules": {"MONEY_PARTS_SUM": "warning", "SAME_FIGURE_ACROSS_REPORTS": "off",
              "TOTAL_EQUALS_PARTS": {"enabled": True, "severity": "info"}},
    "include": ["**/*.md", "tin/*.txt"], "exclude": ["drafts/**"], "format": "json", "fail_level": "warning",
    "color": "never", "lang": "vi", "data_dir": "data", "output": "r.json"}))

# Dictionaries: every quoted string of the lexicons (words the grammars know) for the text targets, the
# keys of each JSON format for the others.
def dict_entry(s):
    b = s.encode("utf-8")
    return '"' + "".join(chr(c) if 32 <= c < 127 and c not in (34, 92) else f"\\x{c:02x}" for c in b) + '"'

def write_dict(name, words):
    words = sorted({w for w in words if 0 < len(w.encode("utf-8")) <= 48})
    with open(os.path.join(out, name), "w") as f:
        f.write("\n".join(dict_entry(w) for w in words) + "\n")

def unquote(m):
    try:
        return json.loads('"' + m + '"')
    except ValueError:
        return m

lexicon = []
for path in glob.glob(os.path.join(root, "grammars", "lexicon", "vi", "*.json")):
    lexicon += [unquote(m) for m in re.findall(r'"((?:[^"\\\n]|\\.)*)"', read(path))]
markup = ["<p>", "</p>", "<br>", "<script>", "</script>", "<pre>", "<table>", "<td>", "&amp;", "&nbsp;", "&#",
          "<!--", "-->", "doichieu-disable", "doichieu-enable", "doichieu-disable-next-line", "```", "`", "**",
          "# ", "- ", "> ", "[", "](", "|", "\r\n", "\u00a0", "\u2009", "\u0301", "\u0300"]
write_dict("text.dict", lexicon + markup)
rule_keys = []
for path in glob.glob(os.path.join(root, "rules", "vi", "*.json")):
    rule_keys += re.findall(r'"([A-Za-z_]+)"\s*:', read(path))
write_dict("rule_file.dict", rule_keys + ["{", "}", "[", "]", "null", "true", "false", "⟦", "⟧", "//", "/*"])
write_dict("config.dict", ["rules", "include", "exclude", "format", "fail_level", "color", "lang", "data_dir",
                           "output", "enabled", "severity", "off", "on", "error", "warning", "info", "**", "*", "?",
                           "/", "\\u0000", "\\ud800", "//", "/*"])
write_dict("capi.dict", ["reports", "id", "path", "text", "published", "2024-03-07", "2024-03-07T10:00:00+07:00",
                         "\\u0000", "\\ud800", "\\n"] + lexicon[::5])
PY

dict_for() {
  case "$1" in
    fuzz_rule_file) echo rule_file.dict ;;
    fuzz_config) echo config.dict ;;
    fuzz_capi|fuzz_jsonl) echo capi.dict ;;
    *) echo text.dict ;;
  esac
}

run_one() {  # run_one TARGET — one libFuzzer run; status in artifacts/TARGET.status
  local t="$1" short="${1#fuzz_}"
  local corpus="$build/corpus/$t" art="$build/artifacts/$t"
  mkdir -p "$corpus" "$art"
  local dirs=("$corpus" "$build/seeds/$t")
  [ -d "$root/tests/fuzz_regressions/$short" ] && dirs+=("$root/tests/fuzz_regressions/$short")
  local status=0
  nice -n "${FUZZ_NICE:-10}" "$build/bin/$t" "${dirs[@]}" -dict="$build/seeds/$(dict_for "$t")" \
    -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-8192}" -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$art/" -print_final_stats=1 -close_fd_mask=1 >"$build/artifacts/$t.log" 2>&1 || status=$?
  echo "$status" >"$build/artifacts/$t.status"
}

rm -f "$build"/artifacts/*.status
echo "fuzz: ${#targets[@]} targets, ${seconds} s each, $jobs at a time"
running=0
for t in "${targets[@]}"; do
  if ((running >= jobs)); then wait -n || true; running=$((running - 1)); fi
  run_one "$t" &
  running=$((running + 1))
done
wait

failed=0
printf '%-24s %12s %8s %8s  %s\n' target executions corpus rss_mb result
for t in "${targets[@]}"; do
  log="$build/artifacts/$t.log"
  status="$(cat "$build/artifacts/$t.status" 2>/dev/null || echo 1)"
  execs="$(grep -m1 '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)"
  rss="$(grep -m1 '^stat::peak_rss_mb' "$log" | awk '{print $2}' || true)"
  corpus="$(find "$build/corpus/$t" -type f | wc -l)"
  result=ok
  if [ "$status" != 0 ]; then
    failed=1
    result="FAILED (exit $status): $(grep -m1 -E '^==[0-9]+==ERROR|fuzz invariant|^SUMMARY|ALARM|out-of-memory' "$log" || echo see log) — $log"
  fi
  printf '%-24s %12s %8s %8s  %s\n' "$t" "${execs:-?}" "$corpus" "${rss:-?}" "$result"
done
exit $failed
