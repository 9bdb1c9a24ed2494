#!/usr/bin/env node
// Loads a cnkg export into a fresh Kuzu database and writes everything the database then holds
// as JSON, for tests/integration/check_graphdb.py to compare with the source graph.
//
//   node dump_kuzu.js kuzu   KUZU_DIR OUT.json          the kuzu export: schema.cypher, then
//                                                      load.cypher (run inside KUZU_DIR)
//   node dump_kuzu.js import KUZU_DIR OUT.json          the kuzu export in one statement,
//                                                      IMPORT DATABASE 'KUZU_DIR' (run from
//                                                      another directory)
//   node dump_kuzu.js cypher KUZU_DIR SCRIPT OUT.json  the cypher export: schema.cypher of a kuzu
//                                                      export less its staging tables, then the
//                                                      "nodes" and "relationships" sections of
//                                                      SCRIPT
//
// The cypher script is split into statements by a tokenizer that knows its literals ('...' with
// \\ and \' escapes, `...` identifiers) and its "// section" comment lines; statements of the
// "constraints" and "temporal properties" sections are Neo4j-only and skipped.
//
// OUT.json: {"statements": N, "nodes": {LABEL: {"columns": [[NAME, TYPE]...], "rows": [{...}]}},
//            "rels": {TYPE: {"columns": [...], "rows": [{"_from", "_from_label", "_to",
//            "_to_label", NAME: VALUE...}]}}}
// INT64 values are written as decimal strings (JavaScript numbers are not exact beyond 2^53).
// Exits 1 with a "dump_kuzu: ..." message on stderr if Kuzu rejects a statement.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const kuzu = require("kuzu");

function die(message) {
  process.stderr.write("dump_kuzu: " + message + "\n");
  process.exit(1);
}

// Splits a cypher export into {section, text} statements (see the header).
function splitCypher(text) {
  const out = [];
  let section = "";
  let start = 0;
  let i = 0;
  let atLineStart = true;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      i++;
      while (i < text.length && text[i] !== "'") i += text[i] === "\\" ? 2 : 1;
      if (i >= text.length) die("unterminated string literal");
      i++;
      atLineStart = false;
    } else if (c === "`") {
      i++;
      while (i < text.length && !(text[i] === "`" && text[i + 1] !== "`")) {
        i += text[i] === "`" ? 2 : 1;
      }
      i++;
      atLineStart = false;
    } else if (c === "/" && text[i + 1] === "/") {
      let end = text.indexOf("\n", i);
      if (end < 0) end = text.length;
      if (atLineStart && text.slice(start, i).trim() === "") {
        section = text.slice(i + 2, end).trim();
        start = end + 1;
      }
      i = end + 1;
      atLineStart = true;
    } else if (c === ";") {
      out.push({ section, text: text.slice(start, i + 1).trim() });
      start = i + 1;
      i++;
      atLineStart = false;
    } else {
      if (c === "\n") atLineStart = true;
      else if (c !== " " && c !== "\t" && c !== "\r") atLineStart = false;
      i++;
    }
  }
  if (text.slice(start).trim() !== "") die("text after the last statement");
  return out;
}

async function all(conn, query) {
  const r = await conn.query(query);
  const results = Array.isArray(r) ? r : [r];
  let rows = [];
  for (const x of results) rows = await x.getAll();
  return rows;
}

async function runStatements(conn, statements, what) {
  for (const s of statements) {
    try {
      await all(conn, s);
    } catch (e) {
      die(what + ": Kuzu rejected: " + s.slice(0, 200) + "\n  " + e.message);
    }
  }
}

// Statements of a kuzu export script: one per line, after "//" comment lines.
function scriptLines(file) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("//"));
}

// A Cypher string literal ('...' with \\ and \' escapes).
function quoteString(text) {
  return "'" + text.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
}

function quoteIdent(name) {
  return "`" + name.replace(/`/g, "``") + "`";
}

function valueOf(v, type) {
  if (v === null || v === undefined) return null;
  if (type === "INT64") return String(v);
  return v;
}

async function dump(conn) {
  const tables = await all(conn, "CALL show_tables() RETURN name, type");
  const out = { nodes: {}, rels: {} };
  for (const t of tables) {
    const info = await all(conn, "CALL table_info(" + JSON.stringify(t.name) + ") RETURN *");
    const columns = info.map((c) => [c.name, c.type]);
    const select = columns.map(
      ([name, type]) =>
        (type === "INT64" ? "CAST(x." + quoteIdent(name) + " AS STRING)" : "x." + quoteIdent(name)) +
        " AS " + quoteIdent("c_" + name));
    if (t.type === "NODE") {
      const rows = await all(
        conn, "MATCH (x:" + quoteIdent(t.name) + ") RETURN " + select.join(", "));
      out.nodes[t.name] = {
        columns,
        rows: rows.map((r) => Object.fromEntries(columns.map(([n, ty]) => [n, valueOf(r["c_" + n], ty)]))),
      };
    } else if (t.type === "REL") {
      const rows = await all(
        conn,
        "MATCH (a)-[x:" + quoteIdent(t.name) + "]->(b) RETURN a.id AS c__from, label(a) AS " +
          "c__from_label, b.id AS c__to, label(b) AS c__to_label" +
          (select.length ? ", " + select.join(", ") : ""));
      const names = [["_from"], ["_from_label"], ["_to"], ["_to_label"]].concat(columns);
      out.rels[t.name] = {
        columns,
        rows: rows.map((r) => Object.fromEntries(names.map(([n, ty]) => [n, valueOf(r["c_" + n], ty)]))),
      };
    }
  }
  return out;
}

async function main() {
  const [mode, dir] = process.argv.slice(2, 4);
  const outFile = process.argv[process.argv.length - 1];
  if (!["kuzu", "import", "cypher"].includes(mode) ||
      process.argv.length !== (mode === "cypher" ? 6 : 5)) {
    die("usage: node dump_kuzu.js kuzu|import DIR OUT.json | cypher DIR SCRIPT OUT.json");
  }
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), "cnkg-kuzu-"));
  try {
    const db = new kuzu.Database(path.join(dbDir, "db"));
    const conn = new kuzu.Connection(db);
    const absDir = path.resolve(dir);
    let statements = 0;
    if (mode === "import") {
      // From the database's directory, so that a path resolved against the working directory
      // instead of the import directory finds nothing.
      const cwd = process.cwd();
      process.chdir(dbDir);
      await runStatements(conn, ["IMPORT DATABASE " + quoteString(absDir)], "IMPORT DATABASE");
      process.chdir(cwd);
      statements = 1;
      const out = await dump(conn);
      out.statements = statements;
      fs.writeFileSync(outFile, JSON.stringify(out));
      return;
    }
    let schema = scriptLines(path.join(absDir, "schema.cypher"));
    // The staging tables serve IMPORT DATABASE and load.cypher, which drop them.
    if (mode === "cypher") schema = schema.filter((s) => !s.startsWith("CREATE NODE TABLE `_cnkg_import_"));
    await runStatements(conn, schema, "schema.cypher");
    statements += schema.length;
    if (mode === "kuzu") {
      const load = scriptLines(path.join(absDir, "load.cypher"));
      const cwd = process.cwd();
      process.chdir(absDir);
      await runStatements(conn, load, "load.cypher");
      process.chdir(cwd);
      statements += load.length;
    } else {
      const script = fs.readFileSync(process.argv[4], "utf8");
      const parts = splitCypher(script);
      const unknown = parts.filter(
        (p) => !["constraints", "nodes", "relationships", "temporal properties"].includes(p.section));
      if (unknown.length) die("statement outside the known sections: " + unknown[0].text.slice(0, 200));
      const run = parts.filter((p) => p.section === "nodes" || p.section === "relationships");
      await runStatements(conn, run.map((p) => p.text), "cypher script");
      statements += run.length;
    }
    const out = await dump(conn);
    out.statements = statements;
    fs.writeFileSync(outFile, JSON.stringify(out));
  } finally {
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
}

main().catch((e) => die(e.stack || String(e)));
