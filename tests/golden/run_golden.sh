#!/usr/bin/env bash
# Runs one golden CLI case. A case file reads:
#
#   # what the case shows (comment lines)
#   $ parley check --db tests/fixtures/invalid/unknown-kind.json
#   ? 1
#   --- stdout
#   ...expected standard output...
#   --- stderr
#   ...expected standard error...
#
# The command runs under /bin/sh from the project root with `parley` bound to the binary under
# test. With PARLEY_UPDATE_GOLDEN=1 the case file is rewritten with what the binary printed.
set -uo pipefail
case_file=$1
binary=$2

command=$(sed -n 's/^\$ //p' "$case_file" | head -n 1)
expected_exit=$(sed -n 's/^? //p' "$case_file" | head -n 1)
section() {  # prints the lines of one "--- name" section
  awk -v want="--- $1" '/^--- (stdout|stderr)$/ { inside = ($0 == want); next } inside { print }' "$case_file"
}
if [ -z "$command" ] || [ -z "$expected_exit" ]; then
  echo "golden: $case_file needs a '\$ command' line and a '? exit-code' line" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$(realpath "$binary")" "$work/bin/parley"
PATH="$work/bin:$PATH" sh -c "$command" >"$work/stdout" 2>"$work/stderr" </dev/null
actual_exit=$?

if [ "${PARLEY_UPDATE_GOLDEN:-0}" = 1 ]; then
  if [ "$actual_exit" = 126 ] || [ "$actual_exit" = 127 ]; then  # the binary was missing or being relinked
    echo "golden: not recording $case_file: the shell could not run the command (exit $actual_exit)" >&2
    exit 1
  fi
  {
    sed -n '/^--- \(stdout\|stderr\)$/q; /^? /d; p' "$case_file"
    echo "? $actual_exit"
    echo "--- stdout"; cat "$work/stdout"
    echo "--- stderr"; cat "$work/stderr"
  } >"$work/updated"
  cp "$work/updated" "$case_file"
  exit 0
fi

status=0
# Every DOT a case prints must be accepted by Graphviz without a warning, when it is installed.
if [[ "$command" == *"--format dot"* ]] && ! command -v dot >/dev/null 2>&1; then
  echo "note: Graphviz's dot is not installed; this case's DOT was not checked with it"
elif [[ "$command" == *"--format dot"* ]]; then
  if ! dot -Tsvg -o /dev/null "$work/stdout" 2>"$work/dot-stderr" || [ -s "$work/dot-stderr" ]; then
    echo "dot rejected or warned about the DOT output:"
    cat "$work/dot-stderr"
    status=1
  fi
fi
if [ "$actual_exit" != "$expected_exit" ]; then
  echo "exit code: expected $expected_exit, got $actual_exit"
  status=1
fi
for stream in stdout stderr; do
  if ! diff -u --label "expected $stream" --label "actual $stream" <(section "$stream") "$work/$stream"; then
    status=1
  fi
done
exit $status
