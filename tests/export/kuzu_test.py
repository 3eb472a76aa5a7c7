"""The Kuzu export loaded into Kuzu (npm package kuzu 0.11.3) answers who-met as parley does.

usage: kuzu_test.py PARLEY [NODE_MODULES]
Exports the default dataset and a generated one with `export --format kuzu`, loads each into
Kuzu with its own schema.cypher and copy.cypher (kuzu_who_met.js), asks who-met in Cypher, and
compares the meetings (in date order) and counterparts with `parley who-met NAME --format json`.
Skips (exit 77), saying what is missing, without node or the kuzu package: install it with
`make bench-peers`, or point KUZU_NODE_MODULES (or the second argument) at a node_modules
folder that holds it.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from export_support import check, finish, run

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
modules = sys.argv[2] if len(sys.argv) > 2 else os.environ.get("KUZU_NODE_MODULES", "build/peers/node_modules")
modules = os.path.abspath(modules)

if shutil.which("node") is None:
    print("skipped: node is not installed, so Kuzu (npm kuzu 0.11.3) cannot be run")
    sys.exit(SKIP)
if not os.path.exists(os.path.join(modules, "kuzu", "kuzujs.node")):
    print("skipped: the npm package kuzu is not installed in %s (make bench-peers installs it)" % modules)
    sys.exit(SKIP)


def parley_who_met(db_args, name):
    answer = json.loads(run(*db_args, "who-met", name, "--format", "json"))
    meetings = [m["id"] for m in answer["meetings"]]
    counterparts = {c["entity"]["id"]: c["meeting_count"] for c in answer["counterparts"]}
    return answer["a"]["id"], meetings, counterparts


def dataset_names(db_args):
    return {e["id"]: e["name"] for e in json.loads(run(*db_args, "export", "--format", "json"))["entities"]}


def compare(label, db_args, names):
    with tempfile.TemporaryDirectory() as work:
        folder = os.path.join(work, "kuzu")
        run(*db_args, "export", "--format", "kuzu", "-o", folder)
        expected = {}
        for name in names:
            person, meetings, counterparts = parley_who_met(db_args, name)
            expected[person] = (meetings, counterparts)
        result = subprocess.run(["node", os.path.join(HERE, "kuzu_who_met.js"), folder, *expected],
                                capture_output=True, text=True, env=dict(os.environ, NODE_PATH=modules), timeout=600)
        check(result.returncode == 0, "%s: Kuzu loads the export and answers (%s)" % (label, result.stderr.strip()))
        if result.returncode != 0:
            return
        answers = json.loads(result.stdout)
        check(answers["names"] == dataset_names(db_args),
              "%s: every entity reaches Kuzu with its name exact (%d)" % (label, len(answers["names"])))
        for person, (meetings, counterparts) in expected.items():  # none for hostile names: no meetings
            got = answers[person]
            check(len(meetings) > 0, "%s: parley finds meetings of %s to compare" % (label, person))
            check(got["meetings"] == meetings,
                  "%s: Kuzu's meetings of %s equal parley's, in date order (%d)" % (label, person, len(meetings)))
            if got["meetings"] != meetings:
                print("  parley: %s\n  kuzu:   %s" % (meetings, got["meetings"]))
            check(got["counterparts"] == counterparts,
                  "%s: Kuzu's counterparts of %s and their counts equal parley's" % (label, person))


compare("default dataset", [], ["Lavrov", "Abe", "Putin", "Kono"])
# Names with commas, quotes, line breaks, control characters and every script survive the CSV.
compare("hostile names", ["--db", "tests/fixtures/valid/hostile-names.json"], [])
generator = os.environ.get("PARLEY_GENERATE")
if generator:
    with tempfile.TemporaryDirectory() as work:
        data = os.path.join(work, "generated.json")
        with open(data, "w") as f:
            subprocess.run([generator, "--scale", "0.05"], check=True, stdout=f)
        compare("generated data", ["--db", data], ["person-1", "person-50"])
finish()
