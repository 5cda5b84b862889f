#!/bin/sh
# Reduce step: "EVENT<TAB>ARTICLE-JSON" lines, sorted by EVENT, on stdin -> one doichieu/corpus/v1 JSON
# document on stdout with the findings of every event in this reducer's share. Each article carries its
# "event", so `check --corpus` checks the events as given and groups nothing itself.
#   sort -t "$(printf '\t')" -k1,1 tagged.tsv | reduce.sh > part.json
set -eu
cli=${DOICHIEU:-doichieu}
cut -f2- | "$cli" check --corpus --format json --fail-level error - || [ $? -eq 1 ]
