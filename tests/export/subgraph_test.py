"""`export --around A --depth N --format json` is a dataset of its own that loads back to the
same records, and answers questions about A as the whole dataset does.

usage: subgraph_test.py PARLEY   (PARLEY_GENERATE: parley_generate, for a generated dataset too)
For each case: `check` accepts the subgraph's file; every source, entity and relation it holds
is, once loaded and exported again, the same record as in the whole dataset's export; its
relations are exactly those among its entities that the whole dataset has; and `who-met A`
(depth 2 reaches every co-participant) answers the same on both.
"""
import json
import os
import subprocess
import tempfile

from export_support import check, finish, parley, run


def records(document):
    data = json.loads(document)
    key = lambda r: json.dumps(r, sort_keys=True)
    return {part: [key(r) for r in data[part]] for part in ("sources", "entities", "relations")}


def compare(label, db_args, name):
    whole = records(run(*db_args, "export", "--format", "json"))
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "subgraph.json")
        run(*db_args, "export", "--around", name, "--depth", "2", "--format", "json", "-o", path)
        result = subprocess.run([parley, "--db", path, "check"], capture_output=True, text=True)
        check(result.returncode == 0, "%s: check accepts the subgraph around %s" % (label, name))
        again = records(run("--db", path, "export", "--format", "json"))
        sub = records(open(path, encoding="utf-8").read())
        check(sub == again, "%s: the subgraph loads back to the same records" % label)
        for part in ("sources", "entities", "relations"):
            check(set(sub[part]) <= set(whole[part]) and 0 < len(sub[part]) <= len(whole[part]),
                  "%s: each of its %d %s is the whole dataset's record, unchanged" % (label, len(sub[part]), part))
        ids = {json.loads(e)["id"] for e in sub["entities"]}
        among = [r for r in whole["relations"] if json.loads(r)["from"] in ids and json.loads(r)["to"] in ids]
        check(sorted(among) == sorted(sub["relations"]),
              "%s: it holds every relation among its entities, and no other" % label)
        check(run("--db", path, "who-met", name, "--format", "json") == run(*db_args, "who-met", name, "--format", "json"),
              "%s: who-met %s answers the same on the subgraph and on the whole" % (label, name))


compare("default dataset", [], "Lavrov")
generator = os.environ.get("PARLEY_GENERATE")
if generator:
    with tempfile.TemporaryDirectory() as work:
        data = os.path.join(work, "generated.json")
        with open(data, "w") as f:
            subprocess.run([generator, "--scale", "0.05"], check=True, stdout=f)
        compare("generated data", ["--db", data], "person-50")
finish()
