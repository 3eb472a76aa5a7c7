// Loads a parley Kuzu export (schema.cypher, copy.cypher and the CSV files beside them) into
// Kuzu and answers who-met for each person id given, in Cypher, with parley's rules: a gathering
// of a counted kind, held, where the person's participation counts and someone else's does too;
// one held within (part_of) another meeting of the same answer is that meeting's.
// usage: node kuzu_who_met.js EXPORT_DIR PERSON_ID...   (NODE_PATH: where kuzu is installed)
// Prints {"PERSON_ID": {"meetings": [ids in date order], "counterparts": {id: count}}, ...,
//         "names": {entity id: name, for every entity loaded}}.
const kuzu = require("kuzu");
const fs = require("fs");

const [dir, ...people] = process.argv.slice(2);

// The statements of a .cypher file: "//" comment lines dropped, split at the ";" ending a line.
function statements(file) {
  const text = fs.readFileSync(`${dir}/${file}`, "utf8").split("\n").filter((l) => !l.startsWith("//")).join("\n");
  return text.split(/;\s*$/m).map((s) => s.trim()).filter((s) => s.length > 0);
}

(async () => {
  process.chdir(dir);  // copy.cypher names the CSV files relative to the export's folder
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  for (const file of ["schema.cypher", "copy.cypher"]) {
    for (const statement of statements(file)) await conn.query(statement);
  }
  const meetingsOf = await conn.prepare(
    "MATCH (p:Entity {id: $p})-[r:Relation]->(m:Entity)<-[r2:Relation]-(o:Entity) " +
    "WHERE r.type = 'participant_in' AND r.counts AND r2.type = 'participant_in' AND r2.counts AND o.id <> p.id " +
    "AND m.meeting_role = 'counted' AND m.status = 'held' " +
    "RETURN m.id AS meeting, m.first_day AS first, m.last_day AS last, collect(DISTINCT o.id) AS others");
  const within = await conn.prepare(
    "MATCH (m:Entity)-[r:Relation]->(n:Entity) WHERE r.type = 'part_of' AND m.id IN $ids AND n.id IN $ids " +
    "RETURN m.id AS inner");
  const out = {};
  for (const person of people) {
    const rows = await (await conn.execute(meetingsOf, { p: person })).getAll();
    const ids = rows.map((r) => r.meeting);
    const inner = new Set((await (await conn.execute(within, { ids })).getAll()).map((r) => r.inner));
    const kept = rows.filter((r) => !inner.has(r.meeting));
    // Date order as parley sorts: first day, then last day; undated last.
    const day = (d) => (d === null ? Infinity : new Date(d).getTime());
    kept.sort((a, b) => day(a.first) - day(b.first) || day(a.last) - day(b.last) || (a.meeting < b.meeting ? -1 : 1));
    const counterparts = {};
    for (const row of kept) for (const other of row.others) counterparts[other] = (counterparts[other] || 0) + 1;
    out[person] = { meetings: kept.map((r) => r.meeting), counterparts };
  }
  out.names = {};
  for (const row of await (await conn.query("MATCH (n:Entity) RETURN n.id AS id, n.name AS name")).getAll()) {
    out.names[row.id] = row.name;
  }
  console.log(JSON.stringify(out));
})().catch((error) => {
  console.error(String(error));
  process.exit(1);
});
