#!/bin/sh
# Corpus-mode benchmark: grouping time and peak memory at 10k and 100k articles (and any sizes given),
# then a full check (grouping + per-event rules) at the smallest size.
#   bench/corpus/run.sh BUILD_DIR [SIZES...]     e.g. bench/corpus/run.sh build 10000 100000
# The stream is generated into $TMPDIR at run time and removed afterwards.
set -eu
build=${1:?usage: run.sh BUILD_DIR [SIZES...]}
shift
sizes=${*:-10000 100000}
here=$(cd "$(dirname "$0")" && pwd)
cli="$build/bin/doichieu"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
first=""
for n in $sizes; do
  python3 "$here/gen.py" "$n" > "$tmp/s.jsonl"
  /usr/bin/time -f "%e s elapsed, %M KB peak" -o "$tmp/time" \
    "$cli" check --corpus --events-only -f json "$tmp/s.jsonl" > "$tmp/ev.json"
  events=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['events']), sum(len(e['members'])>1 for e in d['events']))" "$tmp/ev.json")
  echo "group $n articles: $(cat "$tmp/time"); events, multi-article events: $events"
  [ -n "$first" ] || first=$n
done
python3 "$here/gen.py" "$first" > "$tmp/s.jsonl"
/usr/bin/time -f "%e s elapsed, %M KB peak" -o "$tmp/time" \
  "$cli" check --corpus -f json "$tmp/s.jsonl" > /dev/null || true
echo "check $first articles (grouping + rules per event): $(cat "$tmp/time")"
