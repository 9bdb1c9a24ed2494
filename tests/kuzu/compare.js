#!/usr/bin/env node
// Runs the query cases of tests/data/kuzu_compare through Kuzu and compares the results with
// cnkg's, for tests/integration/kuzu_compare_test.sh.
//
//   node compare.js kuzu KUZU_DIR CASES_DIR OUT.json
//       Loads a `cnkg export --format kuzu` directory (schema.cypher, then load.cypher run inside
//       KUZU_DIR, as dump_kuzu.js does) into a fresh database and runs every case of CASES_DIR in
//       this one process: CASE.kuzu.cypher when it exists, else CASE.cypher, as a prepared
//       statement with the parameters of CASE.params. Writes
//       {CASE: {"columns": [...], "rows": [[...]...]} or {"error": MESSAGE}}.
//   node compare.js check CASES_DIR KUZU.json CNKG_DIR
//       Compares those results with CNKG_DIR/CASE.json (the output of
//       `cnkg query --format json`, an array of objects with members in column order) or
//       CNKG_DIR/CASE.err (cnkg failed). Prints one line per case and, for each mismatch, both
//       results; exits 1 when a case differs or fails on either side, or when no case uses one
//       of the clauses and functions of REQUIRED (the subset the cases must cover).
//
// A case is CASE.cypher (both sides), optionally CASE.kuzu.cypher (Kuzu's spelling) and
// CASE.params (lines "name=value"; a value that reads as JSON has that type, anything else is a
// string, as cnkg's --param). Lines of CASE.cypher starting with "// compare:" set how results
// compare (both engines also read them as comments):
//   // compare: ordered          rows must come in the same order (the default: as multisets)
//   // compare: unordered-lists  list values compare as multisets (collect() has no order)
// Values are normalised before comparing: numbers that are whole compare as integers (Kuzu's
// INT64 and DOUBLE, cnkg's integers and floats), other numbers are rounded to 9 significant
// digits; strings, booleans, null and lists compare as they are. Queries return scalars and lists
// of scalars, not nodes or paths (their JSON shapes differ between the engines).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

function die(message) {
  process.stderr.write("compare: " + message + "\n");
  process.exit(1);
}

function caseNames(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cypher") && !f.endsWith(".kuzu.cypher"))
    .map((f) => f.slice(0, -".cypher".length))
    .sort();
}

// name=value lines; blank lines and lines starting with '#' are skipped.
function readParams(file) {
  const params = {};
  if (!fs.existsSync(file)) return params;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) die(file + ": expected name=value, got: " + line);
    const name = line.slice(0, eq);
    const text = line.slice(eq + 1);
    let value = text;
    try {
      value = JSON.parse(text);
    } catch (e) {
      value = text;
    }
    params[name] = value;
  }
  return params;
}

function directives(text) {
  const out = new Set();
  for (const line of text.split("\n")) {
    const m = /^\s*\/\/\s*compare:\s*(.*)$/.exec(line);
    if (m) for (const d of m[1].split(/[\s,]+/)) if (d) out.add(d);
  }
  return out;
}

// Statements of a kuzu export script: one per line, after "//" comment lines.
function scriptLines(file) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("//"));
}

async function all(conn, query) {
  const r = await conn.query(query);
  const results = Array.isArray(r) ? r : [r];
  let rows = [];
  for (const x of results) rows = await x.getAll();
  return rows;
}

// Kuzu values as JSON: INT64 may come back as BigInt; nodes and rels as objects (kept as they
// are, and they will not match cnkg's shape, which is the point: cases return scalars).
function plain(v) {
  if (typeof v === "bigint") return Number(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v === undefined ? null : v;
}

async function runKuzu(kuzuDir, casesDir, outFile) {
  const kuzu = require("kuzu");
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), "cnkg-kuzu-compare-"));
  const out = {};
  try {
    const db = new kuzu.Database(path.join(dbDir, "db"));
    const conn = new kuzu.Connection(db);
    const absDir = path.resolve(kuzuDir);
    for (const s of scriptLines(path.join(absDir, "schema.cypher"))) {
      await all(conn, s).catch((e) => die("schema.cypher: Kuzu rejected: " + s + "\n  " + e.message));
    }
    const cwd = process.cwd();
    process.chdir(absDir);
    for (const s of scriptLines(path.join(absDir, "load.cypher"))) {
      await all(conn, s).catch((e) =>
        die("load.cypher: Kuzu rejected: " + s.slice(0, 200) + "\n  " + e.message));
    }
    process.chdir(cwd);
    for (const name of caseNames(casesDir)) {
      const base = path.join(casesDir, name);
      const file = fs.existsSync(base + ".kuzu.cypher") ? base + ".kuzu.cypher" : base + ".cypher";
      const text = fs.readFileSync(file, "utf8");
      try {
        const ps = await conn.prepare(text);
        if (!ps.isSuccess()) throw new Error(ps.getErrorMessage());
        const result = await conn.execute(ps, readParams(base + ".params"));
        const columns = result.getColumnNamesSync
          ? result.getColumnNamesSync()
          : await result.getColumnNames();
        const rows = (await result.getAll()).map((r) => columns.map((c) => plain(r[c])));
        out[name] = { columns, rows };
      } catch (e) {
        out[name] = { error: String(e.message || e) };
      }
    }
  } finally {
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
  fs.writeFileSync(outFile, JSON.stringify(out));
}

// ---- Comparing.

function normalise(v, unorderedLists) {
  if (typeof v === "number") {
    if (Number.isInteger(v)) return v;
    if (!Number.isFinite(v)) return null;  // cnkg writes NaN and infinities as null
    return Number(v.toPrecision(9));
  }
  if (Array.isArray(v)) {
    const items = v.map((x) => normalise(x, unorderedLists));
    if (unorderedLists) items.sort((a, b) => compareKeys(key(a), key(b)));
    return items;
  }
  if (v !== null && typeof v === "object") {
    const keys = Object.keys(v).sort();
    return Object.fromEntries(keys.map((k) => [k, normalise(v[k], unorderedLists)]));
  }
  return v === undefined ? null : v;
}

function key(v) {
  return JSON.stringify(v);
}

function compareKeys(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rowsOfCnkg(file) {
  const parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(parsed)) die(file + ": not a JSON array");
  // Members keep column order in JSON.parse (column names are never integer-like here).
  return parsed.map((o) => Object.values(o));
}

function show(rows) {
  return rows.map((r) => "    " + JSON.stringify(r)).join("\n") || "    (no rows)";
}

// Every clause and function of cnkg's subset that the cases must exercise, as patterns over
// the cnkg-side texts (CASE.cypher), so that removing a case cannot silently drop coverage.
const REQUIRED = [
  ["MATCH", /^\s*MATCH\b/m],
  ["OPTIONAL MATCH", /\bOPTIONAL MATCH\b/],
  ["node label and property map", /\(\w+:\w+ \{\w+: /],
  ["relationship type alternatives", /\[\w*:[A-Z_]+\|[A-Z_]+/],
  ["outgoing relationship", /\]->/],
  ["incoming relationship", /<-\[/],
  ["undirected relationship", /\]-\(/],
  ["variable length *1..4", /\*1\.\.4\]/],
  ["comma-separated patterns", /MATCH \([^\n]*\), \(/],
  ["several MATCH clauses", /MATCH[^]*\n\s*MATCH/],
  ["comparison operators", /[<>]=? ?\d|<>/],
  ["AND", /\bAND\b/], ["OR", /\bOR\b/], ["NOT", /\bNOT\b/],
  ["IN [..]", /\bIN \[/], ["STARTS WITH", /\bSTARTS WITH\b/],
  ["ENDS WITH", /\bENDS WITH\b/], ["CONTAINS", /\bCONTAINS\b/], ["=~", /=~/],
  ["IS NULL", /\bIS NULL\b/], ["IS NOT NULL", /\bIS NOT NULL\b/],
  ["RETURN ... AS", /\bRETURN\b[^]*\bAS\b/], ["WITH ... AS", /\bWITH\b[^\n]*\bAS\b/],
  ["RETURN DISTINCT", /\bRETURN DISTINCT\b/], ["WITH DISTINCT", /\bWITH DISTINCT\b/],
  ["count(*)", /count\(\*\)/], ["count(DISTINCT x)", /count\(DISTINCT /],
  ["collect", /collect\(/], ["min", /\bmin\(/], ["max", /\bmax\(/],
  ["ORDER BY", /\bORDER BY\b/], ["ASC", /\bASC\b/], ["DESC", /\bDESC\b/],
  ["SKIP", /\bSKIP\b/], ["LIMIT", /\bLIMIT\b/], ["UNWIND", /\bUNWIND\b/],
  ["path variable", /\b\w+ = \(/], ["shortestPath", /\bshortestPath\(/],
  ["allShortestPaths", /\ballShortestPaths\(/], ["length(p)", /\blength\(/],
  ["nodes(p)", /\bnodes\(/], ["relationships(p)", /\brelationships\(/],
  ["labels(n)", /\blabels\(/], ["type(r)", /\btype\(/], ["toLower", /\btoLower\(/],
  ["toUpper", /\btoUpper\(/], ["size", /\bsize\(/], ["coalesce", /\bcoalesce\(/],
  ["parameters", /\$\w+/], ["edge property r.title", /\br\.title\b/],
  ["edge property r.evidence_count", /\br\.evidence_count\b/],
];

function check(casesDir, kuzuFile, cnkgDir) {
  const kuzuResults = JSON.parse(fs.readFileSync(kuzuFile, "utf8"));
  let failed = 0;
  const names = caseNames(casesDir);
  const texts = names.map((n) => fs.readFileSync(path.join(casesDir, n + ".cypher"), "utf8"));
  for (const [what, re] of REQUIRED) {
    if (!texts.some((t) => re.test(t))) {
      console.log("FAIL coverage: no case uses " + what);
      failed++;
    }
  }
  for (const name of names) {
    const text = fs.readFileSync(path.join(casesDir, name + ".cypher"), "utf8");
    const how = directives(text);
    for (const d of how) {
      if (!["ordered", "unordered-lists"].includes(d)) die(name + ".cypher: unknown directive " + d);
    }
    const k = kuzuResults[name];
    const errFile = path.join(cnkgDir, name + ".err");
    const problems = [];
    if (!k) problems.push("Kuzu did not run the case");
    else if (k.error) problems.push("Kuzu failed: " + k.error);
    if (fs.existsSync(errFile)) problems.push("cnkg failed: " + fs.readFileSync(errFile, "utf8").trim());
    if (problems.length) {
      console.log("FAIL " + name + "\n  " + problems.join("\n  "));
      failed++;
      continue;
    }
    const unordered = how.has("unordered-lists");
    const kRows = k.rows.map((r) => normalise(r, unordered));
    const cRows = rowsOfCnkg(path.join(cnkgDir, name + ".json")).map((r) => normalise(r, unordered));
    let same;
    if (how.has("ordered")) {
      same = key(kRows) === key(cRows);
    } else {
      const a = kRows.map(key).sort();
      const b = cRows.map(key).sort();
      same = key(a) === key(b);
    }
    if (same) {
      console.log("ok   " + name + " (" + kRows.length + " rows)");
    } else {
      failed++;
      console.log(
        "FAIL " + name + ": results differ" + (how.has("ordered") ? " (compared in order)" : "") +
          "\n  query:\n    " + text.trim().split("\n").join("\n    ") +
          "\n  Kuzu (" + kRows.length + " rows, columns " + JSON.stringify(k.columns) + "):\n" +
          show(kRows) + "\n  cnkg (" + cRows.length + " rows):\n" + show(cRows));
    }
  }
  console.log(
    failed ? "compare: " + failed + " failures (" + names.length + " cases)"
           : "compare: all " + names.length + " cases agree; every clause of the subset is used");
  process.exit(failed ? 1 : 0);
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "kuzu" && args.length === 4) {
    await runKuzu(args[1], args[2], args[3]);
  } else if (args[0] === "check" && args.length === 4) {
    check(args[1], args[2], args[3]);
  } else {
    die("usage: node compare.js kuzu KUZU_DIR CASES_DIR OUT.json | check CASES_DIR KUZU.json CNKG_DIR");
  }
}

main().catch((e) => die(e.stack || String(e)));
