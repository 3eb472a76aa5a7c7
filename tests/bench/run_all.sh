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
echo "== the same on the citation-heavy shape (parley_generate --shape cited)"
PARLEY_BENCH_SHAPE=cited "$bench/parley_query_bench"

echo "== each who-met and neighbours JSON answer against the cost of its bytes (answer-bytes floor), both shapes"
"$bench/parley_answer_bench"
PARLEY_BENCH_SHAPE=cited "$bench/parley_answer_bench"

echo "== peak resident memory after loading (MB, entities, relations)"
for scale in 1 10; do
  file=/tmp/parley-bench-scale$scale.json
  [ -f "$file" ] || "$bench/parley_generate" --scale $scale > "$file"
  echo "scale $scale  parley: $("$bench/parley_memory" parley "$file")   floor: $("$bench/parley_memory" floor "$file")"
  file=/tmp/parley-bench-cited-scale$scale.json
  [ -f "$file" ] || "$bench/parley_generate" --scale $scale --shape cited > "$file"
  echo "scale $scale, cited  parley: $("$bench/parley_memory" parley "$file")   floor: $("$bench/parley_memory" floor "$file")"
done

echo "== loads from a fresh process, both shapes at scale 1 and 10: parley against mapping and parsing the file"
"$(dirname "$0")/cold_load_bench.sh" "$build/cli/parley" "$bench/parley_parse_floor" "$bench/parley_generate"

echo "== answers and exports from a fresh process, both shapes at scale 1: wall, CPU, peak memory, bytes"
"$(dirname "$0")/answers_bench.sh" "$build/cli/parley" "$bench/parley_generate"

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

echo "== import of 1,000,000 generated rows: parley against the floor, SQLite and Kuzu; memory; queries on the year"
# IMPORT_ROWS overrides the size, for a quick look; the figures in docs/benchmarks.md are at 1,000,000.
"$(dirname "$0")/import_bench.sh" "$build" "${IMPORT_ROWS:-1000000}"
