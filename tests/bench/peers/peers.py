#!/usr/bin/python3
"""The peers: NetworkX, igraph and SQLite answering the same queries as parley on the same
generated data (exported as CSV by parley_generate --csv), with the answers checked to agree.

usage: peers.py PARLEY CSV_DIR DATASET_JSON
Prints one line per peer and query: median and min-max milliseconds over repetitions."""
import csv
import json
import sqlite3
import statistics
import subprocess
import sys
import time

import igraph
import networkx as nx

PARLEY, CSV_DIR, DATASET = sys.argv[1:4]
REPS = 5


def timed(fn, reps=REPS):
    times = []
    result = None
    for _ in range(reps):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return result, statistics.median(times), min(times), max(times)


def report(peer, query, median, low, high):
    print("%-9s %-28s median %10.3f ms  (min %.3f, max %.3f)" % (peer, query, median, low, high))


with open(CSV_DIR + "/entities.csv", newline="") as f:
    entities = list(csv.DictReader(f))
with open(CSV_DIR + "/relations.csv", newline="") as f:
    relations = list(csv.DictReader(f))
index = {e["id"]: i for i, e in enumerate(entities)}
held = {e["id"] for e in entities if e["kind"] == "meeting" and e["status"] == "held"}

# The same 100 pairs as tests/bench/query_bench.cpp.
state = 7
pairs = []
for _ in range(100):
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    a = (state >> 33) % 1000
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    b = (state >> 33) % 1000
    pairs.append(("person-%d" % a, "person-%d" % b))

# parley's own answers, as the reference: one batch, JSON lines.
script = "".join("path %s %s --format json\n" % p for p in pairs)
script += "".join("who-met %s --format json\n" % p for p in ("person-0", "person-50", "person-5000"))
script += "".join("neighbours person-50 --depth %d --limit 100000000 --format json\n" % d for d in (1, 2, 3))
out = subprocess.run([PARLEY, "--db", DATASET, "batch", "-", "--format", "jsonl"], input=script.encode(),
                     capture_output=True, check=True).stdout.decode().splitlines()
answers = [json.loads(line)["result"] for line in out]
parley_hops = [len(r["paths"][0]["steps"]) if r["paths"] else None for r in answers[:100]]
parley_meetings = [r["meeting_count"] for r in answers[100:103]]
parley_neighbours = [len(r["neighbours"]) for r in answers[103:106]]
agree = []

# ---- load
def load_networkx():
    g = nx.MultiGraph()
    g.add_nodes_from(e["id"] for e in entities)
    g.add_edges_from((r["from"], r["to"], {"type": r["type"]}) for r in relations)
    return g

def load_igraph():
    return igraph.Graph(n=len(entities), edges=[(index[r["from"]], index[r["to"]]) for r in relations], directed=False)

def load_sqlite():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE entities(id TEXT PRIMARY KEY, kind TEXT, name TEXT, status TEXT)")
    db.execute("CREATE TABLE edges(src TEXT, dst TEXT, type TEXT)")
    db.executemany("INSERT INTO entities VALUES (?,?,?,?)", [(e["id"], e["kind"], e["name"], e["status"]) for e in entities])
    db.executemany("INSERT INTO edges VALUES (?,?,?)", [(r["from"], r["to"], r["type"]) for r in relations])
    db.executemany("INSERT INTO edges VALUES (?,?,?)", [(r["to"], r["from"], r["type"]) for r in relations])
    db.execute("CREATE INDEX edges_src ON edges(src)")
    db.commit()
    return db

g_nx, *t = timed(load_networkx, 3); report("networkx", "load (from parsed CSV)", *t)
g_ig, *t = timed(load_igraph, 3); report("igraph", "load (from parsed CSV)", *t)
db, *t = timed(load_sqlite, 3); report("sqlite", "load (from parsed CSV)", *t)

# ---- who-met: held meetings a person attended
def who_met_nx(p):
    return sum(1 for _, m, d in g_nx.edges(p, data=True) if d["type"] == "participant_in" and m in held)

def who_met_sql(p):
    return db.execute("SELECT COUNT(*) FROM edges JOIN entities ON entities.id = edges.dst WHERE edges.src = ? AND "
                      "edges.type = 'participant_in' AND entities.kind = 'meeting' AND entities.status = 'held' "
                      "AND edges.rowid <= ?", (p, len(relations))).fetchone()[0]

for person, expected in zip(("person-0", "person-50", "person-5000"), parley_meetings):
    n, *t = timed(lambda: who_met_nx(person)); report("networkx", "who-met " + person, *t); agree.append(n == expected)
    n, *t = timed(lambda: who_met_sql(person)); report("sqlite", "who-met " + person, *t); agree.append(n == expected)

# ---- shortest path length, 100 pairs
def paths_nx():
    return [nx.shortest_path_length(g_nx, a, b) if nx.has_path(g_nx, a, b) else None for a, b in pairs]

def paths_ig():
    return [int(d) if d != float("inf") else None
            for d in (g_ig.distances(source=index[a], target=index[b])[0][0] for a, b in pairs)]

def paths_sql(some_pairs):
    out = []
    for a, b in some_pairs:
        row = db.execute("""WITH RECURSIVE bfs(node, depth) AS (
                              SELECT ?, 0 UNION SELECT edges.dst, bfs.depth + 1 FROM bfs JOIN edges ON edges.src = bfs.node
                              WHERE bfs.depth < ?)
                            SELECT MIN(depth) FROM bfs WHERE node = ?""", (a, 4, b)).fetchone()
        out.append(row[0])
    return out

hops, *t = timed(paths_nx, 3); report("networkx", "path, per query", t[0] / 100, t[1] / 100, t[2] / 100); agree.append(hops == parley_hops)
hops, *t = timed(paths_ig, 3); report("igraph", "path, per query", t[0] / 100, t[1] / 100, t[2] / 100); agree.append(hops == parley_hops)
# The recursive CTE takes seconds per pair on the larger graphs: time the first 10 pairs there.
sql_pairs = 100 if len(relations) < 1000000 else 10
if max(h for h in parley_hops[:sql_pairs] if h is not None) <= 4:
    hops, *t = timed(lambda: paths_sql(pairs[:sql_pairs]), 1)
    report("sqlite", "path, per query (CTE, depth<=4, %d pairs)" % sql_pairs, t[0] / sql_pairs, t[1] / sql_pairs, t[2] / sql_pairs)
    agree.append(hops == parley_hops[:sql_pairs])

# ---- k-hop neighbourhoods of person-50
for depth, expected in zip((1, 2, 3), parley_neighbours):
    n, *t = timed(lambda: len(nx.single_source_shortest_path_length(g_nx, "person-50", cutoff=depth)) - 1)
    report("networkx", "neighbours %d hops" % depth, *t); agree.append(n == expected)
    n, *t = timed(lambda: len(g_ig.neighborhood(index["person-50"], order=depth)) - 1)
    report("igraph", "neighbours %d hops" % depth, *t); agree.append(n == expected)

# ---- Kuzu, from Node.js, when its npm package is installed beside this script's caller
import os
kuzu_modules = os.environ.get("KUZU_NODE_MODULES")
if kuzu_modules:
    questions = {"pairs": pairs, "who_met": ["person-0", "person-50", "person-5000"]}
    with open(CSV_DIR + "/questions.json", "w") as f:
        json.dump(questions, f)
    env = dict(os.environ, NODE_PATH=kuzu_modules)
    kuzu = json.loads(subprocess.run(["node", os.path.join(os.path.dirname(__file__), "kuzu_peer.js"),
                                      os.path.abspath(CSV_DIR), CSV_DIR + "/questions.json"],
                                     env=env, capture_output=True, check=True).stdout)
    for query, t in kuzu["timings"].items():
        report("kuzu", query, t["median"], t["min"], t["max"])
    agree.append(kuzu["answers"]["who_met"] == parley_meetings)
    agree.append(kuzu["answers"]["path"] == parley_hops)
    agree.append(kuzu["answers"]["neighbours"] == parley_neighbours)

print("answers agree with parley: %d of %d checks" % (sum(agree), len(agree)))
sys.exit(0 if all(agree) else 1)
