"""The table exports (csv, neo4j, kuzu) checked without the tools: what neo4j-admin and Kuzu
would reject is checked here by the rules they document (docs/export.md cites them).

usage: tables_test.py PARLEY
For the default dataset and tests/fixtures/valid/hostile-names.json: every file is RFC 4180 CSV
(read back by Python's csv module to the same number of fields on every row, records ended by
CRLF); one row per entity and per relation (as `stats --format json` counts them); ids unique;
every relationship's :START_ID and :END_ID (or from_id and to_id) is a node's id; Neo4j headers
are `name:type` with a type neo4j-admin knows, with :ID, :LABEL, :START_ID, :END_ID and :TYPE;
typed values parse as their type; names survive exactly; load_csv.cypher reads only columns the
files have and builds every kind and relation type present; Kuzu's DDL declares as many
columns as its files hold.
"""
import csv
import datetime
import io
import json
import os
import re
import tempfile

from export_support import check, finish, run

# The property types of neo4j-admin database import's CSV header format.
NEO4J_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
               "localtime", "time", "localdatetime", "datetime", "duration"}


def read_csv(path):
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    # Every record ends with CRLF; a bare LF or CR may appear only inside a quoted field.
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return raw, rows


def typed_ok(kind, value):
    if value == "":
        return True  # no value: neo4j-admin sets no property, Kuzu reads NULL
    base = kind[:-2] if kind.endswith("[]") else kind
    values = value.split(";") if kind.endswith("[]") else [value]
    for v in values:
        try:
            if base in ("int", "long"):
                int(v)
            elif base in ("float", "double"):
                float(v)
            elif base == "boolean" and v not in ("true", "false"):
                return False
            elif base == "date":
                datetime.date.fromisoformat(v)
        except ValueError:
            return False
    return True


def check_table_shape(tag, path, expected_rows):
    raw, rows = read_csv(path)
    header, body = rows[0], rows[1:]
    check(len(body) == expected_rows, "%s: %s has a row for each of %d records" % (tag, os.path.basename(path), expected_rows))
    check(all(len(r) == len(header) for r in body), "%s: every row of %s has the header's %d fields"
          % (tag, os.path.basename(path), len(header)))
    unquoted_lf = re.sub(rb'"(?:[^"]|"")*"', b"", raw)
    check(unquoted_lf.count(b"\n") == unquoted_lf.count(b"\r\n") == len(rows),
          "%s: %s ends every record with CRLF" % (tag, os.path.basename(path)))
    return header, body


def check_dataset(label, db_args):
    stats = json.loads(run(*db_args, "stats", "--format", "json"))
    document = json.loads(run(*db_args, "export", "--format", "json"))
    names = {entity["id"]: entity["name"] for entity in document["entities"]}
    with tempfile.TemporaryDirectory() as work:
        # Plain CSV
        folder = os.path.join(work, "csv")
        run(*db_args, "export", "--format", "csv", "-o", folder)
        check(sorted(os.listdir(folder)) == ["edges.csv", "nodes.csv"], "%s, csv: nodes.csv and edges.csv" % label)
        header, nodes = check_table_shape(label + ", csv", os.path.join(folder, "nodes.csv"), stats["entities"])
        ids = [r[0] for r in nodes]
        check(len(set(ids)) == len(ids), "%s, csv: node ids are unique" % label)
        check({r[0]: r[header.index("name")] for r in nodes} == names,
              "%s, csv: every name comes back exactly as the dataset has it" % label)
        eheader, edges = check_table_shape(label + ", csv", os.path.join(folder, "edges.csv"), stats["relations"])
        check(all(r[0] in ids and r[1] in ids for r in edges), "%s, csv: every edge's ends are nodes" % label)

        # Neo4j
        folder = os.path.join(work, "neo4j")
        run(*db_args, "export", "--format", "neo4j", "-o", folder)
        check(sorted(os.listdir(folder)) == ["load_csv.cypher", "nodes.csv", "relationships.csv"],
              "%s, neo4j: nodes.csv, relationships.csv and load_csv.cypher" % label)
        header, nodes = check_table_shape(label + ", neo4j", os.path.join(folder, "nodes.csv"), stats["entities"])
        check(header[0] == "id:ID" and header[1] == ":LABEL", "%s, neo4j: nodes begin with id:ID and :LABEL" % label)
        rheader, rels = check_table_shape(label + ", neo4j", os.path.join(folder, "relationships.csv"),
                                          stats["relations"])
        check(rheader[:3] == [":START_ID", ":END_ID", ":TYPE"],
              "%s, neo4j: relationships begin with :START_ID, :END_ID and :TYPE" % label)
        properties = [h for h in header[2:]] + [h for h in rheader[3:]]
        bad = [h for h in properties if ":" not in h or h.split(":", 1)[1].rstrip("[]") not in NEO4J_TYPES
               or not h.split(":", 1)[0]]
        check(not bad, "%s, neo4j: every property header is name:type with a type neo4j-admin knows %s" % (label, bad))
        ids = {r[0] for r in nodes}
        check(len(ids) == len(nodes), "%s, neo4j: :ID values are unique" % label)
        dangling = [r for r in rels if r[0] not in ids or r[1] not in ids]
        check(not dangling, "%s, neo4j: every :START_ID and :END_ID is a node's :ID (%d relationships)"
              % (label, len(rels)))
        untyped = [(h, r[i]) for table_header, table, first in ((header, nodes, 2), (rheader, rels, 3))
                   for r in table for i, h in enumerate(table_header) if i >= first and not typed_ok(h.split(":", 1)[1], r[i])]
        check(not untyped, "%s, neo4j: every value parses as its column's type %s" % (label, untyped[:3]))
        kinds_of = {r[0]: r[header.index("kind:string")] for r in nodes}
        check(all(r[1].split(";")[0] == kinds_of[r[0]] and r[1].split(";")[-1] == "entity" for r in nodes),
              "%s, neo4j: each node's labels are its kind, then the kinds above it, up to entity" % label)
        cypher = open(os.path.join(folder, "load_csv.cypher"), encoding="utf-8").read()
        used = set(re.findall(r"row\.`([^`]*)`", cypher)) | set(re.findall(r"row\.(\w+)", cypher))
        check(used <= set(header) | set(rheader),
              "%s, neo4j: load_csv.cypher reads only columns the files have %s" % (label, used - set(header) - set(rheader)))
        for kind in set(kinds_of.values()):
            check("WHERE row.`kind:string` = '%s'" % kind in cypher, "%s, neo4j: load_csv.cypher creates %s nodes" % (label, kind))
        for type_name in {r[2] for r in rels}:
            check("WHERE row.`:TYPE` = '%s'" % type_name in cypher,
                  "%s, neo4j: load_csv.cypher creates %s relationships" % (label, type_name))

        # Kuzu
        folder = os.path.join(work, "kuzu")
        run(*db_args, "export", "--format", "kuzu", "-o", folder)
        schema = open(os.path.join(folder, "schema.cypher"), encoding="utf-8").read()
        header, _ = check_table_shape(label + ", kuzu", os.path.join(folder, "nodes.csv"), stats["entities"])
        rheader, _ = check_table_shape(label + ", kuzu", os.path.join(folder, "edges.csv"), stats["relations"])
        node_table = re.search(r"CREATE NODE TABLE Entity\((.*), PRIMARY KEY", schema).group(1)
        rel_table = re.search(r"CREATE REL TABLE Relation\(FROM Entity TO Entity, (.*)\);", schema).group(1)
        check(re.findall(r"`([^`]*)` [A-Z0-9]+", node_table) == header,
              "%s, kuzu: the node table declares the columns of nodes.csv, in order" % label)
        check(re.findall(r"`([^`]*)` [A-Z0-9]+", rel_table) == rheader[2:],
              "%s, kuzu: the relationship table declares the columns of edges.csv after its two ends" % label)


check_dataset("default dataset", [])
check_dataset("hostile names", ["--db", "tests/fixtures/valid/hostile-names.json"])
finish()
