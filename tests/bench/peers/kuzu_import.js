// Kuzu (npm package kuzu 0.11.3) importing an event file: COPY FROM the same TSV that parley
// imports, into a node table of its rows (every column a STRING, the event id its key), in an
// on-disk database, as parley writes a file.
// usage: node kuzu_import.js FILE icews|gdelt DB_DIR   (run with node_modules where kuzu is)
// Prints one JSON object: the rows the table holds and the COPY's time in milliseconds.
const kuzu = require("kuzu");

const [file, format, dbDir] = process.argv.slice(2);
const count = format === "icews" ? 20 : 61;
const columns = Array.from({ length: count }, (_, i) => `c${i + 1}`);

(async () => {
  const db = new kuzu.Database(dbDir);
  const conn = new kuzu.Connection(db);
  await conn.query(`CREATE NODE TABLE Row(${columns.map((c) => `${c} STRING`).join(", ")}, PRIMARY KEY (c1))`);
  const start = process.hrtime.bigint();
  await conn.query(`COPY Row FROM '${file}' (HEADER=${format === "icews"}, DELIM='\t', FILE_FORMAT='csv', AUTO_DETECT=false)`);
  const copyMs = Number(process.hrtime.bigint() - start) / 1e6;
  const rows = (await (await conn.query("MATCH (r:Row) RETURN count(*) AS n")).getAll())[0].n;
  console.log(JSON.stringify({ rows: Number(rows), copy_ms: copyMs }));
})().catch((error) => {
  console.error(String(error));
  process.exit(1);
});
