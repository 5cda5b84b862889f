#!/bin/sh
# The map/reduce split on one machine: group once (signatures only), tag shards in parallel (map), sort
# by event (shuffle), check contiguous runs of events in parallel (reduce).
#   run_local.sh ARCHIVE.jsonl OUTDIR [JOBS]
# Uses GNU parallel when installed, else xargs -P. OUTDIR gets events.json and part-*.json.
set -eu
archive=${1:?usage: run_local.sh ARCHIVE.jsonl OUTDIR [JOBS]}
out=${2:?usage: run_local.sh ARCHIVE.jsonl OUTDIR [JOBS]}
jobs=${3:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
cli=${DOICHIEU:-doichieu}
export DOICHIEU="$cli"
tab=$(printf '\t')
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. Grouping: one pass over the archive, ~1 KB of signature per article.
"$cli" check --corpus --events-only --format json "$archive" > "$out/events.json"

# 2. Map: shards of the archive tagged with their event, in parallel.
split -n "l/$jobs" -d "$archive" "$work/shard-"
if command -v parallel > /dev/null 2>&1; then
  parallel -j "$jobs" "python3 $here/assign_events.py $out/events.json < {} > {}.tsv" ::: "$work"/shard-*
else
  ls "$work"/shard-* | xargs -P "$jobs" -I{} sh -c "python3 '$here/assign_events.py' '$out/events.json' < {} > {}.tsv"
fi

# 3. Shuffle: every event's articles become one contiguous run.
sort -s -t "$tab" -k1,1 "$work"/shard-*.tsv > "$work/sorted.tsv"

# 4. Reduce: cut the sorted stream at event boundaries into JOBS parts and check them in parallel.
awk -F "$tab" -v jobs="$jobs" -v dir="$work" -v total="$(wc -l < "$work/sorted.tsv")" 'BEGIN { part = 0 }
  $1 != last { if (n >= (part + 1) * total / jobs && part < jobs - 1) part++; last = $1 }
  { print > (dir "/part-" part ".tsv"); n++ }' "$work/sorted.tsv"
if command -v parallel > /dev/null 2>&1; then
  parallel -j "$jobs" "$here/reduce.sh < {} > $out/{/.}.json" ::: "$work"/part-*.tsv
else
  for p in "$work"/part-*.tsv; do
    name=$(basename "$p" .tsv)
    "$here/reduce.sh" < "$p" > "$out/$name.json" &
  done
  wait
fi
ls "$out"
