#!/usr/bin/env bash
# make bench: every benchmark in one run, so that figures compare within the run.
# usage: run_all.sh BUILD_DIR
set -euo pipefail
build=$1
bench=$build/tests/bench

echo "== batch of 10,000 queries on the embedded dataset"
"$bench/parley_batch_bench"

echo "== scale 1 and 10: parley against its floors"
"$bench/parley_query_bench"

echo "== peak resident memory after loading (MB, entities, relations)"
for scale in 1 10; do
  file=/tmp/parley-bench-scale$scale.json
  [ -f "$file" ] || "$bench/parley_generate" --scale $scale > "$file"
  echo "scale $scale  parley: $("$bench/parley_memory" parley "$file")   floor: $("$bench/parley_memory" floor "$file")"
done

echo "== parley who-met Abe from a cold process (wall time, 51 runs)"
times=()
for _ in $(seq 51); do
  start=$(date +%s%N)
  "$build/cli/parley" who-met Abe > /dev/null
  times+=($(( ($(date +%s%N) - start) / 1000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median ${sorted[25]} us, min ${sorted[0]} us, max ${sorted[50]} us"

echo "== check on many errors: time per error stays flat (fresh process, median of 3)"
"$(dirname "$0")/check_errors.sh" "$build/cli/parley"
echo "== the store against the JSON it was built from: first answer, writes, size"
"$(dirname "$0")/store_bench.sh" "$build/cli/parley" "$bench/parley_generate" ${STORE_SCALES:-1 10}

echo "== first who-met from a store: scoped read, whole store read, JSON load (medians of 5)"
"$(dirname "$0")/scoped_bench.sh" "$build/cli/parley" "$bench/parley_generate" ${STORE_SCALES:-1 10}

echo "== import of 1,000,000 generated rows: parley against the floor (read and split every field)"
# IMPORT_ROWS overrides the size, for a quick look; the figures in docs/benchmarks.md are at 1,000,000.
rows=${IMPORT_ROWS:-1000000}
for format in icews gdelt; do
  file=/tmp/parley-bench-$format-$rows.tsv
  [ -f "$file" ] || "$bench/parley_generate_events" $format --rows "$rows" > "$file"
  measure() {  # prints "seconds peak-MB" of a command, its output discarded
    /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{ printf "%s s %.0f MB", $1, $2 / 1024 }'
  }
  floor=$(measure "$bench/parley_import_floor" "$file")
  parley=$(measure "$build/cli/parley" import $format "$file" -o /tmp/parley-bench-$format-$rows.json)
  output=$(du -m /tmp/parley-bench-$format-$rows.json | cut -f1)
  echo "$format ($(du -m "$file" | cut -f1) MB in, $output MB out)  floor: $floor   parley import: $parley"
done
