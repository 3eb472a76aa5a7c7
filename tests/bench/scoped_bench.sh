#!/usr/bin/env bash
# The first who-met answer from a store (issue 12: from process start, <= 50 ms at scale 10, with
# memory growing with what the query touches), beside the two ways it was answered before: the
# JSON loaded whole, and the store read whole (what format 2 did; `batch` still reads a store
# whole, so a one-line batch measures it). Each figure is the median of RUNS (default 5) fresh
# processes: wall time, CPU time (user + system: what the work costs when other work shares the
# machine) and peak resident memory, from /usr/bin/time.
#
# "Cold" here means a fresh process each run, with nothing of parley's kept between runs; the
# file is in the operating system's page cache as after the build (evicting it needs privileges
# over the whole machine, which a benchmark run among other work should not use).
# usage: scoped_bench.sh PARLEY GENERATE SCALE...   (a person with many meetings and one with few)
set -euo pipefail
parley=$1
generate=$2
shift 2
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# "WALL ms, CPU ms, RSS MB": medians over $runs runs of "$@".
measure() {
  local walls=() cpus=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
    read -r wall user system kb <"$work/time"
    walls+=("$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%d", (u + s) * 1000 }')")
    rss+=("$((kb / 1024))")
  done
  median() { printf '%s\n' "$@" | sort -n | sed -n "$(((runs + 1) / 2))p"; }
  printf '%6s ms wall %6s ms CPU %6s MB' "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$(median "${rss[@]}")"
}

for scale in "$@"; do
  json=/tmp/parley-bench-scale$scale.json
  [ -f "$json" ] || "$generate" --scale "$scale" >"$json"
  # STORE_DIR: stores already built as DIR/scaleN.parley (a build at scale 10 takes minutes).
  store=${STORE_DIR:-$work}/scale$scale.parley
  [ -f "$store" ] || "$parley" build --db @default --db "$json" -o "$store" -m bench >/dev/null
  echo "== scale $scale (the default dataset and generated data, built into a store)"
  # person-100 meets often (151 meetings at scale 1, 1,256 at scale 10), person-9999 a few times, Abe
  # is the default dataset's. The whole reads cost the same whoever is asked about.
  for who in person-100 person-9999 Abe; do
    echo "who-met $who, scoped store read      $(measure "$parley" --db "$store" who-met "$who")"
  done
  echo "who-met person-9999" >"$work/one.txt"
  echo "who-met person-9999, whole store read $(measure "$parley" --db "$store" batch "$work/one.txt")"
  echo "who-met person-9999, JSON load        $(measure "$parley" --db @default --db "$json" who-met person-9999)"
  [ -n "${STORE_DIR:-}" ] || rm -f "$store" "$store"-wal "$store"-shm
done
