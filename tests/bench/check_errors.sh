#!/usr/bin/env bash
# `parley check` on files with 10,000, 100,000 and 1,000,000 bad records (an unknown kind each),
# each time a fresh process, median of 3: the time must grow with the errors, not their square.
# usage: check_errors.sh PARLEY
set -euo pipefail
parley=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
previous=
for n in 10000 100000 1000000; do
  /usr/bin/python3 - "$n" "$dir/bad$n.json" <<'PY'
import json, sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write('{"format": "parley-dataset/1", "sources": [{"id": "s", "publisher": "p", "title": "t", "published": "2019"}],\n "entities": [\n')
    for i in range(n):
        f.write(('' if i == 0 else ',\n') + json.dumps({"id": f"e{i}", "kind": "persn", "name": f"Person {i}", "sources": [{"source": "s", "quote": "q"}]}))
    f.write('\n], "relations": []}\n')
PY
  times=()
  for _ in 1 2 3; do
    start=$(date +%s%N)
    "$parley" check --db "$dir/bad$n.json" > /dev/null 2>&1 || true
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  line="$n errors: median ${median} ms (${times[*]})"
  [ -n "$previous" ] && line+=", $(awk -v a="$median" -v b="$previous" 'BEGIN { printf "%.1f", a / (b ? b : 1) }')x the previous for 10x the errors"
  echo "$line"
  previous=$median
done
