#!/usr/bin/env bash
# The generated files checked by the tools that read them (tests/CMakeLists.txt runs each mode):
#   bash DIR PARLEY  - parley.bash sourced in bash completes as a user would see, and lists every
#                      option `parley COMMAND --help` shows
#   man DIR          - parley.1 passes groff's man macros with every warning on and none given
#   zsh DIR          - _parley is valid zsh
# A mode whose tool is missing exits 77 (a skip), saying so.
set -uo pipefail
mode=$1
dir=$2
status=0
fail() { echo "FAIL: $*"; status=1; }

case $mode in
bash)
  parley=$3
  # shellcheck source=/dev/null
  source "$dir/parley.bash"
  complete_words() {  # the words typed, the last one being completed
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMPREPLY=()
    _parley
    printf '%s\n' "${COMPREPLY[@]}"
  }
  # "wh" begins two commands; "who" one.
  [ "$(complete_words parley wh | tr '\n' ' ')" = "who-met why " ] || fail "parley wh offers: $(complete_words parley wh | tr '\n' ' ')"
  [ "$(complete_words parley who)" = who-met ] || fail "parley who completes to: $(complete_words parley who)"
  [ "$(complete_words parley --db x.json ne)" = neighbours ] || fail "a command after a global option"
  grep -qx -- --status <<<"$(complete_words parley who-met Abe --st)" || fail "who-met --st does not offer --status"
  [ "$(complete_words parley batch --format j)" = jsonl ] || fail "batch --format j: $(complete_words parley batch --format j)"
  [ "$(complete_words parley stats --format j)" = json ] || fail "stats --format j"
  grep -qx "$dir/parley.bash" <<<"$(complete_words parley --db "$dir/parley.")" || fail "--db does not complete file names"
  # Every option --help lists for a command is offered after "-".
  for command in $(complete_words parley ''); do
    offered=$(complete_words parley "$command" -)
    for option in $("$parley" "$command" --help | grep -oE '^  (-[a-z] \[ )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
      grep -qx -- "$option" <<<"$offered" || fail "parley $command --help lists $option; the completion does not offer it"
    done
  done
  [ "$(complete_words parley '' | wc -l)" -gt 10 ] || fail "too few commands offered"
  ;;
man)
  command -v groff >/dev/null 2>&1 || { echo "skipped: groff is not installed"; exit 77; }
  warnings=$(groff -man -ww -z "$dir/parley.1" 2>&1)
  [ -z "$warnings" ] || fail "groff warns about parley.1: $warnings"
  grep -q '^\.SS who\\-met$' "$dir/parley.1" || fail "parley.1 has no who-met section"
  ;;
zsh)
  command -v zsh >/dev/null 2>&1 || { echo "skipped: zsh is not installed"; exit 77; }
  zsh -n "$dir/_parley" || fail "_parley is not valid zsh"
  ;;
esac
[ $status = 0 ] && echo "ok: $mode"
exit $status
