#!/usr/bin/env bash
# Installs parley into a temporary prefix and builds a small program against it, the way a user
# would: `cmake` mode with find_package(parley CONFIG), `pkg-config` mode with parley.pc. Both
# then run it and compare its count of entities with the installed parley's `stats`.
# Exits 77 (a skip) when the tool the mode needs is missing.
# usage: install_test.sh cmake|pkg-config BUILD_DIR
set -uo pipefail
mode=$1
build=$2
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${PARLEY_INSTALL_SKIP:-}" ]; then
  echo "skipped: $PARLEY_INSTALL_SKIP"
  exit 77
fi

for tool in cmake $([ "$mode" = pkg-config ] && echo pkg-config) c++; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "skipped: $tool is not installed"
    exit 77
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }

for file in bin/parley share/man/man1/parley.1 share/bash-completion/completions/parley share/zsh/site-functions/_parley; do
  [ -f "$prefix/$file" ] || { echo "cmake --install did not install $file"; exit 1; }
done

if [ "$mode" = cmake ]; then
  cmake -S "$here" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" >"$work/configure.log" 2>&1 ||
    { echo "configuring against the installed package failed:"; cat "$work/configure.log"; exit 1; }
  cmake --build "$work/build" >"$work/build.log" 2>&1 || { echo "building failed:"; cat "$work/build.log"; exit 1; }
  program=$work/build/count_entities
else
  pc=$(find "$prefix" -name parley.pc)
  [ -n "$pc" ] || { echo "no parley.pc was installed"; exit 1; }
  flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --cflags --libs parley) || exit 1
  program=$work/count_entities
  # shellcheck disable=SC2086  # the flags are words
  ${CMAKE_CXX_COMPILER_LAUNCHER:-} c++ -O1 -o "$program" "$here/count_entities.cpp" $flags >"$work/build.log" 2>&1 ||
    { echo "building with: c++ ... $flags failed:"; cat "$work/build.log"; exit 1; }
fi

answer=$("$program") || { echo "the program failed: $answer"; exit 1; }
expected=$("$prefix/bin/parley" stats --format json | sed -n 's/^  "entities": \([0-9]*\),$/\1/p')
version=$("$prefix/bin/parley" --version)
echo "$answer"
if [ "$answer" != "$version: $expected entities" ]; then
  echo "expected \"$version: $expected entities\" (the installed parley's --version and stats)"
  exit 1
fi
