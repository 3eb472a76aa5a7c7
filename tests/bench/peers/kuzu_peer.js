// Kuzu (npm package kuzu 0.11.3) answering the peers' questions on the same CSV export.
// usage: node kuzu_peer.js CSV_DIR QUESTIONS_JSON   (run with node_modules where kuzu is installed)
// Prints one JSON object: timings in milliseconds (median, min, max) and the answers.
const kuzu = require("kuzu");
const fs = require("fs");

const [csvDir, questionsFile] = process.argv.slice(2);
const questions = JSON.parse(fs.readFileSync(questionsFile, "utf8"));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

async function timed(reps, fn) {
  const times = [];
  let result;
  for (let i = 0; i < reps; i++) {
    const start = process.hrtime.bigint();
    result = await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return [result, median(times)];
}

(async () => {
  const out = { timings: {}, answers: {} };
  let conn;
  const [, load] = await timed(1, async () => {
    const db = new kuzu.Database(":memory:");
    conn = new kuzu.Connection(db);
    await conn.query("CREATE NODE TABLE Entity(id STRING, kind STRING, name STRING, status STRING, PRIMARY KEY (id))");
    await conn.query("CREATE REL TABLE Rel(FROM Entity TO Entity, type STRING)");
    await conn.query(`COPY Entity FROM '${csvDir}/entities.csv' (HEADER=true)`);
    await conn.query(`COPY Rel FROM '${csvDir}/relations.csv' (HEADER=true)`);
  });
  out.timings.load = load;

  const whoMet = await conn.prepare(
    "MATCH (p:Entity {id: $p})-[r:Rel]->(m:Entity) WHERE r.type = 'participant_in' AND m.kind = 'meeting' " +
    "AND m.status = 'held' RETURN count(*) AS n");
  out.answers.who_met = [];
  for (const person of questions.who_met) {
    const [n, t] = await timed(5, async () => (await (await conn.execute(whoMet, { p: person })).getAll())[0].n);
    out.answers.who_met.push(Number(n));
    out.timings["who-met " + person] = t;
  }

  const path = await conn.prepare(
    "MATCH p = (a:Entity {id: $a})-[* SHORTEST 1..30]-(b:Entity {id: $b}) RETURN length(p) AS hops LIMIT 1");
  const [hops, pathTime] = await timed(3, async () => {
    const result = [];
    for (const [a, b] of questions.pairs) {
      const rows = await (await conn.execute(path, { a, b })).getAll();
      result.push(rows.length ? Number(rows[0].hops) : null);
    }
    return result;
  });
  out.answers.path = hops;
  out.timings["path, per query"] = { median: pathTime.median / questions.pairs.length, min: pathTime.min / questions.pairs.length,
                                     max: pathTime.max / questions.pairs.length };

  out.answers.neighbours = [];
  for (const depth of [1, 2, 3]) {
    const query = `MATCH (a:Entity {id: 'person-50'})-[* SHORTEST 1..${depth}]-(b:Entity) RETURN count(DISTINCT b) AS n`;
    const [n, t] = await timed(5, async () => (await (await conn.query(query)).getAll())[0].n);
    out.answers.neighbours.push(Number(n));
    out.timings[`neighbours ${depth} hops`] = t;
  }
  console.log(JSON.stringify(out));
})();
