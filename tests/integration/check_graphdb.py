#!/usr/bin/python3
"""Checks cnkg's exports for graph databases against the source graph.

Usage:
  check_graphdb.py SOURCE.json [--neo4j DIR] [--cypher FILE] [--kuzu-dump FILE]
                   [--kuzu-import-dump FILE] [--cypher-dump FILE]

SOURCE.json is the node-link graph file the exports were made from, read here with the json
module as the reference. Each option checks one thing; each failure prints one line starting
with "FAIL", and a summary line per check gives the figures.

  --neo4j DIR      the neo4j-csv export. Python's csv module reads every file; a strict RFC 4180
                   reader also checks that every string is quoted and numbers are not. Headers
                   (id:ID, :LABEL, typed columns, :START_ID/:END_ID/:TYPE), counts, every key,
                   label, name, alias, document, evidence and property must equal the source's
                   byte for byte, lists split on the array delimiter import.sh names. import.sh
                   is run with a stand-in neo4j-admin that records its arguments: every CSV
                   file must be passed exactly once, with the CSV options the files need.
  --cypher FILE    the cypher export, read back by a tokenizer that accepts only the statement
                   shapes the writer documents, with text only inside '...' literals (\\ and \'
                   being the only escapes). The decoded literals must rebuild the source graph
                   exactly; the temporal section must convert exactly the date-time columns.
  --kuzu-dump F    what Kuzu holds after loading the kuzu export (tests/kuzu/dump_kuzu.js): the
  --kuzu-import-dump F  same after IMPORT DATABASE of the kuzu export, and
  --cypher-dump F  after running the cypher export. Tables (no staging table left), column
                   types, counts and every value must be the source's.

Expected property columns follow DescribeTables (export/cypher.h): per label or type, one column
per property name, typed by its values (long and double mixed: double; other mixes: string).
Exits 0 when everything matches, 1 otherwise.
"""

import argparse
import collections
import csv
import json
import math
import os
import re
import stat
import subprocess
import sys
import tempfile

NODE_MEMBERS = {"id", "label", "name", "aliases", "evidence", "documents"}
LINK_MEMBERS = {"source", "target", "key", "type", "evidence", "documents"}
NODE_FIXED = ["id", "name", "aliases", "documents", "evidence", "evidence_count"]
EDGE_FIXED = ["from", "to", "documents", "evidence", "evidence_count"]
LABELS = ["Event", "Talk", "Person", "Organization", "Project", "Room", "Track", "Document",
          "Category"]
TYPES = ["PRESENTS", "AFFILIATED_WITH", "MENTIONS", "HELD_IN", "IN_TRACK", "PART_OF", "FROM",
         "IN_CATEGORY", "BACKED_BY"]
MAX_PRINTED = 30

failures = []


def fail(message):
    failures.append(message)
    if len(failures) <= MAX_PRINTED:
        print("FAIL: " + message)
    elif len(failures) == MAX_PRINTED + 1:
        print("FAIL: ... (more failures are counted but not printed)")


def check(condition, message):
    if not condition:
        fail(message)
    return condition


# ----- The expected graph -----

def value_type(v):
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "long"
    if isinstance(v, float):
        return "double"
    if isinstance(v, list):
        return "string[]"
    return "string"


DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?"
                      r"(Z|[+-](\d{2}):(\d{2}))?")


def temporal_kind(text):
    m = DATETIME.fullmatch(text)
    if not m:
        return None
    year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
    days = [31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28, 31, 30,
            31, 30, 31, 31, 30, 31, 30, 31]
    if not 1 <= month <= 12 or not 1 <= day <= days[month - 1] or hour > 23 or minute > 59:
        return None
    if m.group(6) and int(m.group(6)) > 59:
        return None
    if m.group(8) and (int(m.group(8)) > 18 or int(m.group(9)) > 59):
        return None
    return "datetime" if m.group(7) else "localdatetime"


def column_name(prop, taken):
    name = "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_"
                   for c in prop.encode("utf-8").decode("latin-1"))
    if not name or not (name[0].isascii() and name[0].isalpha()):
        name = "property_" + name
    while name.lower() in taken:
        name = "property_" + name
    taken.add(name.lower())
    return name


def describe(items, fixed):
    """Columns per group: [(property, column, type, temporal)] in property-name order."""
    types = collections.defaultdict(lambda: collections.defaultdict(set))
    kinds = collections.defaultdict(lambda: collections.defaultdict(set))
    for group, props in items:
        for k, v in props.items():
            types[group][k].add(value_type(v))
            kinds[group][k].add(temporal_kind(v) if isinstance(v, str) else None)
    out = {}
    for group in types:
        taken = set(fixed)
        cols = []
        for prop in sorted(types[group], key=lambda s: s.encode("utf-8")):
            seen = types[group][prop]
            if len(seen) == 1:
                t = next(iter(seen))
            elif seen <= {"long", "double"}:
                t = "double"
            else:
                t = "string"
            temporal = None
            if t == "string" and len(seen) == 1 and len(kinds[group][prop]) == 1:
                temporal = next(iter(kinds[group][prop]))
            cols.append((prop, column_name(prop, taken), t, temporal))
        out[group] = cols
    return out


def format_double(d):
    if math.isnan(d):
        return "NaN"
    if math.isinf(d):
        return "Infinity" if d > 0 else "-Infinity"
    s = repr(d)
    if s.endswith(".0"):
        s = s[:-2]
    return s


def column_text(v, t):
    """ColumnText: the text of v in a column of type t (not string[])."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return format_double(float(v)) if t == "double" else str(v)
    if isinstance(v, float):
        return format_double(v)
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return v


def documents_of(evidence):
    out = []
    for e in evidence:
        d = e.get("document", "")
        if d and d not in out:
            out.append(d)
    return out


def evidence_of(evidence):
    return [{"document": e["document"], "line": e["line"], "text": e["text"]} for e in evidence]


class Source:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        self.nodes = doc["nodes"]
        self.links = doc["links"]
        self.by_key = {n["id"]: n for n in self.nodes}
        self.node_props = {n["id"]: {k: v for k, v in n.items() if k not in NODE_MEMBERS}
                           for n in self.nodes}
        self.node_columns = describe(
            [(n["label"], self.node_props[n["id"]]) for n in self.nodes], NODE_FIXED)
        self.link_props = [{k: v for k, v in l.items() if k not in LINK_MEMBERS}
                           for l in self.links]
        self.edge_columns = describe(
            [(l["type"], p) for l, p in zip(self.links, self.link_props)], EDGE_FIXED)
        self.labels = collections.Counter(n["label"] for n in self.nodes)
        self.types = collections.Counter(l["type"] for l in self.links)

    def link_key(self, l):
        return (l["source"], l["target"], l["type"])


# ----- neo4j-csv -----

def strict_csv(text):
    """RFC 4180 records as lists of (value, quoted); raises ValueError on anything else."""
    records, record, i, n = [], [], 0, len(text)
    while i < n:
        if text[i] == '"':
            j, value = i + 1, []
            while True:
                k = text.find('"', j)
                if k < 0:
                    raise ValueError("unterminated quoted field")
                value.append(text[j:k])
                if text[k + 1:k + 2] == '"':
                    value.append('"')
                    j = k + 2
                else:
                    i = k + 1
                    break
            record.append(("".join(value), True))
        else:
            j = i
            while j < n and text[j] not in ',\n"':
                j += 1
            if j < n and text[j] == '"':
                raise ValueError("quote inside an unquoted field")
            record.append((text[i:j], False))
            i = j
        if i >= n:
            raise ValueError("file does not end with a line feed")
        if text[i] == ",":
            i += 1
        elif text[i] == "\n":
            records.append(record)
            record = []
            i += 1
        else:
            raise ValueError("garbage after a quoted field")
    return records


def run_import_script(directory):
    """Runs import.sh with a stand-in neo4j-admin; returns its argument list or None."""
    script = os.path.join(directory, "import.sh")
    if not check(os.path.isfile(script), "neo4j-csv: no import.sh"):
        return None
    check(os.stat(script).st_mode & stat.S_IXUSR, "neo4j-csv: import.sh is not executable")
    with tempfile.TemporaryDirectory() as tmp:
        fake = os.path.join(tmp, "neo4j-admin")
        record = os.path.join(tmp, "args.json")
        with open(fake, "w") as f:
            f.write("#!/usr/bin/python3\nimport json, os, sys\n"
                    "json.dump([os.getcwd()] + sys.argv[1:], open(%r, 'w'))\n" % record)
        os.chmod(fake, 0o755)
        runs = []
        for admin in (fake, "./neo4j-admin"):  # absolute, and relative to the caller
            env = dict(os.environ, NEO4J_ADMIN=admin)
            env.pop("CNKG_NEO4J_DATABASE", None)
            r = subprocess.run(["sh", script, "--verbose"], env=env, cwd=tmp,
                               capture_output=True, text=True)
            if not check(r.returncode == 0, "neo4j-csv: import.sh with NEO4J_ADMIN=%s failed: %s"
                         % (admin, r.stderr.strip())):
                return None
            with open(record) as f:
                runs.append(json.load(f))
            os.remove(record)
        recorded = runs[0]
        check(runs[0] == runs[1], "neo4j-csv: import.sh runs differently with a relative "
              "NEO4J_ADMIN")
        check(os.path.samefile(recorded[0], directory),
              "neo4j-csv: import.sh runs neo4j-admin in %r, not in the export" % recorded[0])
        return recorded[1:]


def check_neo4j(src, directory):
    args = run_import_script(directory)
    if args is None:
        return
    check(args[:3] == ["database", "import", "full"], "neo4j-csv: import.sh does not run "
          "'database import full': %r" % args[:3])
    check(args[-1] == "neo4j" and args[-2] == "--verbose",
          "neo4j-csv: import.sh does not pass its arguments, then the database: %r" % args[-2:])
    options = dict(a[2:].split("=", 1) for a in args if a.startswith("--") and "=" in a)
    for k, v in {"delimiter": ",", "quote": '"', "multiline-fields": "true",
                 "legacy-style-quoting": "false", "trim-strings": "false",
                 "ignore-empty-strings": "false", "id-type": "string"}.items():
        check(options.get(k) == v, "neo4j-csv: import.sh passes --%s=%r, want %r"
              % (k, options.get(k), v))
    m = re.fullmatch(r"U\+([0-9A-F]{4})", options.get("array-delimiter", ""))
    if not check(m, "neo4j-csv: import.sh has no --array-delimiter=U+XXXX"):
        return
    delimiter = chr(int(m.group(1), 16))
    given = [a for a in args if a.startswith("--nodes=") or a.startswith("--relationships=")]
    files = sorted(f for f in os.listdir(directory) if f.endswith(".csv"))
    passed = sorted(os.path.basename(a.split("=", 1)[1]) for a in given)
    check(passed == files, "neo4j-csv: import.sh passes %r, the directory holds %r"
          % (passed, files))
    for a in given:
        p = a.split("=", 1)[1]
        check(p == os.path.basename(p), "neo4j-csv: import.sh passes %r, not a file name" % p)
        kind = a.split("=", 1)[0]
        base = os.path.basename(p)[:-4]
        check((kind == "--nodes") == (base in LABELS), "neo4j-csv: %s given as %s" % (p, kind))

    def split_list(field, quoted):
        if not quoted:
            return [] if field == "" else None
        return field.split(delimiter)

    def read(name):
        path = os.path.join(directory, name)
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        with open(path, encoding="utf-8", newline="") as f:
            strict = strict_csv(f.read())
        check([[v for v, _ in r] for r in strict] == rows,
              "neo4j-csv: %s: the strict reader and the csv module disagree" % name)
        return strict

    def check_value(where, field, quoted, column_type, value):
        if column_type == "string[]":
            want = value if value not in ([], [""]) else []
            check(split_list(field, quoted) == want, "%s: list %r, want %r" % (where, field, want))
        elif column_type in ("string", "datetime", "localdatetime"):
            check(quoted and field == column_text(value, "string"),
                  "%s: %r (quoted: %s), want %r" % (where, field, quoted, value))
        else:
            want = column_text(value, column_type)
            ok = not quoted
            if column_type == "double":
                ok = ok and (float(field) == float(value) or
                             (math.isnan(float(field)) and math.isnan(float(value))))
            else:
                ok = ok and field == want
            check(ok, "%s: %r (quoted: %s), want %r" % (where, field, quoted, want))

    names_ok = values = 0
    seen_nodes = set()
    for label in LABELS:
        name = label + ".csv"
        if not src.labels[label]:
            check(not os.path.exists(os.path.join(directory, name)),
                  "neo4j-csv: %s written for a label without nodes" % name)
            continue
        if not check(os.path.exists(os.path.join(directory, name)), "neo4j-csv: no " + name):
            continue
        records = read(name)
        cols = src.node_columns.get(label, [])
        header = ["id:ID", ":LABEL", "name:string", "aliases:string[]", "documents:string[]",
                  "evidence:string", "evidence_count:long"] + [
            "%s:%s" % (c, temporal or t) for _, c, t, temporal in cols]
        if not check([v for v, _ in records[0]] == header, "neo4j-csv: %s header %r, want %r"
                     % (name, [v for v, _ in records[0]], header)):
            continue
        check(len(records) - 1 == src.labels[label], "neo4j-csv: %s has %d rows, want %d"
              % (name, len(records) - 1, src.labels[label]))
        for r in records[1:]:
            if not check(len(r) == len(header), "neo4j-csv: %s: a row has %d fields, want %d"
                         % (name, len(r), len(header))):
                continue
            key, quoted = r[0]
            node = src.by_key.get(key)
            if not check(quoted and node is not None and node["label"] == label,
                         "neo4j-csv: %s: unknown id %r" % (name, key)):
                continue
            seen_nodes.add(key)
            where = "neo4j-csv: %s %r" % (name, key)
            check(r[1] == (label, True), where + ": :LABEL %r" % (r[1],))
            if check(r[2] == (node["name"], True), where + ": name %r, want %r"
                     % (r[2][0], node["name"])):
                names_ok += 1
            check_value(where + " aliases", *r[3], "string[]", node.get("aliases", []))
            check_value(where + " documents", *r[4], "string[]",
                        documents_of(node.get("evidence", [])))
            check(r[5][1] and json.loads(r[5][0]) == evidence_of(node.get("evidence", [])),
                  where + ": evidence %r" % r[5][0])
            check(r[6] == (str(len(node.get("evidence", []))), False), where + ": evidence_count")
            props = src.node_props[key]
            for (prop, c, t, _), (field, q) in zip(cols, r[7:]):
                if prop in props:
                    check_value(where + " " + c, field, q, t, props[prop])
                    values += 1
                else:
                    check(field == "" and not q, where + ": %s %r for a missing property"
                          % (c, field))
    check(len(seen_nodes) == len(src.nodes), "neo4j-csv: %d of %d nodes written"
          % (len(seen_nodes), len(src.nodes)))

    want_links = collections.Counter(src.link_key(l) for l in src.links)
    got_links = collections.Counter()
    by_key = {src.link_key(l): (l, p) for l, p in zip(src.links, src.link_props)}
    for rel in TYPES:
        name = rel + ".csv"
        if not src.types[rel]:
            check(not os.path.exists(os.path.join(directory, name)),
                  "neo4j-csv: %s written for a type without edges" % name)
            continue
        if not check(os.path.exists(os.path.join(directory, name)), "neo4j-csv: no " + name):
            continue
        records = read(name)
        cols = src.edge_columns.get(rel, [])
        header = [":START_ID", ":END_ID", ":TYPE", "documents:string[]", "evidence:string",
                  "evidence_count:long"] + ["%s:%s" % (c, temporal or t)
                                            for _, c, t, temporal in cols]
        if not check([v for v, _ in records[0]] == header, "neo4j-csv: %s header %r, want %r"
                     % (name, [v for v, _ in records[0]], header)):
            continue
        for r in records[1:]:
            k = (r[0][0], r[1][0], r[2][0])
            got_links[k] += 1
            if not check(k in by_key and all(q for _, q in r[:3]),
                         "neo4j-csv: %s: unknown relationship %r" % (name, k)):
                continue
            link, props = by_key[k]
            where = "neo4j-csv: %s %r" % (name, k)
            check_value(where + " documents", *r[3], "string[]",
                        documents_of(link.get("evidence", [])))
            check(r[4][1] and json.loads(r[4][0]) == evidence_of(link.get("evidence", [])),
                  where + ": evidence")
            check(r[5] == (str(len(link.get("evidence", []))), False), where + ": evidence_count")
            for (prop, c, t, _), (field, q) in zip(cols, r[6:]):
                if prop in props:
                    check_value(where + " " + c, field, q, t, props[prop])
                    values += 1
                else:
                    check(field == "" and not q, where + ": %s for a missing property" % c)
    check(got_links == want_links, "neo4j-csv: relationships differ from the source")
    print("neo4j-csv: %d node files, %d relationship files, %d nodes (%d names byte-identical), "
          "%d relationships, %d property values; array delimiter U+%04X"
          % (sum(1 for l in LABELS if src.labels[l]), sum(1 for t in TYPES if src.types[t]),
             len(seen_nodes), names_ok, sum(got_links.values()), values, ord(delimiter)))


# ----- cypher -----

class CypherError(Exception):
    pass


TOKEN = re.compile(r"\s+|//[^\n]*|'(?:[^'\\]|\\[\\'])*'|`(?:[^`]|``)+`|-?\d+\.\d+(?:e-?\d+)?|"
                   r"-?\d+e-?\d+|-?\d+|[A-Za-z_][A-Za-z0-9_]*|->|[(){}\[\]:,.;=/+-]", re.S)


def tokenize(text):
    """(kind, value) tokens: str (decoded), ident (unquoted), word, num, sym, comment."""
    out, i = [], 0
    while i < len(text):
        m = TOKEN.match(text, i)
        if not m:
            raise CypherError("cannot read the script at offset %d: %r" % (i, text[i:i + 40]))
        t = m.group(0)
        i = m.end()
        if t[0].isspace():
            continue
        if t.startswith("//"):
            out.append(("comment", t[2:].strip()))
        elif t[0] == "'":
            out.append(("str", re.sub(r"\\([\\'])", r"\1", t[1:-1])))
        elif t[0] == "`":
            out.append(("ident", t[1:-1].replace("``", "`")))
        elif re.fullmatch(r"-?\d[\d.e-]*", t):
            out.append(("num", t))
        elif t[0].isalpha() or t[0] == "_":
            out.append(("word", t))
        else:
            out.append(("sym", t))
    return out


class Statement:
    def __init__(self, tokens):
        self.t = tokens
        self.i = 0

    def take(self, kind, value=None):
        if self.i >= len(self.t):
            raise CypherError("statement ends early")
        k, v = self.t[self.i]
        if k != kind or (value is not None and v != value):
            raise CypherError("expected %s %r, got %s %r" % (kind, value, k, v))
        self.i += 1
        return v

    def words(self, text):
        for w in text.split():
            if w[0].isalpha():
                self.take("word", w)
            else:
                self.take("sym", w)

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def value(self):
        """A literal: string, number, boolean, list of strings, or n/0.0 forms."""
        k, v = self.peek()
        if k == "str":
            self.i += 1
            return v
        if k == "word" and v in ("true", "false"):
            self.i += 1
            return v == "true"
        if k == "sym" and v == "[":
            self.i += 1
            out = []
            if self.peek() == ("sym", "]"):
                self.i += 1
                return out
            while True:
                out.append(self.take("str"))
                if self.peek() == ("sym", "]"):
                    self.i += 1
                    return out
                self.take("sym", ",")
        if k == "sym" and v == "(":  # (-9223372036854775807 - 1)
            self.i += 1
            a = int(self.take("num"))
            self.take("sym", "-")
            b = int(self.take("num"))
            self.take("sym", ")")
            return a - b
        if k == "num":
            self.i += 1
            if self.peek() == ("sym", "/"):
                self.i += 1
                d = float(self.take("num"))
                x = float(v)
                return x / d if d else (math.nan if x == 0 else math.copysign(math.inf, x))
            if "." in v or "e" in v:
                return float(v)
            return int(v)
        raise CypherError("expected a literal, got %s %r" % (k, v))

    def sets(self, var):
        """SET var.`x` = literal, ... -> dict."""
        self.take("word", "SET")
        out = {}
        while True:
            self.take("word", var)
            self.take("sym", ".")
            name = self.take("ident")
            self.take("sym", "=")
            if name in out:
                raise CypherError("property %r set twice" % name)
            out[name] = self.value()
            if self.peek() != ("sym", ","):
                return out
            self.take("sym", ",")

    def node_pattern(self, var):
        self.take("sym", "(")
        self.take("word", var)
        self.take("sym", ":")
        label = self.take("ident")
        self.take("sym", "{")
        self.take("ident", "id")
        self.take("sym", ":")
        key = self.take("str")
        self.take("sym", "}")
        self.take("sym", ")")
        return label, key

    def end(self):
        self.take("sym", ";")
        if self.i != len(self.t):
            raise CypherError("tokens after ';'")


def parse_cypher(text):
    """Returns sections {name: [parsed statement]} or raises CypherError."""
    tokens = tokenize(text)
    sections = collections.OrderedDict()
    current = None
    stmt = []
    for tok in tokens:
        if tok[0] == "comment":
            if stmt:
                raise CypherError("comment inside a statement")
            if tok[1] in ("constraints", "nodes", "relationships", "temporal properties"):
                if tok[1] in sections:
                    raise CypherError("section %r twice" % tok[1])
                current = tok[1]
                sections[current] = []
            continue
        stmt.append(tok)
        if tok == ("sym", ";"):
            if current is None:
                raise CypherError("statement before the first section")
            sections[current].append(parse_statement(current, Statement(stmt)))
            stmt = []
    if stmt:
        raise CypherError("text after the last ';'")
    if list(sections) != ["constraints", "nodes", "relationships", "temporal properties"]:
        raise CypherError("sections %r" % list(sections))
    return sections


def parse_statement(section, s):
    if section == "constraints":
        s.words("CREATE CONSTRAINT")
        name = s.take("word")
        s.words("IF NOT EXISTS FOR ( n :")
        label = s.take("ident")
        s.words(") REQUIRE n .")
        s.take("ident", "id")
        s.words("IS UNIQUE")
        s.end()
        if name != "cnkg_%s_id" % label:
            raise CypherError("constraint name %r" % name)
        return label
    if section == "nodes":
        s.take("word", "MERGE")
        label, key = s.node_pattern("n")
        props = s.sets("n")
        s.end()
        return label, key, props
    if section == "relationships":
        s.take("word", "MATCH")
        a = s.node_pattern("a")
        s.take("sym", ",")
        b = s.node_pattern("b")
        s.words("MERGE ( a ) - [ r :")
        rel = s.take("ident")
        s.words("] -> ( b )")
        props = s.sets("r")
        s.end()
        return a, b, rel, props
    # temporal properties
    s.take("word", "MATCH")
    s.take("sym", "(")
    if s.peek() == ("sym", ")"):
        s.words(") - [ r :")
        group = s.take("ident")
        s.words("] -> ( )")
        var = "r"
    else:
        s.words("n :")
        group = s.take("ident")
        s.take("sym", ")")
        var = "n"
    s.words("WHERE %s ." % var)
    column = s.take("ident")
    s.words("IS NOT NULL SET %s ." % var)
    s.take("ident", column)
    s.take("sym", "=")
    func = s.take("word")
    if func not in ("datetime", "localdatetime"):
        raise CypherError("unknown conversion %r" % func)
    s.words("( %s ." % var)
    s.take("ident", column)
    s.take("sym", ")")
    s.end()
    return var, group, column, func


def same_value(got, want, t):
    if t == "string[]":
        return got == want
    if t == "double":
        return isinstance(got, float) and (got == float(want) or
                                           (math.isnan(got) and math.isnan(float(want))))
    if t == "long":
        return isinstance(got, int) and not isinstance(got, bool) and got == want
    if t == "boolean":
        return got is want
    return got == column_text(want, "string")


def check_cypher(src, path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    try:
        sections = parse_cypher(text)
    except CypherError as e:
        fail("cypher: %s" % e)
        return
    check(sorted(sections["constraints"]) == sorted(LABELS),
          "cypher: constraints for %r" % sections["constraints"])
    names_ok = values = 0
    seen = set()
    for label, key, props in sections["nodes"]:
        node = src.by_key.get(key)
        where = "cypher: node %r" % key
        if not check(node is not None and node["label"] == label and key not in seen,
                     where + ": unknown, repeated or mislabelled"):
            continue
        seen.add(key)
        want = {"name": node["name"], "aliases": node.get("aliases", []),
                "documents": documents_of(node.get("evidence", [])),
                "evidence": json.dumps(evidence_of(node.get("evidence", []))),
                "evidence_count": len(node.get("evidence", []))}
        cols = src.node_columns.get(label, [])
        nprops = src.node_props[key]
        expected_names = list(want) + [c for p, c, _, _ in cols if p in nprops]
        check(list(props) == expected_names, where + ": sets %r, want %r"
              % (list(props), expected_names))
        if check(props.get("name") == node["name"], where + ": name %r" % props.get("name")):
            names_ok += 1
        check(props.get("aliases") == want["aliases"], where + ": aliases")
        check(props.get("documents") == want["documents"], where + ": documents")
        check(json.loads(props.get("evidence", "null")) == evidence_of(node.get("evidence", [])),
              where + ": evidence")
        check(props.get("evidence_count") == want["evidence_count"], where + ": evidence_count")
        for p, c, t, _ in cols:
            if p in nprops:
                values += 1
                check(same_value(props.get(c), nprops[p], t), where + ": %s = %r, want %r (%s)"
                      % (c, props.get(c), nprops[p], t))
    check(len(seen) == len(src.nodes), "cypher: %d of %d nodes" % (len(seen), len(src.nodes)))

    by_key = {src.link_key(l): (l, p) for l, p in zip(src.links, src.link_props)}
    got = collections.Counter()
    for (alabel, akey), (blabel, bkey), rel, props in sections["relationships"]:
        k = (akey, bkey, rel)
        got[k] += 1
        where = "cypher: relationship %r" % (k,)
        if not check(k in by_key, where + ": unknown"):
            continue
        link, lprops = by_key[k]
        check(src.by_key[akey]["label"] == alabel and src.by_key[bkey]["label"] == blabel,
              where + ": endpoint labels")
        check(props.get("documents") == documents_of(link.get("evidence", [])),
              where + ": documents")
        check(json.loads(props.get("evidence", "null")) == evidence_of(link.get("evidence", [])),
              where + ": evidence")
        check(props.get("evidence_count") == len(link.get("evidence", [])),
              where + ": evidence_count")
        cols = src.edge_columns.get(rel, [])
        expected_names = ["documents", "evidence", "evidence_count"] + [
            c for p, c, _, _ in cols if p in lprops]
        check(list(props) == expected_names, where + ": sets %r" % list(props))
        for p, c, t, _ in cols:
            if p in lprops:
                values += 1
                check(same_value(props.get(c), lprops[p], t), where + ": %s = %r, want %r"
                      % (c, props.get(c), lprops[p]))
    check(got == collections.Counter(src.link_key(l) for l in src.links),
          "cypher: relationships differ from the source")

    want_temporal = sorted(
        [("n", g, c, k) for g, cols in src.node_columns.items() for _, c, _, k in cols if k] +
        [("r", g, c, k) for g, cols in src.edge_columns.items() for _, c, _, k in cols if k])
    got_temporal = sorted(sections["temporal properties"])
    check(got_temporal == want_temporal, "cypher: temporal conversions %r, want %r"
          % (got_temporal, want_temporal))
    print("cypher: %d statements in 4 sections, every one of a documented shape; %d nodes (%d "
          "names byte-identical), %d relationships, %d property values, %d temporal conversions"
          % (sum(len(v) for v in sections.values()), len(seen), names_ok, sum(got.values()),
             values, len(got_temporal)))


# ----- Kuzu -----

KUZU_TYPES = {"string": "STRING", "long": "INT64", "double": "DOUBLE", "boolean": "BOOL",
              "string[]": "STRING[]"}


def kuzu_same(got, want, t):
    if want is None:
        return got is None
    if t == "long":
        return got == str(want)
    if t == "double":
        if isinstance(want, float) and (math.isnan(want) or math.isinf(want)):
            return got is None  # Kuzu reads no NaN or infinity from CSV or Cypher
        return isinstance(got, (int, float)) and float(got) == float(want)
    if t == "boolean":
        return got is want
    if t == "string[]":
        return got == want
    return got == column_text(want, "string")


def check_kuzu_dump(src, path, what):
    with open(path, encoding="utf-8") as f:
        dump = json.load(f)
    check(sorted(dump["nodes"]) == sorted(LABELS), "%s: node tables %r" % (what, sorted(dump["nodes"])))
    check(sorted(dump["rels"]) == sorted(TYPES), "%s: rel tables %r" % (what, sorted(dump["rels"])))
    names_ok = values = 0
    for label in LABELS:
        table = dump["nodes"].get(label)
        if table is None:
            continue
        cols = src.node_columns.get(label, [])
        want_cols = [["id", "STRING"], ["name", "STRING"], ["aliases", "STRING[]"],
                     ["documents", "STRING[]"], ["evidence", "STRING"],
                     ["evidence_count", "INT64"]] + [[c, KUZU_TYPES[t]] for _, c, t, _ in cols]
        check(table["columns"] == want_cols, "%s: %s columns %r, want %r"
              % (what, label, table["columns"], want_cols))
        check(len(table["rows"]) == src.labels[label], "%s: %s has %d nodes, want %d"
              % (what, label, len(table["rows"]), src.labels[label]))
        for row in table["rows"]:
            node = src.by_key.get(row.get("id"))
            where = "%s: %s %r" % (what, label, row.get("id"))
            if not check(node is not None and node["label"] == label, where + ": unknown"):
                continue
            if check(row["name"] == node["name"], where + ": name %r, want %r"
                     % (row["name"], node["name"])):
                names_ok += 1
            check(row["aliases"] == node.get("aliases", []), where + ": aliases %r"
                  % (row["aliases"],))
            check(row["documents"] == documents_of(node.get("evidence", [])),
                  where + ": documents %r" % (row["documents"],))
            check(json.loads(row["evidence"]) == evidence_of(node.get("evidence", [])),
                  where + ": evidence")
            check(row["evidence_count"] == str(len(node.get("evidence", []))),
                  where + ": evidence_count")
            props = src.node_props[node["id"]]
            for p, c, t, _ in cols:
                values += p in props
                check(kuzu_same(row.get(c), props.get(p), t), where + ": %s = %r, want %r"
                      % (c, row.get(c), props.get(p)))
    by_key = {src.link_key(l): (l, p) for l, p in zip(src.links, src.link_props)}
    got = collections.Counter()
    for rel in TYPES:
        table = dump["rels"].get(rel)
        if table is None:
            continue
        cols = src.edge_columns.get(rel, [])
        want_cols = [["documents", "STRING[]"], ["evidence", "STRING"],
                     ["evidence_count", "INT64"]] + [[c, KUZU_TYPES[t]] for _, c, t, _ in cols]
        check(table["columns"] == want_cols, "%s: %s columns %r, want %r"
              % (what, rel, table["columns"], want_cols))
        for row in table["rows"]:
            k = (row["_from"], row["_to"], rel)
            got[k] += 1
            where = "%s: %s %r" % (what, rel, k)
            if not check(k in by_key, where + ": unknown"):
                continue
            link, props = by_key[k]
            check(row["_from_label"] == src.by_key[k[0]]["label"] and
                  row["_to_label"] == src.by_key[k[1]]["label"], where + ": endpoint labels")
            check(row["documents"] == documents_of(link.get("evidence", [])), where + ": documents")
            check(json.loads(row["evidence"]) == evidence_of(link.get("evidence", [])),
                  where + ": evidence")
            check(row["evidence_count"] == str(len(link.get("evidence", []))),
                  where + ": evidence_count")
            for p, c, t, _ in cols:
                values += p in props
                check(kuzu_same(row.get(c), props.get(p), t), where + ": %s = %r, want %r"
                      % (c, row.get(c), props.get(p)))
    check(got == collections.Counter(src.link_key(l) for l in src.links),
          "%s: relationships differ from the source" % what)
    print("%s: %d statements ran; %d nodes in %d tables (%d names byte-identical), %d "
          "relationships in %d tables, %d property values"
          % (what, dump.get("statements", 0), sum(len(t["rows"]) for t in dump["nodes"].values()),
             len(dump["nodes"]), names_ok, sum(got.values()), len(dump["rels"]), values))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("--neo4j")
    parser.add_argument("--cypher")
    parser.add_argument("--kuzu-dump")
    parser.add_argument("--kuzu-import-dump")
    parser.add_argument("--cypher-dump")
    args = parser.parse_args()
    src = Source(args.source)
    for option in ("neo4j", "cypher", "kuzu_dump", "kuzu_import_dump", "cypher_dump"):
        path = getattr(args, option)
        if path and not os.path.exists(path):
            fail("--%s %s: no such file or directory" % (option.replace("_", "-"), path))
            setattr(args, option, None)
    if args.neo4j:
        check_neo4j(src, args.neo4j)
    if args.cypher:
        check_cypher(src, args.cypher)
    if args.kuzu_dump:
        check_kuzu_dump(src, args.kuzu_dump, "kuzu export in Kuzu")
    if args.kuzu_import_dump:
        check_kuzu_dump(src, args.kuzu_import_dump, "kuzu export in Kuzu by IMPORT DATABASE")
    if args.cypher_dump:
        check_kuzu_dump(src, args.cypher_dump, "cypher export in Kuzu")
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
