#!/usr/bin/env bash
# The quick-start demo: builds doichieu if needed and checks the three bundled reports of one event.
# One of them has a planted discrepancy (a part of the 796 tỉ đồng total), so the exit status is 1.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$("$root/checker/scripts/bootstrap.sh" | tail -n 1)" || exit 2
"$build/bin/doichieu" check "$@" "$root"/checker/examples/tru-so-cong-an/*.txt
