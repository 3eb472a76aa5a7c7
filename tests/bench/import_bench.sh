#!/usr/bin/env bash
# The import of generated event files (ICEWS-shaped and GDELT-2.0-shaped) against, in the same
# run: the floor (read the file, split every field, nothing else), SQLite's import of the same
# file (the sqlite3 shell's .import) and Kuzu's COPY FROM (npm kuzu, when installed: `make
# bench-peers` installs it), each into an on-disk database as parley writes a file. Then the
# memory of the import against the dataset it writes as parley loads it, and who-met, path and
# neighbours on the imported ICEWS year, from a fresh process and warm (parley_imported_queries).
# Medians of IMPORT_REPS runs (3), wall and CPU (user + system) time, peak resident memory.
# usage: import_bench.sh BUILD_DIR [ROWS]      KUZU_NODE_MODULES=DIR for Kuzu;
#        IMPORT_ONLY=1 for the imports alone (no memory of the load, no queries)
set -euo pipefail
build=$1
rows=${2:-1000000}
bench=$build/tests/bench
parley=$build/cli/parley
reps=${IMPORT_REPS:-3}
peers=$(cd "$(dirname "$0")/peers" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | sed -n "$((($(wc -l <"$1") + 1) / 2))p"; }

# Runs "$@" $reps times (output discarded; PREPARE, if set, runs before each) and sets WALL and
# CPU (ms) and RSS (MB) to the medians.
measure() {
  : >"$work/wall" && : >"$work/cpu" && : >"$work/rss"
  for _ in $(seq "$reps"); do
    [ -z "${PREPARE:-}" ] || eval "$PREPARE"
    /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/stderr" || {
      cat "$work/stderr" >&2
      return 1
    }
    read -r e u s m <"$work/time"
    awk -v e="$e" 'BEGIN { printf "%d\n", e * 1000 }' >>"$work/wall"
    awk -v u="$u" -v s="$s" 'BEGIN { printf "%d\n", (u + s) * 1000 }' >>"$work/cpu"
    echo $((m / 1024)) >>"$work/rss"
  done
  WALL=$(median "$work/wall" <"$work/wall")
  CPU=$(median "$work/cpu" <"$work/cpu")
  RSS=$(median "$work/rss" <"$work/rss")
}
row() {  # NAME, then the figures of the last measure, and the CPU time against the floor's
  printf '%-26s %9s ms %9s ms %7s MB %8s\n' "$1" "$WALL" "$CPU" "$RSS" \
    "$(awk -v c="$CPU" -v f="$FLOOR_CPU" 'BEGIN { printf "%.2fx", c / (f > 0 ? f : 1) }')"
}

kuzu=${KUZU_NODE_MODULES:-}
if [ -z "$kuzu" ] || [ ! -f "$kuzu/kuzu/kuzujs.node" ] || ! command -v node >/dev/null; then
  echo "Kuzu: skipped (no node, or no kuzu in KUZU_NODE_MODULES: run make bench-peers once to install it)"
  kuzu=
fi
have_sqlite=$(command -v sqlite3 >/dev/null && echo yes || echo no)
[ "$have_sqlite" = yes ] || echo "SQLite: skipped (no sqlite3 shell: apt-get install sqlite3)"

for format in icews gdelt; do
  file=/tmp/parley-bench-$format-$rows.tsv
  [ -f "$file" ] || "$bench/parley_generate_events" $format --rows "$rows" >"$file"
  out=$work/$format.json
  echo "== import of $rows $format rows ($(($(stat -c %s "$file") / 1000000)) MB): medians of $reps"
  printf '%-26s %12s %12s %10s %8s\n' "" wall "CPU (u+s)" "peak RSS" "CPU/floor"
  FLOOR_CPU=1
  measure "$bench/parley_import_floor" "$file"
  FLOOR_CPU=$CPU
  row "floor (read, split)"
  measure "$parley" import $format "$file" -o "$out"
  row "parley import"
  import_rss=$RSS
  if [ "$have_sqlite" = yes ]; then
    measure "$peers/sqlite_import.sh" "$file" $format "$work/$format.sqlite"
    row "SQLite .import"
    rm -f "$work/$format.sqlite"
  fi
  if [ -n "$kuzu" ]; then
    PREPARE="rm -rf '$work/kuzu' '$work/kuzu.wal'"
    measure env NODE_PATH="$kuzu" node "$peers/kuzu_import.js" "$file" $format "$work/kuzu"
    PREPARE=
    row "Kuzu COPY FROM (node)"
    rm -rf "$work/kuzu" "$work/kuzu.wal"
    # The COPY alone, without starting node and loading Kuzu.
    env NODE_PATH="$kuzu" node "$peers/kuzu_import.js" "$file" $format "$work/kuzu" |
      sed 's/.*"rows":\([0-9]*\),"copy_ms":\([0-9]*\).*/  (its COPY alone: \2 ms, \1 rows)/'
    rm -rf "$work/kuzu" "$work/kuzu.wal"
  fi
  [ -z "${IMPORT_ONLY:-}" ] || continue
  measure "$parley" --db "$out" stats
  echo "dataset written: $(($(stat -c %s "$out") / 1000000)) MB; loaded by parley stats: $WALL ms, $CPU ms CPU, peak RSS $RSS MB;" \
    "import peak RSS / load peak RSS: $(awk -v a="$import_rss" -v b="$RSS" 'BEGIN { printf "%.2f", a / b }')"

  [ $format = icews ] || continue
  # Queries on the imported year: the person in most held gatherings (042-046 rows, either
  # side), a path from them to the least busy person, neighbours at depth 1 and 2.
  awk -F'\t' 'NR > 1 && $7 ~ /^04[2346]$/ {
      if ($4 != "" && $4 != "NA" && $3 !~ / \(/) n[$3]++
      if ($10 != "" && $10 != "NA" && $9 !~ / \(/) n[$9]++ }
    END { for (a in n) print n[a] "\t" a }' "$file" | sort -k1,1nr -k2 >"$work/people"
  busiest=$(head -1 "$work/people" | cut -f2)
  quiet=$(tail -1 "$work/people" | cut -f2)
  echo "== queries on the imported ICEWS year: the busiest person \"$busiest\" ($(head -1 "$work/people" | cut -f1) rows), the least busy \"$quiet\""
  echo "fresh process (load and answer), medians of $reps:"
  query() {  # NAME, then the query's words
    local name=$1
    shift
    measure "$parley" --db "$out" "$@"
    printf '  %-30s %8s ms wall %8s ms CPU\n' "$name" "$WALL" "$CPU"
  }
  query "who-met (busiest)" who-met "$busiest"
  query "path (busiest, least busy)" path "$busiest" "$quiet"
  query "neighbours depth 1 (busiest)" neighbours "$busiest" --depth 1
  query "neighbours depth 2 (busiest)" neighbours "$busiest" --depth 2
  echo "warm (data loaded once), median of 5 rounds:"
  "$bench/parley_imported_queries" "$out" "$busiest" "$quiet" | sed 's/^/  /'
  # The year kept in a store, built once: a query reads the rows it needs (scoped reads), or
  # the whole store where it cannot say beforehand which rows those are (path).
  store="$work/year.parley"
  PREPARE="rm -f '$store'"
  measure "$parley" build --db "$out" -o "$store"
  PREPARE=
  echo "the year built into a store: $WALL ms wall, $CPU ms CPU, peak RSS $RSS MB, $(($(stat -c %s "$store") / 1000000)) MB"
  echo "fresh process on the store (load and answer), medians of $reps:"
  out_json=$out
  out=$store
  query "who-met (busiest)" who-met "$busiest"
  query "path (busiest, least busy)" path "$busiest" "$quiet"
  query "neighbours depth 1 (busiest)" neighbours "$busiest" --depth 1
  query "neighbours depth 2 (busiest)" neighbours "$busiest" --depth 2
  out=$out_json
  rm -f "$store"
done
