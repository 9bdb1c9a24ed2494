#!/usr/bin/env node
// The warm side of the query benchmark: opens an existing Kuzu database read-only once, then runs
// one query N times on one connection, timing each run (query + fetching every row). Prints
// {"open_ms", "times_ms": [...], "rows"} as JSON.
//
//   node kuzu_warm.js DB_PATH N 'CYPHER'
"use strict";

const path = require("path");
const kuzu = require(path.join(__dirname, "..", "tests", "kuzu", "node_modules", "kuzu"));

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

async function main() {
  const [dbPath, n, query] = process.argv.slice(2);
  const runs = parseInt(n, 10);
  if (!dbPath || !query || !(runs > 0)) {
    process.stderr.write("usage: node kuzu_warm.js DB_PATH N 'CYPHER'\n");
    process.exit(2);
  }
  let t0 = now();
  const db = new kuzu.Database(dbPath, 0, true, /*readOnly=*/ true);
  const conn = new kuzu.Connection(db);
  await conn.init();
  const openMs = now() - t0;
  const times = [];
  let rows = 0;
  for (let i = 0; i < runs; ++i) {
    t0 = now();
    const result = await conn.query(query);
    const all = await result.getAll();
    times.push(now() - t0);
    rows = all.length;
  }
  process.stdout.write(JSON.stringify({open_ms: openMs, times_ms: times, rows: rows}) + "\n");
}

main().catch((e) => {
  process.stderr.write("kuzu_warm: " + (e.stack || String(e)) + "\n");
  process.exit(1);
});
