#!/usr/bin/env bash
# Kept for `TEXTLINT=1 bench/run.sh`: the textlint comparison lives in bench/textlint/ (pinned package.json and
# package-lock.json, prh.yml, run.sh). Same arguments: FILE [DOICHIEU_CLI].
exec "$(cd "$(dirname "$0")" && pwd)/textlint/run.sh" "$@"
