#!/usr/bin/env bash
# The JSON export of a store is a dataset that `check` accepts and that `build` turns back into
# the same store: same records (the exports are byte for byte equal), same answers; the title,
# description and schema extension travel with the records.
# usage: roundtrip_test.sh PARLEY GENERATE
set -euo pipefail
parley=$1
generate=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

round_trip() {  # name, then the --db arguments of the original
  local name=$1
  shift
  "$parley" build "$@" -o "$work/$name-a.parley" --author test -m "round trip" >/dev/null
  if [ "$name" = default ]; then
    # Written and retracted facts travel too.
    "$parley" --db "$work/$name-a.parley" add meeting --participants Kono,Lavrov --at Tokyo --date 2019-05-31 \
      --status held --source asahi-2019-06 --quote "Lavrov visited Tokyo" -m "a meeting" --author test >/dev/null
    "$parley" --db "$work/$name-a.parley" retract alias shinzo-abe Abe -m "an alias" --author test >/dev/null
  else
    # The JSON export of the JSON itself is what the store must give back.
    "$parley" "$@" export --format json >"$work/$name-from-json.json"
  fi
  "$parley" --db "$work/$name-a.parley" export --format json >"$work/$name-a.json"
  "$parley" check --db "$work/$name-a.json" >/dev/null || fail "$name: check rejects the export"
  "$parley" build --db "$work/$name-a.json" -o "$work/$name-b.parley" --author test -m "round trip" >/dev/null
  "$parley" --db "$work/$name-b.parley" export --format json >"$work/$name-b.json"
  cmp -s "$work/$name-a.json" "$work/$name-b.json" || fail "$name: the rebuilt store exports differently"
  if [ -f "$work/$name-from-json.json" ]; then
    cmp -s "$work/$name-from-json.json" "$work/$name-a.json" || fail "$name: the store holds other records than its JSON"
  fi
  for query in "stats" "who-met person-0" "timeline person-3"; do
    [ "$name" = default ] && query=${query/person-0/Abe} && query=${query/person-3/Lavrov}
    # shellcheck disable=SC2086
    diff <("$parley" --db "$work/$name-a.parley" $query 2>&1) <("$parley" --db "$work/$name-b.parley" $query 2>&1) \
      >/dev/null || fail "$name: '$query' answers differently from the rebuilt store"
  done
  echo "$name: $(wc -c <"$work/$name-a.json") bytes of JSON, round trip exact"
}

round_trip default --db @default
# A titled dataset keeps its title and description through build and export.
grep -q '^  "title": "Japan–Russia peace-treaty talks, 2018–2019",$' "$work/default-a.json" || fail "default: the export lost the title"
grep -q '^  "description": "Actors, places' "$work/default-a.json" || fail "default: the export lost the description"
# Data that extends the relation schema, by a dataset's own "schema" and by a --schema file.
round_trip extended --db @default --db tests/fixtures/schema/consultations.json
grep -q '"remote_talks"' "$work/extended-a.json" || fail "extended: the export lost the schema extension"
round_trip institution --schema tests/fixtures/schema/institution.schema.json --db @default --db tests/fixtures/schema/institution.json
"$generate" --scale 0.02 --seed 7 >"$work/generated.json"
round_trip generated --db "$work/generated.json"
# Coded event data: citations that name a coded record instead of quoting.
"$parley" import icews tests/fixtures/import/icews-mapping.tab -o "$work/imported.json" 2>/dev/null
round_trip imported --db "$work/imported.json"
