#!/bin/sh
# The map/reduce split on one machine, every step a separate process as a cluster would run it:
#   1. map      (parallel, per shard): doichieu extract --jsonl --signature -> facts + grouping signature
#   2. group    (one process, signatures only, ~1 KB per article): check --corpus --events-only
#               --from-signatures -> events.json (the event key of every article)
#   3. join     (parallel, per shard): assign_events.py tags each article with its event key
#   4. shuffle  sort by key, so each event is one contiguous run
#   5. reduce   (parallel, per run of whole events): reduce.sh = check --corpus over explicit events
#   run_local.sh ARCHIVE.jsonl OUTDIR [JOBS]
# Uses GNU parallel when installed, else xargs -P. OUTDIR gets facts.jsonl (the map output), events.json and
# part-*.json (doichieu/corpus/v1 per reducer).
set -eu
archive=${1:?usage: run_local.sh ARCHIVE.jsonl OUTDIR [JOBS]}
out=${2:?usage: run_local.sh ARCHIVE.jsonl OUTDIR [JOBS]}
jobs=${3:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
cli=${DOICHIEU:-doichieu}
export DOICHIEU="$cli"
tab=$(printf '\t')
mkdir -p "$out"
rm -f "$out"/part-*.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Shards in archive order (split -d numbers them, so the glob below keeps that order).
split -n "l/$jobs" -d "$archive" "$work/shard-"
on_shards() {  # on_shards 'COMMAND < {} > {}.EXT': runs the command on every shard, JOBS at a time
  if command -v parallel > /dev/null 2>&1; then
    parallel -j "$jobs" "$1" ::: "$work"/shard-??
  else
    ls "$work"/shard-?? | xargs -P "$jobs" -I{} sh -c "$1"
  fi
}

# 1. Map: facts and signatures. A failed article gives an {"error"} line; the grouping step stops on it.
on_shards "'$cli' extract --jsonl --signature < {} > {}.map"
cat "$work"/shard-??.map > "$out/facts.jsonl"

# 2. Group: one pass over the signatures, in archive order (auto-N names follow it).
"$cli" check --corpus --events-only --from-signatures --format json "$out/facts.jsonl" > "$out/events.json"

# 3. Join: every article tagged with its event key.
on_shards "python3 '$here/assign_events.py' '$out/events.json' < {} > {}.tsv"

# 4. Shuffle: every event's articles become one contiguous run.
sort -s -t "$tab" -k1,1 "$work"/shard-??.tsv > "$work/sorted.tsv"

# 5. Reduce: cut the sorted stream at event boundaries into JOBS parts and check them in parallel.
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
