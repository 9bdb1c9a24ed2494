#!/usr/bin/env node
// Opens an existing Kuzu database read-only, runs one query and prints the rows as a JSON array of
// arrays (values in column order). What the benchmark times: process start + open + query.
//
//   node kuzu_query.js DB_PATH 'CYPHER'
"use strict";

const path = require("path");
const kuzu = require(path.join(__dirname, "..", "tests", "kuzu", "node_modules", "kuzu"));

async function main() {
  const [dbPath, query] = process.argv.slice(2);
  if (!dbPath || !query) {
    process.stderr.write("usage: node kuzu_query.js DB_PATH 'CYPHER'\n");
    process.exit(2);
  }
  const db = new kuzu.Database(dbPath, 0, true, /*readOnly=*/ true);
  const conn = new kuzu.Connection(db);
  const result = await conn.query(query);
  const rows = await result.getAll();
  const out = rows.map((r) => Object.values(r));
  process.stdout.write(JSON.stringify(out, (k, v) => (typeof v === "bigint" ? v.toString() : v)) + "\n");
}

main().catch((e) => {
  process.stderr.write("kuzu_query: " + (e.stack || String(e)) + "\n");
  process.exit(1);
});
