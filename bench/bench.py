#!/usr/bin/python3
"""Times cnkg against Kuzu on one graph, or writes the report of several runs.

    bench.py measure --name NAME --graph GRAPH.cnkg --export KUZU_EXPORT_DIR --db KUZU_DB
                     --cnkg CNKG --out RESULT.json [--runs 5] [--load-ms MS]
    bench.py report RESULT.json... --md results.md

`measure` picks the query parameters from the Kuzu export's CSV files (the most co-mentioned
project pair, the organisation with the most presenters, the biggest track, the person with the
most co-presenters, and two organisations exactly 6 hops apart, found by breadth-first search), so
no name is written into the repository. Every query runs --runs times as a fresh process on each
side -- `cnkg query GRAPH 'Q' --format json` (process start + graph load + query) and
`node kuzu_query.js DB 'Q'` (process start + database open + query) -- and the median wall time is
kept. Both answers are compared: row counts, and the rows as sorted multisets of values.
"""

import argparse
import collections
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
KUZU_QUERY = os.path.join(HERE, "kuzu_query.js")
KUZU_WARM = os.path.join(HERE, "kuzu_warm.js")
WARM_ROUNDS = 3
csv.field_size_limit(1 << 30)


def read_csv(path, columns):
  if not os.path.exists(path):
    return []
  with open(path, newline="", encoding="utf-8") as f:
    r = csv.reader(f)
    header = next(r)
    idx = [header.index(c) for c in columns]
    return [tuple(row[i] for i in idx) for row in r]


def safe(name):
  return name and "'" not in name and "\\" not in name


def pick_parameters(export_dir):
  """Chooses query parameters from the graph's CSV export (see the module doc)."""
  def nodes(label):
    return dict(read_csv(os.path.join(export_dir, f"{label}.csv"), ["id", "name"]))

  talks, projects, orgs = nodes("Talk"), nodes("Project"), nodes("Organization")
  people, tracks = nodes("Person"), nodes("Track")
  rel = lambda f: read_csv(os.path.join(export_dir, f), ["from", "to"])
  mentions = [(t, p) for t, p in rel("MENTIONS_Talk_Project.csv")]
  presents = rel("PRESENTS_Person_Talk.csv")
  affiliated = rel("AFFILIATED_WITH_Person_Organization.csv")
  in_track = rel("IN_TRACK_Talk_Track.csv")

  talk_projects = collections.defaultdict(set)
  for t, p in mentions:
    talk_projects[t].add(p)
  pair_count = collections.Counter()
  for ps in talk_projects.values():
    ps = sorted(p for p in ps if safe(projects[p]))
    for i in range(len(ps)):
      for j in range(i + 1, len(ps)):
        pair_count[(ps[i], ps[j])] += 1
  (pa, pb), _ = min(pair_count.items(), key=lambda kv: (-kv[1], kv[0]))

  person_orgs = collections.defaultdict(set)
  for p, o in affiliated:
    person_orgs[p].add(o)
  talk_people = collections.defaultdict(set)
  person_talks = collections.defaultdict(set)
  for p, t in presents:
    talk_people[t].add(p)
    person_talks[p].add(t)
  org_presenters = collections.Counter()
  for p in person_talks:
    for o in person_orgs[p]:
      if safe(orgs[o]):
        org_presenters[o] += 1
  org, _ = min(org_presenters.items(), key=lambda kv: (-kv[1], kv[0]))
  org_project = collections.Counter()
  for p in person_talks:
    if org in person_orgs[p]:
      for t in person_talks[p]:
        for k in talk_projects[t]:
          if safe(projects[k]):
            org_project[k] += 1
  org_proj, _ = min(org_project.items(), key=lambda kv: (-kv[1], kv[0]))

  track_count = collections.Counter(k for t, k in in_track if talk_projects[t] and safe(tracks[k]))
  track, _ = min(track_count.items(), key=lambda kv: (-kv[1], kv[0]))

  co = {}
  for p, ts in person_talks.items():
    if safe(people[p]):
      co[p] = len({q for t in ts for q in talk_people[t]} - {p})
  person, _ = min(co.items(), key=lambda kv: (-kv[1], kv[0]))

  # Two organisations 6 hops apart over every relationship, undirected.
  adj = collections.defaultdict(list)
  for f in os.listdir(export_dir):
    if f.endswith(".csv") and "_" in f:  # relationship tables: TYPE_From_To.csv
      for a, b in rel(f):
        adj[a].append(b)
        adj[b].append(a)
  candidates = sorted((len(adj[o]), o) for o in orgs if safe(orgs[o]))
  path_pair = None
  for _, src in candidates[:20]:
    dist = {src: 0}
    frontier = [src]
    for d in range(1, 7):
      nxt = []
      for u in frontier:
        for v in adj[u]:
          if v not in dist:
            dist[v] = d
            nxt.append(v)
      frontier = nxt
    far = sorted(v for v in frontier if v in orgs and safe(orgs[v]))
    if far:
      path_pair = (src, far[0])
      break
  return {
      "project_a": projects[pa], "project_b": projects[pb], "org": orgs[org],
      "org_project": projects[org_proj], "track": tracks[track], "person": people[person],
      "path_from": orgs[path_pair[0]] if path_pair else None,
      "path_to": orgs[path_pair[1]] if path_pair else None,
  }


def queries(p):
  q = collections.OrderedDict()
  q["talks mentioning two projects"] = (
      f"MATCH (a:Project {{name: '{p['project_a']}'}})<-[:MENTIONS]-(t:Talk)-[:MENTIONS]->"
      f"(b:Project {{name: '{p['project_b']}'}}) RETURN t.name, t.start")
  q["people of an org talking about a project"] = (
      f"MATCH (o:Organization {{name: '{p['org']}'}})<-[:AFFILIATED_WITH]-(p:Person)"
      f"-[:PRESENTS]->(t:Talk)-[:MENTIONS]->(:Project {{name: '{p['org_project']}'}}) "
      f"RETURN DISTINCT p.name, t.name")
  q["top 10 projects of a track"] = (
      f"MATCH (:Track {{name: '{p['track']}'}})<-[:IN_TRACK]-(t:Talk)-[:MENTIONS]->(k:Project) "
      f"RETURN k.name AS project, count(*) AS talks ORDER BY talks DESC, project LIMIT 10")
  q["co-presenters of a person"] = (
      f"MATCH (a:Person {{name: '{p['person']}'}})-[:PRESENTS]->(t:Talk)<-[:PRESENTS]-(b:Person) "
      f"WHERE a <> b RETURN DISTINCT b.name")
  q["talks per organisation"] = (
      "MATCH (o:Organization)<-[:AFFILIATED_WITH]-(:Person)-[:PRESENTS]->(t:Talk) "
      "RETURN o.name AS org, count(DISTINCT t) AS talks ORDER BY talks DESC, org")
  if p.get("path_from"):
    q["6-hop shortest path"] = (
        f"MATCH p = (a:Organization {{name: '{p['path_from']}'}})-[* SHORTEST 1..6]-"
        f"(b:Organization {{name: '{p['path_to']}'}}) RETURN length(p)")
  return q


def run_timed(argv):
  """Runs argv; returns (wall ms, peak RSS MiB, stdout, returncode)."""
  with tempfile.TemporaryFile() as err:
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    ms = (time.perf_counter() - t0) * 1000.0
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if proc.returncode != 0:
      err.seek(0)
      sys.stderr.write(err.read().decode("utf-8", "replace")[-2000:])
  return ms, usage.ru_maxrss / 1024.0, out.decode("utf-8", "replace"), proc.returncode


def norm(v):
  if isinstance(v, float) and v.is_integer():
    v = int(v)
  return json.dumps(v, sort_keys=True, ensure_ascii=False)


def rows_of(text, side):
  data = json.loads(text) if text.strip() else []
  if side == "cnkg":
    return sorted(tuple(norm(v) for v in row.values()) for row in data)
  return sorted(tuple(norm(v) for v in row) for row in data)


def cnkg_warm(cnkg, graph, query, runs):
  """The query `runs` times in one `cnkg shell --timing`: (open ms, [ms per run])."""
  script = ":format json\n" + "".join(query + ";\n" for _ in range(runs))
  proc = subprocess.run([cnkg, "shell", graph, "--timing"], input=script, capture_output=True,
                        text=True)
  opened, times = float("nan"), []
  for line in proc.stderr.splitlines():
    if line.startswith("open: ") and line.endswith(" ms"):
      opened = float(line[6:-3])
    elif line.startswith("time: ") and line.endswith(" ms"):
      times.append(float(line[6:-3]))
  if proc.returncode != 0 or len(times) != runs:
    sys.stderr.write(proc.stderr[-2000:])
    return opened, [float("nan")]
  return opened, times


def kuzu_warm(db, query, runs):
  """The query `runs` times on one Kuzu connection: (open ms, [ms per run])."""
  proc = subprocess.run(["node", KUZU_WARM, db, str(runs), query], capture_output=True, text=True)
  if proc.returncode != 0:
    sys.stderr.write(proc.stderr[-2000:])
    return float("nan"), [float("nan")]
  out = json.loads(proc.stdout)
  return out["open_ms"], out["times_ms"]


def measure(args):
  # Parameters come from a separate process: reading the export makes this one large, and a
  # child's peak RSS (wait4) counts the parent's pages it starts with before exec.
  params = json.loads(subprocess.run(
      [sys.executable, os.path.abspath(__file__), "params", "--export", args.export],
      capture_output=True, text=True, check=True).stdout)
  qs = queries(params)
  built = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(args.cnkg)))
  head = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], capture_output=True,
                        text=True).stdout.strip()
  result = {"cnkg_binary": f"cnkg built {built}, tree at {head} when measured",
            "name": args.name, "graph": args.graph, "graph_bytes": os.path.getsize(args.graph),
            "params": params, "runs": args.runs, "load_ms": args.load_ms,
            "build_ms": args.build_ms, "load_note": args.load_note, "queries": []}
  stats = subprocess.run([args.cnkg, "stats", args.graph, "--json"], capture_output=True,
                         text=True)
  try:
    st = json.loads(stats.stdout)
    result["nodes"], result["relationships"] = st.get("nodes"), st.get("edges")
  except ValueError:
    pass
  plan = [("RETURN 1 (process + load/open only)", "RETURN 1")] + list(qs.items())
  c_rss = 0.0  # the largest over every query
  for label, q in plan:
    c_times, k_times, c_rows, k_rows = [], [], None, None
    for _ in range(args.runs):
      ms, rss, out, rc = run_timed([args.cnkg, "query", args.graph, q, "--format", "json"])
      c_times.append(ms if rc == 0 else float("nan"))
      c_rss = max(c_rss, rss)
      if rc == 0:
        c_rows = rows_of(out, "cnkg")
      ms, _, out, rc = run_timed(["node", KUZU_QUERY, args.db, q])
      k_times.append(ms if rc == 0 else float("nan"))
      if rc == 0:
        k_rows = rows_of(out, "kuzu")
    # Warm: a few rounds, alternating the two sides like the fresh processes above, so that a
    # slow moment of the machine falls on both; the per-query times of every round are pooled.
    c_opens, c_warm, k_opens, k_warm = [], [], [], []
    for _ in range(WARM_ROUNDS):
      o, t = cnkg_warm(args.cnkg, args.graph, q, args.warm_runs)
      c_opens.append(o)
      c_warm += t
      o, t = kuzu_warm(args.db, q, args.warm_runs)
      k_opens.append(o)
      k_warm += t
    c_open, k_open = statistics.median(c_opens), statistics.median(k_opens)
    entry = {
        "query": label, "cypher": q,
        "cnkg_ms": statistics.median(c_times), "kuzu_ms": statistics.median(k_times),
        "cnkg_warm_ms": statistics.median(c_warm), "kuzu_warm_ms": statistics.median(k_warm),
        "cnkg_open_ms": c_open, "kuzu_open_ms": k_open,
        "cnkg_rows": None if c_rows is None else len(c_rows),
        "kuzu_rows": None if k_rows is None else len(k_rows),
        "same_rows": c_rows is not None and c_rows == k_rows,
    }
    if label.startswith("6-hop") and c_rows and k_rows:
      entry["cnkg_answer"], entry["kuzu_answer"] = c_rows[0], k_rows[0]
    result["queries"].append(entry)
    print(f"{args.name:>10} | {label:<42} | cnkg {entry['cnkg_ms']:9.1f} ms | "
          f"kuzu {entry['kuzu_ms']:9.1f} ms | warm cnkg {entry['cnkg_warm_ms']:8.3f} ms | "
          f"warm kuzu {entry['kuzu_warm_ms']:8.3f} ms | rows {entry['cnkg_rows']}/{entry['kuzu_rows']}"
          f"{'' if entry['same_rows'] else '  ANSWERS DIFFER'}", flush=True)
  # The shortcut commands, timed on the cnkg side only (their Kuzu equivalent is above).
  shortcuts = [
      ("cnkg talks --mentions A --mentions B",
       ["talks", args.graph, "--mentions", params["project_a"], "--mentions", params["project_b"]]),
      ("cnkg neighbors PERSON", ["neighbors", args.graph, params["person"]]),
  ]
  if params.get("path_from"):
    shortcuts.append(("cnkg path ORG ORG --max-hops 6",
                      ["path", args.graph, params["path_from"], params["path_to"],
                       "--max-hops", "6"]))
  result["shortcuts"] = []
  for label, argv in shortcuts:
    times = []
    for _ in range(args.runs):
      ms, _, out, rc = run_timed([args.cnkg] + argv)
      times.append(ms if rc == 0 else float("nan"))
    result["shortcuts"].append({"query": label, "cnkg_ms": statistics.median(times)})
    print(f"{args.name:>10} | {label:<42} | cnkg {statistics.median(times):9.1f} ms", flush=True)
  result["cnkg_peak_rss_mib"] = c_rss
  with open(args.out, "w") as f:
    json.dump(result, f, indent=1)


def fmt_warm(v):
  return "failed" if v != v else f"{v:,.0f}" if v >= 100 else f"{v:.2f}" if v >= 1 else f"{v:.3f}"


def fmt_ms(v):
  return "failed" if v != v else f"{v:,.0f}" if v >= 100 else f"{v:.1f}"


def machine_info():
  cpu = platform.processor()
  try:
    with open("/proc/cpuinfo") as f:
      for line in f:
        if line.startswith("model name"):
          cpu = line.split(":", 1)[1].strip()
          break
  except OSError:
    pass
  mem = ""
  try:
    with open("/proc/meminfo") as f:
      mem = f"{int(f.readline().split()[1]) / 1024 / 1024:.0f} GiB RAM"
  except OSError:
    pass
  commit = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
  node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
  return (f"{cpu}, {os.cpu_count()} CPUs, {mem}; {platform.system()} {platform.release()}; "
          f"node {node}, kuzu 0.11.3; cnkg commit {commit}; "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}")


def report(args):
  results = [json.load(open(p)) for p in args.results]
  lines = ["# cnkg vs Kuzu: query timings", "", machine_info(), "",
           "Whole process: the median wall time of a fresh process, `cnkg query GRAPH 'Q'` "
           "(start + opening the binary graph file + query) vs `node kuzu_query.js DB 'Q'` (start + "
           "open of the loaded database + query). Warm: the query repeated in one open graph, "
           "`cnkg shell GRAPH --timing` fed the query N times vs `node kuzu_warm.js DB N 'Q'` (one "
           "connection), in three alternating rounds, median of the per-query times (query + every row fetched; cnkg's also "
           "formats the rows as JSON and writes them). Open: opening the graph inside the process "
           "(cnkg: mapping the file and checking its header; Kuzu: Database + Connection), median "
           "over the queries' warm runs. Ratio > 1: cnkg is faster.", ""]
  for r in results:
    lines += [f"## {r['name']}", "",
              f"{r.get('nodes', '?')} nodes, {r.get('relationships', '?')} relationships; "
              f"graph file {r['graph_bytes'] / 1e6:.1f} MB; cnkg peak RSS "
              f"{r.get('cnkg_peak_rss_mib', 0):.0f} MiB; `cnkg build` {fmt_ms(r.get('build_ms') or float('nan'))} ms; "
              f"Kuzu load (once, not in the table) {fmt_ms(r['load_ms'] or float('nan'))} ms"
              f"{' (Kuzu crashed on the export as written; loaded with kuzu_load.js ' + r['load_note'] + ')' if r.get('load_note') else ''}; "
              f"median of {r['runs']} runs; {r.get('cnkg_binary', '')}.", "",
              "| query | cnkg ms | Kuzu ms | Kuzu/cnkg | cnkg warm ms | Kuzu warm ms | "
              "Kuzu/cnkg warm | rows cnkg/Kuzu |",
              "|---|---:|---:|---:|---:|---:|---:|---|"]
    for q in r["queries"]:
      ratio = q["kuzu_ms"] / q["cnkg_ms"] if q["cnkg_ms"] else float("nan")
      cw, kw = q.get("cnkg_warm_ms", float("nan")), q.get("kuzu_warm_ms", float("nan"))
      wratio = kw / cw if cw else float("nan")
      same = "" if q["same_rows"] else " **differ**"
      lines.append(f"| {q['query']} | {fmt_ms(q['cnkg_ms'])} | {fmt_ms(q['kuzu_ms'])} | "
                   f"{ratio:.2f} | {fmt_warm(cw)} | {fmt_warm(kw)} | {wratio:.1f} | "
                   f"{q['cnkg_rows']}/{q['kuzu_rows']}{same} |")
    for s in r.get("shortcuts", []):
      lines.append(f"| `{s['query']}` | {fmt_ms(s['cnkg_ms'])} | | | | | | |")
    c_open = statistics.median(q.get("cnkg_open_ms", float("nan")) for q in r["queries"])
    k_open = statistics.median(q.get("kuzu_open_ms", float("nan")) for q in r["queries"])
    lines += ["", f"Open inside the process: cnkg {fmt_warm(c_open)} ms, Kuzu {fmt_warm(k_open)} "
              f"ms ({k_open / c_open if c_open else float('nan'):.0f}x)."]
    base = r["queries"][0]["cnkg_ms"]
    lines += ["", f"Profile: `RETURN 1` (process start + graph load) takes {fmt_ms(base)} ms of "
              f"cnkg's time; query execution proper is the rest of each row.", ""]
  text = "\n".join(lines) + "\n"
  if args.md:
    # Keep the build benchmark's section (bench/build_bench.sh writes it between markers).
    kept = ""
    try:
      old = open(args.md, encoding="utf-8").read()
      begin, end = old.find(BUILD_BEGIN), old.find(BUILD_END)
      if begin >= 0 and end > begin:
        kept = "\n" + old[begin:end + len(BUILD_END)] + "\n"
    except OSError:
      pass
    with open(args.md, "w") as f:
      f.write(text + kept)
  print(text)


BUILD_BEGIN = "<!-- build benchmark: bench/build_bench.sh -->"
BUILD_END = "<!-- end of build benchmark -->"


def main():
  ap = argparse.ArgumentParser()
  sub = ap.add_subparsers(dest="cmd", required=True)
  m = sub.add_parser("measure")
  m.add_argument("--name", required=True)
  m.add_argument("--graph", required=True)
  m.add_argument("--export", required=True)
  m.add_argument("--db", required=True)
  m.add_argument("--cnkg", required=True)
  m.add_argument("--out", required=True)
  m.add_argument("--runs", type=int, default=5)
  m.add_argument("--warm-runs", type=int, default=20)
  m.add_argument("--load-ms", type=float, default=None)
  m.add_argument("--build-ms", type=float, default=None)
  m.add_argument("--load-note", default="")
  pp = sub.add_parser("params")
  pp.add_argument("--export", required=True)
  r = sub.add_parser("report")
  r.add_argument("results", nargs="+")
  r.add_argument("--md")
  args = ap.parse_args()
  if args.cmd == "params":
    print(json.dumps(pick_parameters(args.export)))
  else:
    measure(args) if args.cmd == "measure" else report(args)


if __name__ == "__main__":
  main()
