#!/usr/bin/env bash
# What a user meets: each query from a fresh process (load included), on both dataset shapes of
# parley_generate (plain and cited) at scale 1. Each figure is the median of RUNS runs from
# /usr/bin/time: wall seconds, CPU seconds (user + system), peak resident memory in MB; then
# the answer's size in bytes. A second parley binary (BEFORE) is measured the same way, in the
# same run, for before-and-after ratios of the same commands. The batches run many answers on
# one load, as the issue's figures did, so that the answers, not the load, dominate: 15
# neighbours queries (five people, depths 1 to 3) and who-met of 20 people, each line as JSON.
# The timeline of everything and of the hub, who-met --all and a state's who-met, and the facts
# of every source, list every event, pair or fact.
# Then the whole-graph exports, to standard output and with -o, whose peak memory is read
# against the load's (`stats`). SECTIONS="queries exports" chooses what runs (both by default).
# usage: answers_bench.sh PARLEY PARLEY_GENERATE [BEFORE_PARLEY]
set -euo pipefail
parley=$1
generate=$2
before=${3:-}
runs=${RUNS:-5}
scale=${ANSWERS_SCALE:-1}
sections=${SECTIONS:-queries exports}

timing=$(mktemp)

# median of the numbers on standard input
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# measure LABEL BINARY ARGS...: one line of medians.
measure() {
  local label=$1 binary=$2
  shift 2
  local walls=() cpus=() rss=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$timing" -f '%e %U %S %M' "$binary" "$@" > /dev/null 2> /dev/null
    read -r wall user sys kb < "$timing"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
    rss+=("$(( kb / 1024 ))")
  done
  local bytes
  bytes=$("$binary" "$@" 2> /dev/null | wc -c)
  printf '%-58s wall %6s s  cpu %6s s  peak %6s MB  answer %12s bytes\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" \
    "$(printf '%s\n' "${rss[@]}" | median)" "$bytes"
}

scripts=$(mktemp -d)
trap 'rm -f "$timing"; rm -rf "$scripts"' EXIT
for person in 0 50 500 5000 9999; do
  for depth in 1 2 3; do
    echo "neighbours person-$person --depth $depth --format json" >> "$scripts/neighbours.txt"
    echo "neighbours person-$person --depth $depth --format json --edges among" >> "$scripts/neighbours-among.txt"
  done
done
for person in 0 1 2 5 10 20 50 100 200 500 1000 1500 2000 3000 4000 5000 6000 7000 8000 9999; do
  echo "who-met person-$person --format json" >> "$scripts/who-met.txt"
  echo "who-met person-$person --format json --rows compact" >> "$scripts/who-met-compact.txt"
  echo "who-met person-$person" >> "$scripts/who-met-jsonl.txt"
done
out=$scripts/out

for shape in plain cited; do
  # the same files as run_all.sh and parley_query_bench use
  file=/tmp/parley-bench-scale$scale.json
  [ "$shape" = plain ] || file=/tmp/parley-bench-$shape-scale$scale.json
  [ -f "$file" ] || "$generate" --scale "$scale" --shape "$shape" > "$file"
  echo "-- $shape shape, scale $scale: $(wc -c < "$file") bytes"
  measure "load (stats)" "$parley" --db "$file" stats
  if [[ " $sections " == *" queries "* ]]; then
    for depth in 1 3; do
      if [ -n "$before" ]; then
        measure "before: neighbours person-50 --depth $depth (json)" "$before" --db "$file" --format json neighbours person-50 --depth "$depth"
      fi
      measure "neighbours person-50 --depth $depth (json)" "$parley" --db "$file" --format json neighbours person-50 --depth "$depth"
      measure "neighbours person-50 --depth $depth --edges among (json)" "$parley" --db "$file" --format json neighbours person-50 --depth "$depth" --edges among
    done
    if [ -n "$before" ]; then
      measure "before: who-met person-0 (json)" "$before" --db "$file" --format json who-met person-0
    fi
    measure "who-met person-0 (json)" "$parley" --db "$file" --format json who-met person-0
    measure "who-met person-0 --rows compact (json)" "$parley" --db "$file" --format json who-met person-0 --rows compact
    if [ -n "$before" ]; then
      measure "before: batch of 15 neighbours (json)" "$before" --db "$file" batch "$scripts/neighbours.txt"
    fi
    measure "batch of 15 neighbours (json)" "$parley" --db "$file" batch "$scripts/neighbours.txt"
    measure "batch of 15 neighbours --edges among (json)" "$parley" --db "$file" batch "$scripts/neighbours-among.txt"
    if [ -n "$before" ]; then
      measure "before: batch of who-met, 20 people (json)" "$before" --db "$file" batch "$scripts/who-met.txt"
    fi
    measure "batch of who-met, 20 people (json)" "$parley" --db "$file" batch "$scripts/who-met.txt"
    measure "batch of who-met, 20 people, --rows compact (json)" "$parley" --db "$file" batch "$scripts/who-met-compact.txt"
    if [ -n "$before" ]; then
      measure "before: batch of who-met, 20 people (jsonl)" "$before" --db "$file" --format jsonl batch "$scripts/who-met-jsonl.txt"
    fi
    measure "batch of who-met, 20 people (jsonl)" "$parley" --db "$file" --format jsonl batch "$scripts/who-met-jsonl.txt"
    # The answers that list every event, pair or fact of the dataset (every generated source's
    # publisher begins "Generated"), or a state's thousands of meetings: their peak memory,
    # against the load's, is what streaming the rows is for.
    for query in "timeline" "timeline person-0" "who-met --all" "who-met state-0" "sources --by Generated"; do
      for format in json text; do
        # shellcheck disable=SC2086  # the query is words
        if [ -n "$before" ]; then
          measure "before: $query ($format)" "$before" --db "$file" --format "$format" $query
        fi
        # shellcheck disable=SC2086
        measure "$query ($format)" "$parley" --db "$file" --format "$format" $query
      done
    done
  fi
  if [[ " $sections " == *" exports "* ]]; then
    for format in dot graphml gexf json; do
      if [ -n "$before" ]; then
        measure "before: export --format $format" "$before" --db "$file" export --format "$format"
      fi
      measure "export --format $format" "$parley" --db "$file" export --format "$format"
    done
    for binary in $before $parley; do
      label="export -o FILE (dot)"
      [ "$binary" = "$parley" ] || label="before: $label"
      measure "$label" "$binary" --db "$file" export -o "$out.dot"
    done
    for format in csv neo4j kuzu; do
      if [ -n "$before" ]; then
        measure "before: export --format $format -o DIR" "$before" --db "$file" export --format "$format" -o "$out-$format"
      fi
      measure "export --format $format -o DIR" "$parley" --db "$file" export --format "$format" -o "$out-$format"
    done
  fi
done
