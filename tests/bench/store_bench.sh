#!/usr/bin/env bash
# The store against the JSON it was built from: wall time from process start to the first
# who-met answer (from the store, a scoped read of that person's records alone; scoped_bench.sh
# sets it beside a whole read of the store), build time, write latency (one fact and one meeting
# to the store, one fact to the JSON file; a batch of 10,000 in one transaction) and size per relation. Medians of 5
# runs (3 for the batch), wall and CPU time.
# usage: store_bench.sh PARLEY GENERATE SCALE...
set -euo pipefail
parley=$1
generate=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ms() {  # "WALL ms (CPU ms)": medians over N runs of "$@"; N first. CPU time (user + system)
  local n=$1  # says what the work costs when the machine is busy with other work.
  shift
  local walls=() cpus=() me=$BASHPID
  for _ in $(seq "$n"); do
    local before after start
    before=$(awk '{print $14 + $15 + $16 + $17}' /proc/$me/stat)
    start=$(date +%s%N)
    "$@" >/dev/null
    walls+=($((($(date +%s%N) - start) / 1000000)))
    # Children's user and system time (clock ticks), from this shell's own record of them.
    after=$(awk '{print $14 + $15 + $16 + $17}' /proc/$me/stat)
    cpus+=($(((after - before) * 1000 / $(getconf CLK_TCK))))
  done
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((n + 1) / 2))p") ms ($(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(((n + 1) / 2))p") ms CPU)"
}

for scale in "$@"; do
  json=/tmp/parley-bench-scale$scale.json
  [ -f "$json" ] || "$generate" --scale "$scale" >"$json"
  store=$work/scale$scale.parley
  relations=$("$parley" --db "$json" stats --format json | sed -n 's/^  "relations": \([0-9]*\),/\1/p')
  build_ms=$(ms 1 "$parley" build --db "$json" -o "$store" -m bench)
  echo "== scale $scale: $relations relations"
  echo "build (load the JSON, check, write the store)      ${build_ms}"
  echo "first who-met person-5000, from the JSON          $(ms 5 "$parley" --db "$json" who-met person-5000)"
  echo "first who-met person-5000, from the store         $(ms 5 "$parley" --db "$store" who-met person-5000)"
  json_bytes=$(stat -c %s "$json")
  store_bytes=$(stat -c %s "$store")
  echo "size: JSON $json_bytes bytes ($((json_bytes / relations)) per relation), store $store_bytes bytes ($((store_bytes / relations)) per relation)"
  i=0
  one() {
    i=$((i + 1))
    "$parley" --db "$store" add alias person-$i "bench alias $i" -m "one fact"
  }
  echo "write one fact (add alias), committed             $(ms 5 one)"
  m=0
  meeting() {  # a gathering, its participants, venue, date and status: seven records in one write
    m=$((m + 1))
    "$parley" --db "$store" add meeting --participants "person-$m,person-$((m + 100))" --at place-1 \
      --date 2019-05-$((m + 10)) --status held --source src-0 --quote "they met" -m "one meeting"
  }
  echo "write one meeting (add meeting), committed        $(ms 5 meeting)"
  # The same write to the JSON file itself: checked the same way, then the file rewritten whole
  # (canonical layout, synced, renamed). fmt first: a write needs the canonical layout.
  cp "$json" "$work/scale$scale.json"
  "$parley" fmt "$work/scale$scale.json" >/dev/null
  j=0
  one_json() {
    j=$((j + 1))
    "$parley" --db "$work/scale$scale.json" add alias person-$j "json alias $j"
  }
  echo "write one fact (add alias) to the JSON file        $(ms 5 one_json)"
  for b in 1 2 3; do
    for n in $(seq 0 9999); do echo "add alias person-$n \"batch $b alias $n\""; done >"$work/batch$b.txt"
  done
  b=0
  batch() {
    b=$((b + 1))
    "$parley" --db "$store" batch "$work/batch$b.txt" -m "10,000 facts"
  }
  echo "write a batch of 10,000 facts, one transaction     $(ms 3 batch)"
  echo "store after the writes: $(stat -c %s "$store") bytes"
done
