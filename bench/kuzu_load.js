#!/usr/bin/env node
// Loads a cnkg Kuzu export (schema.cypher, then load.cypher run inside the export directory) into
// a new on-disk Kuzu database and prints the load time in milliseconds as JSON.
//
//   node kuzu_load.js EXPORT_DIR DB_PATH [--no-list-transform | --import]
//
// --import: one IMPORT DATABASE statement instead (copy.cypher into staging tables, then
// index.cypher), the way Kuzu's users load a directory.
// --no-list-transform: Kuzu 0.11.3 crashes (segfault / "corrupted double-linked list") in
// COPY ... list_transform(string_split(x, SEP), _e -> substring(_e, 2, size(_e))) once a table
// holds a few hundred rows with longer lists (seen from ~1,000 Person rows of a 10,000-talk
// graph). The flag rewrites that expression to the equivalent
// string_split(substring(x, 2, size(x)), SEP + PREFIX) -- every element of the export's list
// encoding starts with the same one-character prefix -- which gives the same lists (checked on a
// 10,000-talk graph: every Person's documents and aliases) and does not crash.
"use strict";

const fs = require("fs");
const path = require("path");
const kuzu = require(path.join(__dirname, "..", "tests", "kuzu", "node_modules", "kuzu"));

function lines(file) {
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "" && !l.startsWith("//"));
}

function withoutListTransform(statement) {
  return statement.replace(
    /list_transform\(string_split\(`(\w+)`, '(.)'\), _e -> substring\(_e, 2, size\(_e\)\)\)/g,
    // export/kuzu.cc puts U+001E (kElementMark) before every element.
    (m, col, sep) => `string_split(substring(\`${col}\`, 2, size(\`${col}\`)), '${sep}\x1e')`);
}

async function main() {
  const [dir, dbPath, flag] = process.argv.slice(2);
  const rewrite = flag === "--no-list-transform";
  if (!dir || !dbPath || (flag && !rewrite && flag !== "--import")) {
    process.stderr.write(
      "usage: node kuzu_load.js EXPORT_DIR DB_PATH [--no-list-transform | --import]\n");
    process.exit(2);
  }
  const t0 = process.hrtime.bigint();
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  const absDir = path.resolve(dir);
  if (flag === "--import") {
    const literal = "'" + absDir.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
    await (await conn.query("IMPORT DATABASE " + literal)).getAll();
  } else {
    await loadScripts(conn, absDir, rewrite);
  }
  await conn.close();
  await db.close();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ load_ms: ms }) + "\n");
}

async function loadScripts(conn, absDir, rewrite) {
  for (const s of lines(path.join(absDir, "schema.cypher"))) await (await conn.query(s)).getAll();
  process.chdir(absDir);
  for (const s of lines(path.join(absDir, "load.cypher"))) {
    if (process.env.KUZU_LOAD_VERBOSE) process.stderr.write(s.slice(0, 60) + "\n");
    await (await conn.query(rewrite ? withoutListTransform(s) : s)).getAll();
  }
}

main().catch((e) => {
  process.stderr.write("kuzu_load: " + (e.stack || String(e)) + "\n");
  process.exit(1);
});
