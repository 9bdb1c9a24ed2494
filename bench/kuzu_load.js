#!/usr/bin/env node
// Loads a cnkg Kuzu export (schema.cypher, then load.cypher run inside the export directory) into
// a new on-disk Kuzu database and prints the load time in milliseconds as JSON.
//
//   node kuzu_load.js EXPORT_DIR DB_PATH
"use strict";

const fs = require("fs");
const path = require("path");
const kuzu = require(path.join(__dirname, "..", "tests", "kuzu", "node_modules", "kuzu"));

function lines(file) {
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "" && !l.startsWith("//"));
}

async function main() {
  const [dir, dbPath] = process.argv.slice(2);
  if (!dir || !dbPath) {
    process.stderr.write("usage: node kuzu_load.js EXPORT_DIR DB_PATH\n");
    process.exit(2);
  }
  const t0 = process.hrtime.bigint();
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  const absDir = path.resolve(dir);
  for (const s of lines(path.join(absDir, "schema.cypher"))) await (await conn.query(s)).getAll();
  process.chdir(absDir);
  for (const s of lines(path.join(absDir, "load.cypher"))) await (await conn.query(s)).getAll();
  await conn.close();
  await db.close();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ load_ms: ms }) + "\n");
}

main().catch((e) => {
  process.stderr.write("kuzu_load: " + (e.stack || String(e)) + "\n");
  process.exit(1);
});
