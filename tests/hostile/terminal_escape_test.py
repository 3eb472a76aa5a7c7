#!/usr/bin/env python3
"""Runs every parley command on datasets of hostile names (terminal escape sequences, C1
controls, bidi overrides, every C0 control) and fails if any of those reaches standard output
or standard error raw where the output is text for people. JSON, DOT and GraphML are machine
formats and keep names exact; there only the C0 controls that JSON and DOT must escape are
checked for. Usage: terminal_escape_test.py PATH-TO-PARLEY"""
import json
import os
import re
import subprocess
import sys
import tempfile

PARLEY = sys.argv[1]
FIXTURES = ["tests/fixtures/valid/terminal-escapes.json", "tests/fixtures/valid/hostile-names.json"]
# Text for people: no C0 control but the line feed, no DEL, no C1 control, no bidi control.
RAW_IN_TEXT = re.compile(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
# Machine formats: JSON and DOT escape or replace C0 controls themselves.
RAW_IN_MACHINE = re.compile(rb"[\x00-\x09\x0b-\x1f]")
failures = []
runs = 0


def run(args, machine=False, stdin=b""):
    global runs
    runs += 1
    result = subprocess.run([PARLEY] + args, input=stdin, capture_output=True, timeout=60)
    for name, data in (("stdout", result.stdout), ("stderr", result.stderr)):
        # Messages are text even when the answer is JSON.
        pattern = RAW_IN_MACHINE if machine and name == "stdout" else RAW_IN_TEXT
        found = pattern.search(data)
        if found:
            start = max(0, found.start() - 30)
            failures.append("%s: raw %r on %s near %r" % (" ".join(map(repr, args)), found.group(), name, data[start:found.end() + 30]))
    return result


def main():
    for fixture in FIXTURES:
        with open(fixture, encoding="utf-8") as f:
            data = json.load(f)
        db = ["--db", fixture]
        ids = [e["id"] for e in data["entities"]]
        names = [e["name"] for e in data["entities"] if "\x00" not in e["name"]]
        people = [e["id"] for e in data["entities"] if e["kind"] == "person"]
        events = [e["id"] for e in data["entities"] if e["kind"] in ("meeting", "visit", "conference")]
        for fmt, machine in (("text", False), ("json", True)):
            f = ["--format", fmt]
            run(db + f + ["stats"], machine)
            run(db + f + ["check"], machine)
            run(db + f + ["timeline"], machine)
            run(db + f + ["who-met", "--all"], machine)
            for entity in ids:
                run(db + f + ["show", entity], machine)
                run(db + f + ["neighbours", entity], machine)
                run(db + f + ["timeline", entity], machine)
            for person in people:
                run(db + f + ["who-met", person], machine)
            for a, b in zip(ids, ids[1:] + ids[:1]):
                run(db + f + ["path", a, b], machine)
                run(db + f + ["why", a, b], machine)
                run(db + f + ["sources", a, b], machine)
                run(db + f + ["who-met", a, b], machine)
        run(db + ["export"], True)
        run(db + ["export", "--format", "dot"], True)
        run(db + ["export", "--format", "json"], True)
        for entity in ids[:5]:
            run(db + ["neighbours", entity, "--format", "dot"], True)
        # Names that are not found, or are not options, are echoed in messages.
        for name in names[:40]:
            run(db + ["who-met", name])
            run(db + ["show", name[:200] + "x"])
            run(db + ["path", name, "nobody"])
        # Batch and shell, text and jsonl: every line names an entity.
        script = "".join("show %s\nwho-met %s\nneighbours %s\n" % (e, e, e) for e in ids).encode()
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "script.txt")
            with open(path, "wb") as f:
                f.write(script)
            run(db + ["batch", path])
            run(db + ["batch", path, "--format", "jsonl"], True)
            run(db + ["shell"], stdin=script)
    # What a person types: the example of issue 16 and its kin, on the embedded dataset.
    hostile = ["Abe\x1b]0;pwn\x07", "\x1b[2J\x1b[H", "Abe\u009b31m", "\u202eebA", "Abe\x7f", "A\rB", "A\tB"]
    for text in hostile:
        run(["who-met", text])
        run(["show", text])
        run(["path", text, "Putin"])
        run([text])  # an unknown command
        run(["who-met", "Abe", "--" + text])  # an unknown option
        run(["who-met", "Abe", "--format", text])
        run(["neighbours", "Abe", "--kinds", text])
        run(["batch", "-"], stdin=("who-met %s\nshow '%s'\n%s\n" % (text, text, text)).encode())
        run(["shell"], stdin=("who-met '%s'\nhelp %s\n" % (text, text)).encode())
        run(["--db", "/nonexistent/" + text, "stats"])
    if failures:
        print("%d of %d runs printed raw control characters:" % (len(failures), runs))
        for failure in failures[:40]:
            print("  " + failure)
        sys.exit(1)
    print("%d runs, no raw control character in text output" % runs)


if __name__ == "__main__":
    main()
