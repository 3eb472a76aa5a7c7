#!/usr/bin/env bash
# A line whose answer cannot fit in memory fails alone, with a message and exit code 4, and a
# batch goes on to its next line. The answer: `who-met --all` on one held gathering of 20,000
# people, 200 million pairs, under a 1 GB limit on the address space. Exits 77 (a skip) in a
# sanitizer build, which reserves terabytes of address space before main.
# usage: out_of_memory_test.sh PARLEY
set -uo pipefail
parley=$1
if [ -n "${PARLEY_MEMORY_LIMIT_SKIP:-}" ]; then
  echo "skipped: $PARLEY_MEMORY_LIMIT_SKIP"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cite='"sources": [{"source": "s", "quote": "q"}]'
{
  echo '{"format": "parley-dataset/1", "sources": [{"id": "s", "publisher": "P", "title": "T", "published": "2019-03"}],'
  echo ' "entities": [{"id": "summit", "kind": "meeting", "name": "Summit", '"$cite"','
  echo '   "attributes": [{"name": "status", "value": "held", '"$cite"'}]}'
  for ((p = 0; p < 20000; ++p)); do echo ',{"id": "p'$p'", "kind": "person", "name": "Person '$p'", '"$cite"'}'; done
  echo '], "relations": [{"type": "participant_in", "from": "p0", "to": "summit", '"$cite"'}'
  for ((p = 1; p < 20000; ++p)); do echo ',{"type": "participant_in", "from": "p'$p'", "to": "summit", '"$cite"'}'; done
  echo ']}'
} >"$work/summit.json"
status=0
fail() { echo "FAIL: $*"; status=1; }

(ulimit -v 1000000; "$parley" --db "$work/summit.json" who-met --all >"$work/out" 2>"$work/err")
code=$?
[ "$code" = 4 ] || fail "who-met --all exited with $code, not 4"
expected='parley: error[out-of-memory]: not enough memory for this answer'
[ "$(cat "$work/err")" = "$expected" ] || fail "standard error was: $(head -c 500 "$work/err")"
[ ! -s "$work/out" ] || fail "a failed answer printed: $(head -c 200 "$work/out")"

printf 'who-met --all\nwho-met p1 p2\n' >"$work/lines.txt"
(ulimit -v 1000000; "$parley" --db "$work/summit.json" batch "$work/lines.txt" --format jsonl >"$work/out" 2>"$work/err")
code=$?
[ "$code" = 4 ] || fail "the batch exited with $code, not 4"
grep -q '^{"format":"parley-answer/1","line":1,"query":"who-met --all","ok":false,"exit_code":4,"errors":\[{"code":"out-of-memory","message":"not enough memory for this answer"}\]}$' "$work/out" ||
  fail "line 1's record was: $(head -n 1 "$work/out" | head -c 500)"
grep -q '^{"format":"parley-answer/1","line":2,"query":"who-met p1 p2","ok":true,"exit_code":0,"result":{.*"meeting_count":1,' "$work/out" ||
  fail "line 2 did not answer after line 1 ran out of memory: $(sed -n 2p "$work/out" | head -c 500)"
[ "$status" = 0 ] && echo "ok: out of memory is one line's error"
exit $status
