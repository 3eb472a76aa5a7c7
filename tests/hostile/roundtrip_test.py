#!/usr/bin/python3
"""Hostile names through every exporter: the DOT that parley writes for
tests/fixtures/valid/hostile-names.json must be accepted by Graphviz without a warning and read
back by NetworkX (through pydot) with the same nodes and edges; its GraphML must read back in
NetworkX with every name intact (characters XML 1.0 cannot carry become U+FFFD, as documented);
its JSON must be valid and carry every name exactly.
Usage: roundtrip_test.py PATH-TO-PARLEY (run from the project root, with Debian's python3)."""
import json
import re
import subprocess
import sys
import tempfile

import networkx as nx

PARLEY = sys.argv[1]
FIXTURE = "tests/fixtures/valid/hostile-names.json"
passed = 0


def check(condition, message):
    global passed
    if not condition:
        print("FAILED -", message)
        sys.exit(1)
    passed += 1
    print("ok -", message)


def parley(*args):
    return subprocess.run([PARLEY, "--db", FIXTURE, *args], check=True, capture_output=True).stdout


dataset = json.load(open(FIXTURE, encoding="utf-8"))
names = {e["id"]: e["name"] for e in dataset["entities"]}
entity_count, relation_count = len(dataset["entities"]), len(dataset["relations"])

dot = parley("export", "--format", "dot")
with tempfile.NamedTemporaryFile(suffix=".dot") as f:
    f.write(dot)
    f.flush()
    graphviz = subprocess.run(["dot", "-Tsvg", "-o", "/dev/null", f.name], capture_output=True)
    check(graphviz.returncode == 0 and graphviz.stderr == b"", "Graphviz accepts the DOT without a warning")
    graph = nx.nx_pydot.read_dot(f.name)
entity_nodes = [n for n in graph.nodes if re.fullmatch(r"e\d+", n)]
# Edges of class "date-order" keep events in date order; they are not relations.
entity_edges = [e for e in graph.edges(data=True) if re.fullmatch(r"e\d+", e[0]) and re.fullmatch(r"e\d+", e[1])
                and e[2].get("class", "").strip('"') != "date-order"]
check(len(entity_nodes) == entity_count, "NetworkX reads back every entity from the DOT (%d)" % entity_count)
check(len(entity_edges) == relation_count, "NetworkX reads back every relation from the DOT (%d)" % relation_count)

graphml = parley("export", "--format", "graphml")
with tempfile.NamedTemporaryFile(suffix=".graphml") as f:
    f.write(graphml)
    f.flush()
    g = nx.read_graphml(f.name)
check(g.number_of_nodes() == entity_count and g.number_of_edges() == relation_count,
      "NetworkX reads back the GraphML with the same nodes and edges")


def xml_safe(text):
    return "".join("\ufffd" if (ord(c) < 0x20 and c not in "\t\n\r") or c in "\ufffe\uffff" else c for c in text)


by_id = {d["entity_id"]: d["name"] for _, d in g.nodes(data=True)}
check(all(by_id[i] == xml_safe(n) for i, n in names.items()),
      "every name survives GraphML (XML 1.0's forbidden characters become U+FFFD)")

exported = json.loads(parley("export", "--format", "json"))
check({e["id"]: e["name"] for e in exported["entities"]} == names, "every name survives JSON exactly")
card = json.loads(parley("show", "p10", "--format", "json"))
check(card["name"] == names["p10"], "show finds a name with a backslash escape by id and returns it exactly")
print("%d passed, 0 failed" % passed)
