#!/usr/bin/env bash
# SQLite importing an event file: the sqlite3 shell's .import of the same TSV that parley imports,
# into a table of its rows (every column TEXT) in an on-disk database, as parley writes a file.
# .import runs in one transaction.
# usage: sqlite_import.sh FILE icews|gdelt DB_FILE
set -euo pipefail
file=$1 format=$2 db=$3
columns=$([ "$format" = icews ] && echo 20 || echo 61)
skip=$([ "$format" = icews ] && echo 1 || echo 0)  # ICEWS files have a header line
rm -f "$db" "$db-journal"
{
  printf 'CREATE TABLE rows('
  for i in $(seq "$columns"); do printf 'c%d TEXT%s' "$i" "$([ "$i" -lt "$columns" ] && echo ,)"; done
  printf ');\n.mode tabs\n.import --skip %d %s rows\nSELECT count(*) FROM rows;\n' "$skip" "$file"
} | sqlite3 "$db"
