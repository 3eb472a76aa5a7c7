"""GraphML and GEXF exports read back by NetworkX, checked against parley's own answers.

usage: networkx_test.py PARLEY
For the default dataset and tests/fixtures/valid/coded-records.json: `export --format graphml`
read with networkx.read_graphml and `export --format gexf` with networkx.read_gexf must have one
node per entity and one edge per relation (as `stats --format json` counts them); every event of
`timeline --format json` must carry its kind, date, first and last day, precision and status,
and an edge from each participant with its role, whether it counts and its sources; the
readings of `show NAME --format json` must be on the edges; typed attributes come back typed.
In GEXF, each dated event has one spell from its first to its last day, and nothing else has one.
Skips (exit 77) when Debian's python3-networkx is missing.
"""
import json
import sys
import tempfile

from export_support import check, finish, run

SKIP = 77
try:
    import networkx as nx
    from networkx.readwrite import gexf as nx_gexf
except ImportError:
    print("skipped: python3-networkx is not installed (apt-get install python3-networkx)")
    sys.exit(SKIP)


def answer(*args):
    return json.loads(run(*args, "--format", "json"))


# NetworkX before 3.0 (Debian 12 ships 2.8) knows GEXF 1.1 and 1.2 only. What its reader needs of a
# version is the namespace; 1.3's, as NetworkX 3 declares it, is added when missing.
if "1.3" not in nx_gexf.GEXF.versions:
    v = dict(nx_gexf.GEXF.versions["1.2draft"])
    v.update({"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz", "VERSION": "1.3",
              "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"})
    nx_gexf.GEXF.versions["1.3"] = v


def read(format_name, db_args):
    with tempfile.NamedTemporaryFile(suffix="." + format_name) as f:
        f.write(run(*db_args, "export", "--format", format_name, binary=True))
        f.flush()
        return nx.read_graphml(f.name) if format_name == "graphml" else nx.read_gexf(f.name, version="1.3")


def by_entity_id(g):
    return {data["entity_id"]: node for node, data in g.nodes(data=True)}


def edges_between(g, a, b, type_name):
    """The data of every edge a -> b of the type (parallel edges included)."""
    return [data for u, v, data in g.edges(a, data=True) if v == b and data.get("type") == type_name]


def check_dataset(label, db_args, show_names):
    stats = answer(*db_args, "stats")
    events = answer(*db_args, "timeline")["events"]
    for format_name in ("graphml", "gexf"):
        tag = "%s, %s" % (label, format_name)
        g = read(format_name, db_args)
        check(g.number_of_nodes() == stats["entities"],
              "%s: one node per entity (%d)" % (tag, stats["entities"]))
        check(g.number_of_edges() == stats["relations"],
              "%s: one edge per relation (%d)" % (tag, stats["relations"]))
        nodes = by_entity_id(g)
        wrong = []
        for event in events:
            data = g.nodes[nodes[event["id"]]]
            date = event["date"] or {}
            expected = {"kind": event["kind"], "date": date.get("value"), "first_day": date.get("first_day"),
                        "last_day": date.get("last_day"), "precision": date.get("precision"),
                        "status": event["status"] or None}
            got = {key: data.get(key) for key in expected}
            if got != expected:
                wrong.append((event["id"], expected, got))
            if format_name == "gexf":
                spells = data.get("spells")
                want = [(date["first_day"], date["last_day"])] if date else None
                if spells != want:
                    wrong.append((event["id"], "spells", want, spells))
            for participant in event["participants"]:
                edges = edges_between(g, nodes[participant["id"]], nodes[event["id"]], "participant_in")
                sources = ",".join(dict.fromkeys(s["source"] for s in participant["sources"]))
                if not any(e.get("role", "") == participant["role"] and e.get("counts") is participant["counts"]
                           and e.get("sources") == sources for e in edges):
                    wrong.append((event["id"], participant["id"], participant["role"], participant["counts"], edges))
        check(not wrong, "%s: every event's kind, dates, precision and status%s, and every participation's role, "
              "count and sources, as timeline gives them (%d events)"
              % (tag, " and spell" if format_name == "gexf" else "", len(events)))
        for w in wrong[:5]:
            print("  ", w)
        event_ids = {e["id"] for e in events}
        if format_name == "gexf":
            spelled = {data["entity_id"] for _, data in g.nodes(data=True) if data.get("spells")}
            check(spelled <= event_ids, "%s: only events have spells" % tag)
        for name in show_names:
            card = answer(*db_args, "show", name)
            missing = []
            for relation in card["relations"]:
                edges = edges_between(g, nodes[relation["from"]["id"]], nodes[relation["to"]["id"]], relation["type"])
                key = "reading" if relation["direction"] == "forward" else "backward_reading"
                if not any(e.get(key) == relation["reading"] for e in edges):
                    missing.append((relation["type"], relation["reading"]))
            check(not missing and card["relations"],
                  "%s: the readings show gives for %s are on the edges (%d)" % (tag, name, len(card["relations"])))
            for m in missing[:5]:
                print("  ", m)
        types_ok = all(isinstance(d["citations"], int) for _, d in g.nodes(data=True)) and \
            all(isinstance(d["citations"], int) and isinstance(d.get("counts", False), bool)
                for _, _, d in g.edges(data=True))
        check(types_ok, "%s: citations come back as integers and counts as booleans" % tag)
        yield g, nodes


for _ in check_dataset("default dataset", [], ["Lavrov", "Shikotan"]):
    pass
for g, nodes in check_dataset("coded records", ["--db", "tests/fixtures/valid/coded-records.json"], ["Pyongyang"]):
    place = g.nodes[nodes["pyongyang"]]
    check(place.get("latitude") == 39.0339 and place.get("longitude") == 125.0,
          "coded records: latitude and longitude come back as numbers")
    evidence = {d.get("evidence") for _, _, d in g.edges(data=True)}
    check("coded record" in evidence, "coded records: edges resting on coded records say so (%s)" % sorted(evidence))
finish()
