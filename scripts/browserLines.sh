#!/usr/bin/env bash
# `npm run test:lines`: the browser tests (tests/browser: the built dist/ in Chromium) once more on each other Grafana
# line plugin.json claims, with that line's React, @grafana/* and rxjs from tests/browser/grafana-lines/<version>/
# (installed here when missing). `npm run test:ci` already ran them on the project's own line. Needs a build in dist/.
# `npm run test:lines -- 13.2.3` runs one line.
set -euo pipefail
cd "$(dirname "$0")/.."

lines=("$@")
if ((${#lines[@]} == 0)); then
  for dir in tests/browser/grafana-lines/*/; do
    lines+=("$(basename "$dir")")
  done
fi

for line in "${lines[@]}"; do
  dir="tests/browser/grafana-lines/$line"
  [[ -d "$dir/node_modules" ]] || npm ci --prefix "$dir" --no-audit --no-fund
done

failed=()
for line in "${lines[@]}"; do
  echo "== browser tests on Grafana $line"
  start=$SECONDS
  GRAFANA_LINE="$line" npx jest tests/browser --maxWorkers 2 || failed+=("$line")
  echo "== Grafana $line: $((SECONDS - start)) s"
done
if ((${#failed[@]})); then
  echo "browser tests failed on Grafana ${failed[*]}" >&2
  exit 1
fi
