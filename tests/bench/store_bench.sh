#!/usr/bin/env bash
# The store against the JSON it was built from: wall time from process start to the first
# who-met answer, build time, write latency (one fact; a batch of 10,000 in one transaction) and
# size per relation. Medians of 5 runs (3 for the batch).
# usage: store_bench.sh PARLEY GENERATE SCALE...
set -euo pipefail
parley=$1
generate=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ms() {  # median wall time in ms of running "$@" N times; N first
  local n=$1
  shift
  local times=()
  for _ in $(seq "$n"); do
    local start
    start=$(date +%s%N)
    "$@" >/dev/null
    times+=($((($(date +%s%N) - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((n + 1) / 2))p"
}

for scale in "$@"; do
  json=/tmp/parley-bench-scale$scale.json
  [ -f "$json" ] || "$generate" --scale "$scale" >"$json"
  store=$work/scale$scale.parley
  relations=$("$parley" --db "$json" stats --format json | sed -n 's/^  "relations": \([0-9]*\),/\1/p')
  build_ms=$(ms 1 "$parley" build --db "$json" -o "$store" -m bench)
  echo "== scale $scale: $relations relations"
  echo "build (load the JSON, check, write the store)      ${build_ms} ms"
  echo "first who-met person-5000, from the JSON          $(ms 5 "$parley" --db "$json" who-met person-5000) ms"
  echo "first who-met person-5000, from the store         $(ms 5 "$parley" --db "$store" who-met person-5000) ms"
  json_bytes=$(stat -c %s "$json")
  store_bytes=$(stat -c %s "$store")
  echo "size: JSON $json_bytes bytes ($((json_bytes / relations)) per relation), store $store_bytes bytes ($((store_bytes / relations)) per relation)"
  i=0
  one() {
    i=$((i + 1))
    "$parley" --db "$store" add alias person-$i "bench alias $i" -m "one fact"
  }
  echo "write one fact (add alias), committed             $(ms 5 one) ms"
  for b in 1 2 3; do
    for n in $(seq 10000); do echo "add alias person-$n \"batch $b alias $n\""; done >"$work/batch$b.txt"
  done
  b=0
  batch() {
    b=$((b + 1))
    "$parley" --db "$store" batch "$work/batch$b.txt" -m "10,000 facts"
  }
  echo "write a batch of 10,000 facts, one transaction     $(ms 3 batch) ms"
  echo "store after the writes: $(stat -c %s "$store") bytes"
done
