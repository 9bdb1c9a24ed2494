#!/usr/bin/python3
"""Loads cnkg's exports with real consumers and checks them against the source graph.

Usage:
  check_consumers.py SOURCE_GRAPH.json STATS.json EXPORT.json EXPORT.graphml EXPORT.dot

SOURCE_GRAPH.json is the node-link graph file the exports were made from (read here with the
plain json module, as the reference). STATS.json is the output of `cnkg stats --json`.

Checks, each failure printed as one line starting with "FAIL":
  * stats: node and edge counts, and counts per label and per type, equal the source's.
  * JSON export: networkx json_graph.node_link_graph loads it; node and edge counts equal the
    stats; every node's name, label and aliases are byte-identical to the source's.
  * GraphML export: networkx.read_graphml and igraph.Graph.Read_GraphML both load it; counts
    equal the stats; node ids are the keys; names come back byte-identical; labels (":Talk"),
    edge types, aliases (JSON array), evidence_count and typed properties are as the source
    says; keys are typed and every edge has a unique id.
  * DOT export: `dot -Tsvg` exits 0 with nothing on stderr; the SVG has one node per source
    node and one edge per source edge; every node's label lines are the source's name (the
    writer's documented text rules applied) and the edge labels are the relationship types.

GraphML and DOT replace characters XML 1.0 forbids (and invalid UTF-8) by U+FFFD, and DOT turns
carriage returns into line feeds; expected values for aliases and labels apply the same rules.
Names in the source are expected to need no replacement, so they must survive byte for byte.
Exits 0 when everything matches, 1 otherwise.
"""

import collections
import json
import math
import subprocess
import sys
import xml.etree.ElementTree as ET

import igraph
import networkx
from networkx.readwrite import json_graph

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
SVG_NS = "{http://www.w3.org/2000/svg}"
REPLACEMENT = "\ufffd"
# Node-link members that are not properties (graph/snapshot.h); "documents" is derived from the
# evidence when writing and ignored when reading, so the GraphML has no key for it.
NODE_MEMBERS = {"id", "label", "name", "aliases", "evidence", "documents"}
LINK_MEMBERS = {"source", "target", "key", "type", "evidence", "documents"}
MAX_PRINTED = 25  # failures printed in full; the rest are only counted

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


def xml_safe(text):
    """The writers' XmlSafeText: XML-forbidden code points become U+FFFD."""
    out = []
    for ch in text:
        cp = ord(ch)
        if (cp < 0x20 and ch not in "\t\n\r") or cp in (0xFFFE, 0xFFFF) or 0xD800 <= cp <= 0xDFFF:
            out.append(REPLACEMENT)
        else:
            out.append(ch)
    return "".join(out)


def dot_text(text):
    """The DOT writer's DotText: CR LF and lone CR become LF, then XmlSafeText."""
    return xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))


def dot_node_name(key):
    return dot_text(key).replace("\\", "\\\\")


def source_model(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    nodes = {}
    for n in doc["nodes"]:
        nodes[n["id"]] = n
    links = doc.get("links", doc.get("edges", []))
    return nodes, links


def check_stats(stats, nodes, links):
    check(stats.get("nodes") == len(nodes),
          f"stats: nodes = {stats.get('nodes')}, source has {len(nodes)}")
    check(stats.get("edges") == len(links),
          f"stats: edges = {stats.get('edges')}, source has {len(links)}")
    labels = collections.Counter(n["label"] for n in nodes.values())
    types = collections.Counter(l["type"] for l in links)
    got_labels = {k: v for k, v in stats.get("labels", {}).items() if v}
    got_types = {k: v for k, v in stats.get("types", {}).items() if v}
    check(got_labels == dict(labels), f"stats: labels {got_labels} != source {dict(labels)}")
    check(got_types == dict(types), f"stats: types {got_types} != source {dict(types)}")


def check_json_export(path, stats, nodes):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = json_graph.node_link_graph(data)
    check(g.is_directed() and g.is_multigraph(),
          "json: networkx did not build a directed multigraph")
    check(g.number_of_nodes() == stats["nodes"],
          f"json: networkx has {g.number_of_nodes()} nodes, stats say {stats['nodes']}")
    check(g.number_of_edges() == stats["edges"],
          f"json: networkx has {g.number_of_edges()} edges, stats say {stats['edges']}")
    for key, n in nodes.items():
        if not check(key in g, f"json: node {key!r} missing"):
            continue
        attrs = g.nodes[key]
        check(attrs.get("name") == n.get("name", ""),
              f"json: name of {key!r} is {attrs.get('name')!r}, expected {n.get('name')!r}")
        check(attrs.get("label") == n["label"], f"json: label of {key!r} is {attrs.get('label')!r}")
        check(attrs.get("aliases", []) == n.get("aliases", []), f"json: aliases of {key!r} differ")


def json_safe(text):
    """Text inside a JSON array written into GraphML: the JSON escapes control characters, so
    only the code points XML forbids and JSON does not escape (U+FFFE, U+FFFF) are replaced."""
    return "".join(REPLACEMENT if ch in "\ufffe\uffff" else ch for ch in text)


def expected_evidence(entries):
    """Evidence as the graph holds it: fields defaulted, all-empty and repeated entries dropped."""
    out = []
    for e in entries:
        item = {"document": json_safe(e.get("document", "")), "line": e.get("line", 0),
                "text": json_safe(e.get("text", ""))}
        if item == {"document": "", "line": 0, "text": ""} or item in out:
            continue
        out.append(item)
    return out


def check_value(where, got, value):
    """Compares a property read back from GraphML (typed by its key) with the source value."""
    if isinstance(value, list):
        ok = isinstance(got, str) and json.loads(got) == [json_safe(x) for x in value]
    elif isinstance(got, str) and not isinstance(value, str):
        # A widened (mixed-type) key holds the text of the value.
        ok = got == (json.dumps(value) if isinstance(value, bool) else str(value)) or (
            isinstance(value, float) and math.isclose(float(got), value, rel_tol=1e-15))
    elif isinstance(value, str):
        ok = got == xml_safe(value)
    elif isinstance(value, bool):
        ok = got is value
    else:
        ok = isinstance(got, (int, float)) and not isinstance(got, bool) and math.isclose(
            float(got), float(value), rel_tol=1e-15)
    check(ok, f"{where} is {got!r}, expected {value!r}")


def check_graphml_structure(path, nodes):
    """Checks the raw XML: typed keys, directed default, unique edge ids, APOC attributes."""
    root = ET.parse(path).getroot()
    keys = {}
    for k in root.iter(GRAPHML_NS + "key"):
        check(k.get("id") not in keys, f"graphml: key id {k.get('id')!r} repeated")
        check(k.get("attr.type") in ("string", "long", "double", "boolean"),
              f"graphml: key {k.get('id')!r} has attr.type {k.get('attr.type')!r}")
        check(k.get("for") in ("node", "edge"),
              f"graphml: key {k.get('id')!r} is not for node or edge")
        keys[k.get("id")] = k
    names = collections.Counter((k.get("for"), k.get("attr.name")) for k in keys.values())
    for (domain, name), count in names.items():
        check(count == 1, f"graphml: {domain} attribute {name!r} has {count} keys")
    for required in ("labels", "label"):
        check(required in keys, f"graphml: no key with the APOC id {required!r}")
    graph = root.find(GRAPHML_NS + "graph")
    check(graph is not None and graph.get("edgedefault") == "directed",
          "graphml: graph is not edgedefault=\"directed\"")
    edge_ids = [e.get("id") for e in root.iter(GRAPHML_NS + "edge")]
    check(all(edge_ids), "graphml: an edge has no id")
    check(len(set(edge_ids)) == len(edge_ids), "graphml: edge ids repeat")
    for e in root.iter(GRAPHML_NS + "edge"):
        check(e.get("label"), f"graphml: edge {e.get('id')} has no APOC label attribute")
    for n in root.iter(GRAPHML_NS + "node"):
        key = n.get("id")
        if key in nodes:
            check(n.get("labels") == ":" + nodes[key]["label"],
                  f"graphml: node {key!r} has labels attribute {n.get('labels')!r}")


def check_graphml_networkx(path, stats, nodes, links):
    g = networkx.read_graphml(path)
    check(g.is_directed(), "graphml/networkx: graph is not directed")
    check(g.number_of_nodes() == stats["nodes"],
          f"graphml/networkx: {g.number_of_nodes()} nodes, stats say {stats['nodes']}")
    check(g.number_of_edges() == stats["edges"],
          f"graphml/networkx: {g.number_of_edges()} edges, stats say {stats['edges']}")
    for key, n in nodes.items():
        if not check(key in g, f"graphml/networkx: node {key!r} missing"):
            continue
        attrs = g.nodes[key]
        # networkx leaves out an attribute whose <data> element is empty.
        check(attrs.get("name", "") == n.get("name", ""),
              f"graphml/networkx: name of {key!r} is {attrs.get('name')!r}, "
              f"expected {n.get('name')!r}")
        check(attrs.get("labels") == ":" + n["label"],
              f"graphml/networkx: labels of {key!r} is {attrs.get('labels')!r}")
        want_aliases = [json_safe(x) for x in n.get("aliases", [])]
        check(json.loads(attrs.get("aliases", "[]")) == want_aliases,
              f"graphml/networkx: aliases of {key!r} are {attrs.get('aliases')!r}")
        check(json.loads(attrs.get("evidence", "[]")) == expected_evidence(n.get("evidence", [])),
              f"graphml/networkx: evidence of {key!r} is {attrs.get('evidence')!r}")
        check(attrs.get("evidence_count") == len(expected_evidence(n.get("evidence", []))),
              f"graphml/networkx: evidence_count of {key!r} is {attrs.get('evidence_count')!r}")
        for prop, value in n.items():
            if prop not in NODE_MEMBERS:
                check_value(f"graphml/networkx: property {prop!r} of {key!r}",
                            attrs.get(prop), value)
    edges = collections.defaultdict(list)
    for s, t, d in g.edges(data=True):
        edges[(s, t, d.get("type"))].append(d)
    for l in links:
        where = f"graphml/networkx: edge {l['source']!r} -{l['type']}-> {l['target']!r}"
        found = edges.get((l["source"], l["target"], l["type"]))
        if not check(found and len(found) == 1, f"{where} is missing or repeated"):
            continue
        d = found[0]
        check(d.get("label") == l["type"], f"{where} has label {d.get('label')!r}")
        check(json.loads(d.get("evidence", "[]")) == expected_evidence(l.get("evidence", [])),
              f"{where} has evidence {d.get('evidence')!r}")
        for prop, value in l.items():
            if prop not in LINK_MEMBERS:
                check_value(f"{where} property {prop!r}", d.get(prop), value)
    got_types = collections.Counter(d.get("type") for _, _, d in g.edges(data=True))
    want_types = collections.Counter(l["type"] for l in links)
    check(got_types == want_types,
          f"graphml/networkx: edge types {dict(got_types)} != {dict(want_types)}")
    got_pairs = collections.Counter((s, t, d.get("type")) for s, t, d in g.edges(data=True))
    want_pairs = collections.Counter((l["source"], l["target"], l["type"]) for l in links)
    check(got_pairs == want_pairs, "graphml/networkx: the (source, target, type) triples differ")


def igraph_id(value):
    """igraph's GraphML reader uses libxml2's SAX2 interface without entity substitution, which
    reports an '&' in an XML attribute value as the text "&#38;" (a long-standing libxml2
    behaviour), whatever the file says. Node ids are XML attributes, so undo that here; names and
    other <data> text are not affected."""
    return value.replace("&#38;", "&")


def check_graphml_igraph(path, stats, nodes, links):
    g = igraph.Graph.Read_GraphML(path)
    check(g.is_directed(), "graphml/igraph: graph is not directed")
    check(g.vcount() == stats["nodes"],
          f"graphml/igraph: {g.vcount()} nodes, stats say {stats['nodes']}")
    check(g.ecount() == stats["edges"],
          f"graphml/igraph: {g.ecount()} edges, stats say {stats['edges']}")
    seen = set()
    for v in g.vs:
        key = igraph_id(v["id"])
        seen.add(key)
        if not check(key in nodes, f"graphml/igraph: unknown node id {key!r}"):
            continue
        n = nodes[key]
        check(v["name"] == n.get("name", ""),
              f"graphml/igraph: name of {key!r} is {v['name']!r}, expected {n.get('name')!r}")
        check(v["labels"] == ":" + n["label"],
              f"graphml/igraph: labels of {key!r} is {v['labels']!r}")
    check(seen == set(nodes), "graphml/igraph: the node ids are not the source's keys")
    got = collections.Counter(
        (igraph_id(g.vs[e.source]["id"]), igraph_id(g.vs[e.target]["id"]), e["type"])
        for e in g.es)
    want = collections.Counter((l["source"], l["target"], l["type"]) for l in links)
    check(got == want, "graphml/igraph: the (source, target, type) triples differ")
    check(all(e["label"] == e["type"] for e in g.es),
          "graphml/igraph: an edge label differs from its type")


def svg_lines(group):
    """The text lines of an SVG node or edge group, with Graphviz's &#160; turned back to spaces."""
    return [(t.text or "").replace("\u00a0", " ") for t in group.iter(SVG_NS + "text")]


def check_dot(path, stats, nodes, links):
    proc = subprocess.run(["dot", "-Tsvg", path], capture_output=True)
    check(proc.returncode == 0, f"dot: exit status {proc.returncode}")
    check(proc.stderr == b"",
          "dot: wrote to stderr: " + proc.stderr.decode("utf-8", "replace").strip())
    if proc.returncode != 0:
        return
    root = ET.fromstring(proc.stdout)
    groups = list(root.iter(SVG_NS + "g"))
    node_groups = [g for g in groups if g.get("class") == "node"]
    edge_groups = [g for g in groups if g.get("class") == "edge"]
    check(len(node_groups) == stats["nodes"],
          f"dot: SVG has {len(node_groups)} nodes, stats say {stats['nodes']}")
    check(len(edge_groups) == stats["edges"],
          f"dot: SVG has {len(edge_groups)} edges, stats say {stats['edges']}")
    by_name = {dot_node_name(k): n for k, n in nodes.items()}
    for group in node_groups:
        title = group.find(SVG_NS + "title").text or ""
        if not check(title in by_name, f"dot: SVG node {title!r} is not a source key"):
            continue
        n = by_name[title]
        shown = n.get("name") or n["id"]
        want = [l for l in dot_text(shown).split("\n") if l.strip()]
        got = [l for l in svg_lines(group) if l.strip()]
        check(got == want, f"dot: label of {n['id']!r} renders as {got!r}, expected {want!r}")
    got_types = collections.Counter(" ".join(svg_lines(g)) for g in edge_groups)
    want_types = collections.Counter(l["type"] for l in links)
    check(got_types == want_types,
          f"dot: edge labels {dict(got_types)} != types {dict(want_types)}")


def main(argv):
    if len(argv) != 6:
        print("\n".join(__doc__.strip().splitlines()[2:4]), file=sys.stderr)
        return 2
    source, stats_path, json_path, graphml_path, dot_path = argv[1:]
    nodes, links = source_model(source)
    with open(stats_path, encoding="utf-8") as f:
        stats = json.load(f)
    steps = [
        ("stats", lambda: check_stats(stats, nodes, links)),
        ("json", lambda: check_json_export(json_path, stats, nodes)),
        ("graphml structure", lambda: check_graphml_structure(graphml_path, nodes)),
        ("graphml networkx", lambda: check_graphml_networkx(graphml_path, stats, nodes, links)),
        ("graphml igraph", lambda: check_graphml_igraph(graphml_path, stats, nodes, links)),
        ("dot", lambda: check_dot(dot_path, stats, nodes, links)),
    ]
    for name, step in steps:
        before = len(failures)
        try:
            step()
        except Exception as e:  # a consumer refusing the file is a failure, not a crash
            fail(f"{name}: {type(e).__name__}: {e}")
        print(f"{'ok  ' if len(failures) == before else 'FAIL'} {name}")
    if failures:
        print(f"{len(failures)} check(s) failed for {source}", file=sys.stderr)
        return 1
    print(f"all consumer checks passed for {source}: "
          f"{stats['nodes']} nodes, {stats['edges']} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
