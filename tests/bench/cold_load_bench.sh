#!/usr/bin/env bash
# A load as a user meets it: a fresh process, `parley --db FILE stats`, against the floor of a
# fresh process that maps the same file and parses it into one RapidJSON DOM
# (parley_parse_floor), on both dataset shapes of parley_generate (plain and cited) at each scale
# of SCALES. Each figure is the median of RUNS runs from /usr/bin/time: wall, user and system
# seconds, peak resident memory. With a second binary (BEFORE), it is measured in the same run,
# alternating with the first. The page cache is warm (the file was read just before), as it is
# when a user queries a file again; the process is cold.
# usage: cold_load_bench.sh PARLEY PARLEY_PARSE_FLOOR PARLEY_GENERATE [BEFORE_PARLEY]
set -euo pipefail
parley=$1
floor=$2
generate=$3
before=${4:-}
runs=${RUNS:-3}
scales=${SCALES:-1 10}

timing=$(mktemp)
trap 'rm -f "$timing" "$timing".*' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# run KEY BINARY ARGS...: one run, its figures appended to $timing.KEY
run() {
  local key=$1
  shift
  /usr/bin/time -o "$timing" -f '%e %U %S %M' "$@" > /dev/null 2> /dev/null
  cat "$timing" >> "$timing.$key"
}

# report KEY LABEL [FLOOR_KEY]: medians of KEY's runs, and CPU and wall as ratios to FLOOR_KEY's.
report() {
  local key=$1 label=$2 floor_key=${3:-}
  local wall user sys rss cpu
  wall=$(awk '{ print $1 }' "$timing.$key" | median)
  user=$(awk '{ print $2 }' "$timing.$key" | median)
  sys=$(awk '{ print $3 }' "$timing.$key" | median)
  cpu=$(awk '{ print $2 + $3 }' "$timing.$key" | median)
  rss=$(awk '{ print $4 / 1024 }' "$timing.$key" | median)
  local ratio=""
  if [ -n "$floor_key" ]; then
    local floor_wall floor_cpu floor_rss
    floor_wall=$(awk '{ print $1 }' "$timing.$floor_key" | median)
    floor_cpu=$(awk '{ print $2 + $3 }' "$timing.$floor_key" | median)
    floor_rss=$(awk '{ print $4 / 1024 }' "$timing.$floor_key" | median)
    ratio=$(awk -v w="$wall" -v fw="$floor_wall" -v c="$cpu" -v fc="$floor_cpu" -v r="$rss" -v fr="$floor_rss" \
      'BEGIN { printf "  wall %.2fx  cpu %.2fx  peak %.2fx of the floor", w / fw, c / fc, r / fr }')
  fi
  printf '%-34s wall %6.2f s  user %6.2f s  sys %5.2f s  cpu %6.2f s  peak %6.0f MB%s\n' \
    "$label" "$wall" "$user" "$sys" "$cpu" "$rss" "$ratio"
}

for scale in $scales; do
  for shape in plain cited; do
    file=/tmp/parley-bench-scale$scale.json
    [ "$shape" = plain ] || file=/tmp/parley-bench-$shape-scale$scale.json
    [ -f "$file" ] || "$generate" --scale "$scale" --shape "$shape" > "$file"
    cat "$file" > /dev/null  # the page cache holds it, as for a file queried before
    rm -f "$timing".*
    for _ in $(seq "$runs"); do
      run floor "$floor" "$file"
      run parley "$parley" --db "$file" stats
      [ -z "$before" ] || run before "$before" --db "$file" stats
    done
    echo "-- $shape shape, scale $scale: $(wc -c < "$file") bytes, $runs fresh processes each"
    report floor "floor (map + DOM parse)"
    report parley "parley stats" floor
    [ -z "$before" ] || report before "parley stats, before" floor
  done
done
