#!/usr/bin/env python3
"""The shapes of parley's JSON answers, held to their format version.

Runs every case of cases.txt, checks that each answer is an object whose first member is
"format": "parley-answer/N", and reduces it to its shape: member names and value types,
recursively (the elements of an array merged into one shape). The shapes are compared with
answers.json, recorded with the version they belong to:

  - same version, same shapes: pass.
  - same version, members only added: fail, asking to re-record (PARLEY_UPDATE_SHAPES=1 does);
    an addition is compatible, but the record must know the new member so its loss is caught.
  - same version, a member removed or a type changed: fail; the recorder refuses it too. Such a
    change needs a new version (kAnswerFormat in cli/answer_format.h) and a note in
    docs/queries.md; with the new version, the recorder writes the new shapes.

Usage: answer_shapes.py PARLEY_BINARY   (from the project root; PARLEY_UPDATE_SHAPES=1 records)
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases.txt")
RECORD = os.path.join(HERE, "answers.json")


def read_cases():
    cases = []
    with open(CASES, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, command = line.split(":", 1)
            cases.append((name.strip(), command.strip()))
    return cases


def run(binary, command):
    with tempfile.TemporaryDirectory() as work:
        bin_dir = os.path.join(work, "bin")
        tmp = os.path.join(work, "tmp")
        os.mkdir(bin_dir)
        os.mkdir(tmp)
        os.symlink(os.path.realpath(binary), os.path.join(bin_dir, "parley"))
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""), TMP=tmp)
        done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=env,
                              stdin=subprocess.DEVNULL)
        return done.stdout, done.stderr


def answers_of(text):
    """One JSON document, or JSON lines: a list of answers, each with its pairs in order."""
    text = text.strip()
    if not text:
        return []
    try:
        return [json.loads(text, object_pairs_hook=list)]
    except json.JSONDecodeError:
        return [json.loads(line, object_pairs_hook=list) for line in text.splitlines()]


def type_name(value):
    if isinstance(value, list) and all(isinstance(p, tuple) for p in value) and value:
        return "object"
    if isinstance(value, list):
        return "array"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string"


def shape(value, into=None):
    """A shape is a dict: type name -> None (scalars), member shapes (object), element shape (array).
    Objects are read as lists of (name, value) pairs: an empty object and an empty array both
    parse as [], so both are recorded as "empty"."""
    into = {} if into is None else into
    if value == []:
        into.setdefault("empty", None)
        return into
    kind = type_name(value)
    if kind == "object":
        members = into.setdefault("object", {})
        for name, member in value:
            members[name] = shape(member, members.get(name))
    elif kind == "array":
        element = into.setdefault("array", {})
        for item in value:
            shape(item, element)
    else:
        into.setdefault(kind, None)
    return into


def differences(recorded, current, where="$"):
    """(removed or changed, added) between two shapes, as readable lines."""
    lost, gained = [], []
    for kind in recorded:
        if kind not in current:
            lost.append(f"{where}: was {kind}, now {' or '.join(sorted(current)) or 'absent'}")
    for kind in current:
        if kind not in recorded:
            gained.append(f"{where}: may now be {kind}")
    if "object" in recorded and "object" in current:
        before, after = recorded["object"], current["object"]
        for name in before:
            if name not in after:
                lost.append(f"{where}.{name}: removed")
            else:
                l, g = differences(before[name], after[name], f"{where}.{name}")
                lost += l
                gained += g
        gained += [f"{where}.{name}: added" for name in after if name not in before]
    if "array" in recorded and "array" in current:
        l, g = differences(recorded["array"], current["array"], f"{where}[]")
        lost += l
        gained += g
    return lost, gained


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    problems, shapes, versions = [], {}, set()
    for name, command in read_cases():
        out, err = run(binary, command)
        try:
            answers = answers_of(out)
        except json.JSONDecodeError as e:
            problems.append(f"{name}: the answer is not JSON ({e}): {out[:200]!r} {err[:200]!r}")
            continue
        if not answers:
            problems.append(f"{name}: no answer; standard error: {err.strip()[:300]}")
            continue
        merged = {}
        for answer in answers:
            if type_name(answer) != "object" or answer[0][0] != "format":
                problems.append(f"{name}: an answer that does not begin with a \"format\" member: {json.dumps(answer)[:200]}")
                continue
            versions.add(answer[0][1])
            shape(answer, merged)
        shapes[name] = merged
    if len(versions) > 1:
        problems.append(f"answers carry different format versions: {sorted(versions)}")
    if problems:
        print("\n".join(problems))
        return 1
    version = versions.pop()

    recorded = {"format": None, "answers": {}}
    if os.path.exists(RECORD):
        with open(RECORD, encoding="utf-8") as f:
            recorded = json.load(f)
    lost, gained = [], []
    if recorded["format"] == version:
        for name in sorted(set(recorded["answers"]) | set(shapes)):
            if name not in shapes:
                gained.append(f"{name}: a case no longer in cases.txt")
            elif name not in recorded["answers"]:
                gained.append(f"{name}: a new case")
            else:
                l, g = differences(recorded["answers"][name], shapes[name], name)
                lost += l
                gained += g

    if os.environ.get("PARLEY_UPDATE_SHAPES") == "1":
        if lost:
            print(f"not recorded: these changes need a new format version (now {version}; "
                  "cli/answer_format.h, and docs/queries.md says what changed):")
            print("\n".join("  " + line for line in lost))
            return 1
        with open(RECORD, "w", encoding="utf-8") as f:
            json.dump({"format": version, "answers": shapes}, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"recorded the shapes of {len(shapes)} answers, format {version}")
        return 0

    if recorded["format"] != version:
        print(f"the answers say format {version}, the recorded shapes {recorded['format']}: "
              "re-record them with PARLEY_UPDATE_SHAPES=1 (tests/shapes/answer_shapes.py)")
        return 1
    if lost:
        print(f"answer shapes changed incompatibly without a new format version ({version}): "
              "bump kAnswerFormat in cli/answer_format.h, or keep the old shape:")
        print("\n".join("  " + line for line in lost + gained))
        return 1
    if gained:
        print("answers gained members (compatible within the version); re-record with PARLEY_UPDATE_SHAPES=1:")
        print("\n".join("  " + line for line in gained))
        return 1
    print(f"{len(shapes)} answers keep their recorded shapes (format {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
