#!/usr/bin/env bash
# Builds the Debian package (as `make deb` does) into a temporary folder and checks with
# dpkg-deb what it holds: the binary, the library, its CMake package and parley.pc, the man page
# and both completions, and its declared dependencies. Installing it needs root, so this test
# does not; docs/guide.md says how. Exits 77 (a skip) without cpack or dpkg-deb.
# usage: deb_test.sh BUILD_DIR
set -uo pipefail
build=$1
if [ -n "${PARLEY_INSTALL_SKIP:-}" ]; then
  echo "skipped: $PARLEY_INSTALL_SKIP"
  exit 77
fi
for tool in cpack dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skipped: $tool is not installed"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
deb=$(find "$work" -maxdepth 1 -name 'parley_*.deb')
[ -n "$deb" ] || { echo "cpack made no parley_*.deb"; cat "$work/cpack.log"; exit 1; }
status=0
contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/parley ./usr/share/man/man1/parley.1 ./usr/share/bash-completion/completions/parley \
            ./usr/share/zsh/vendor-completions/_parley ./usr/lib/libparley_core.a ./usr/include/parley/graph/database.h \
            ./usr/include/parley/version.h ./usr/lib/cmake/parley/parleyConfig.cmake ./usr/lib/pkgconfig/parley.pc; do
  grep -qE " $path\$" <<<"$contents" || { echo "FAIL: the package lacks $path"; status=1; }
done
grep -qE '^-rwxr-xr-x .* \./usr/bin/parley$' <<<"$contents" || { echo "FAIL: /usr/bin/parley is not executable"; status=1; }
depends=$(dpkg-deb -f "$deb" Depends)
for package in libicu72 libsqlite3-0 libboost-program-options1.74.0 libedit2 libstdc++6; do
  grep -q "$package" <<<"$depends" || { echo "FAIL: Depends lacks $package: $depends"; status=1; }
done
# Every shared library the packaged binary needs comes from a declared dependency.
dpkg-deb -x "$deb" "$work/root"
if command -v ldd >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  for lib in $(ldd "$work/root/usr/bin/parley" | awk '$3 ~ /^\// {print $3}'); do
    owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | head -1 | cut -d: -f1)
    case $owner in libbsd0|libmd0|libtinfo6) ;;  # pulled in by libedit2
      *) grep -q "$owner" <<<"$depends" || { echo "FAIL: $lib comes from $owner, not declared: $depends"; status=1; } ;;
    esac
  done
fi
"$work/root/usr/bin/parley" --version >/dev/null || { echo "FAIL: the packaged binary does not run"; status=1; }
[ $status = 0 ] && echo "ok: $(basename "$deb"), Depends: $depends"
exit $status
