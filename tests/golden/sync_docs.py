#!/usr/bin/env python3
"""Keeps the examples in the docs equal to the golden tests they quote.

A fenced example preceded by `<!-- golden: AREA/CASE.test -->` must read `$ COMMAND` followed by
that case's standard output and standard error. With --check (the test suite), any difference fails and is shown;
without it, the docs are rewritten from the golden files.
usage: sync_docs.py [--check] ROOT
"""
import difflib
import pathlib
import re
import sys

MARK = re.compile(r"<!-- golden: (\S+) -->\n```console\n(.*?)```\n", re.S)


def expected(root, case):
    text = (root / "tests" / "golden" / case).read_text()
    command = re.search(r"^\$ (.*)$", text, re.M).group(1)
    stdout, stderr = text.split("--- stdout\n", 1)[1].split("--- stderr\n", 1)
    return "$ " + command + "\n" + stdout + stderr  # as a terminal shows them


def main():
    check = "--check" in sys.argv
    root = pathlib.Path([a for a in sys.argv[1:] if a != "--check"][0])
    stale = 0
    for doc in sorted([root / "README.md"] + list((root / "docs").glob("*.md"))):
        text = doc.read_text()

        def replace(match):
            nonlocal stale
            want = expected(root, match.group(1))
            if match.group(2) != want:
                stale += 1
                if check:
                    print(f"{doc.relative_to(root)}: the example of {match.group(1)} differs from the golden test:")
                    sys.stdout.writelines(difflib.unified_diff(match.group(2).splitlines(True), want.splitlines(True), "docs", "golden"))
            return f"<!-- golden: {match.group(1)} -->\n```console\n{want}```\n"

        new = MARK.sub(replace, text)
        if not check and new != text:
            doc.write_text(new)
    if check and stale:
        print(f"{stale} stale examples; run tests/golden/sync_docs.py . to update them")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
