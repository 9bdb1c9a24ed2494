#!/usr/bin/env python3
"""Scores a graph built from one test document against a hand annotation of it.

    gold_score.py GRAPH.json GOLD.json [--verbose]

GOLD.json says what a careful reader takes from the document (the shape of the corpus
annotations: talks with titles and title variants, speakers with their organisations, required
and optional project mentions per talk and per document, optional sessions). Prints one line,
"talks=F1 presenters=F1 affiliations=F1 talk_mentions=F1 document_mentions=F1 macro=F1", and with
--verbose every miss and extra on stderr. Exit status 0 whatever the score, 2 on unreadable
input.

Talks are paired one to one, best first: a title (or variant) equal after normalisation, or a
token Jaccard similarity of at least 0.8. Presenters are (talk, person) pairs; each person has
at most one expected organisation, and any of its accepted names counts. A project mention
counts when one of the accepted names of an expected entry is a name or alias of the project;
optional entries are neither rewarded nor penalised, nor is anything attached to an optional
session.
"""
import json
import re
import sys
import unicodedata


def norm(s):
    s = unicodedata.normalize("NFKD", str(s or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().replace("\u2019", "'")
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def jaccard(a, b):
    a, b = set(norm(a).split()), set(norm(b).split())
    return len(a & b) / len(a | b) if a | b else 0.0


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def names(node):
    return {norm(x) for x in [node.get("name")] + list(node.get("aliases") or []) if x}


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        graph, gold = (json.load(open(p, encoding="utf-8")) for p in args)
    except (OSError, ValueError) as e:
        print(f"gold_score.py: {e}", file=sys.stderr)
        return 2
    log = []
    nodes = {n["id"]: n for n in graph["nodes"]}
    links = graph.get("links", [])
    talks = [n for n in graph["nodes"] if n.get("label") == "Talk"]
    gold_talks = gold["talks"]

    # Pair talks, best candidates first.
    cands = []
    for gi, gt in enumerate(gold_talks):
        titles = [gt["title"]] + gt.get("title_variants", [])
        exact = {norm(t) for t in titles}
        for t in talks:
            q = 2.0 if norm(t["name"]) in exact else max(jaccard(t["name"], x) for x in titles)
            if q >= 0.8:
                cands.append((q, gi, t["id"]))
    cands.sort(key=lambda c: -c[0])
    g2p, p2g = {}, {}
    for _, gi, pid in cands:
        if gi not in g2p and pid not in p2g:
            g2p[gi], p2g[pid] = pid, gi
    optional = [x for x in gold.get("talks_optional", [])]
    ignored = {t["id"] for t in talks if t["id"] not in p2g and any(
        norm(t["name"]) == norm(x) or jaccard(t["name"], x) >= 0.8 for x in optional)}
    extra_talks = [t for t in talks if t["id"] not in p2g and t["id"] not in ignored]
    for gi, gt in enumerate(gold_talks):
        if gi not in g2p:
            log.append(f"missed talk: {gt['title']}")
    for t in extra_talks:
        log.append(f"extra talk: {t['name']}")
    rows = {"talks": f1(len(g2p), len(extra_talks), len(gold_talks) - len(g2p))}

    # Presenters and affiliations.
    want = {(gi, norm(s["name"])) for gi, gt in enumerate(gold_talks) for s in gt["speakers"]}
    got = set()
    presents = {}
    for e in links:
        if e["type"] == "PRESENTS" and e["target"] not in ignored:
            got.add((p2g.get(e["target"], e["target"]), norm(nodes[e["source"]]["name"])))
            presents.setdefault(e["source"], set()).add(e["target"])
    for x in sorted(map(str, want - got)):
        log.append(f"missed presenter: {x}")
    for x in sorted(map(str, got - want)):
        log.append(f"extra presenter: {x}")
    rows["presenters"] = f1(len(want & got), len(got - want), len(want - got))
    orgs = {}
    for gt in gold_talks:
        for s in gt["speakers"]:
            orgs.setdefault(norm(s["name"]), set()).update(norm(o) for o in s.get("orgs", []))
    tp = fp = 0
    found = set()
    for e in links:
        if e["type"] != "AFFILIATED_WITH":
            continue
        person = norm(nodes[e["source"]]["name"])
        if presents.get(e["source"]) and presents[e["source"]] <= ignored and person not in orgs:
            continue
        if orgs.get(person, set()) & names(nodes[e["target"]]):
            if person not in found:
                tp += 1
                found.add(person)
        else:
            fp += 1
            log.append(f"extra affiliation: {person} -> {nodes[e['target']]['name']}")
    fn = sum(1 for p, o in orgs.items() if o and p not in found)
    rows["affiliations"] = f1(tp, fp, fn)

    # Mentions: a one-to-one matching of predicted projects to expected entries.
    def score(entries, optional_entries, predicted, where):
        entries = [{norm(x) for x in alts} for alts in entries]
        opt = {norm(x) for alts in optional_entries for x in alts}
        owner = {}

        def augment(pi, seen):
            for ei, alts in enumerate(entries):
                if ei in seen or not alts & predicted[pi]:
                    continue
                seen.add(ei)
                if ei not in owner or augment(owner[ei], seen):
                    owner[ei] = pi
                    return True
            return False

        for pi in range(len(predicted)):
            augment(pi, set())
        matched = set(owner.values())
        fp_ = 0
        for pi, n in enumerate(predicted):
            if pi not in matched and not n & opt:
                fp_ += 1
                log.append(f"extra mention: {where}: {sorted(n)[0]}")
        for ei, alts in enumerate(entries):
            if ei not in owner:
                log.append(f"missed mention: {where}: {sorted(alts)[0]}")
        return len(owner), fp_, len(entries) - len(owner)

    per_talk = {}
    everywhere = {}
    for e in links:
        target = nodes[e["target"]]
        if e["type"] != "MENTIONS" or target.get("label") != "Project":
            continue
        everywhere[target["id"]] = names(target)
        if nodes[e["source"]].get("label") == "Talk":
            per_talk.setdefault(e["source"], {})[target["id"]] = names(target)
    tp = fp = fn = 0
    for gi, gt in enumerate(gold_talks):
        if gt.get("projects") is None:
            continue
        predicted = list(per_talk.get(g2p.get(gi), {}).values())
        a, b, c = score(gt.get("projects", []), gt.get("projects_optional", []), predicted,
                        gt["title"][:40])
        tp, fp, fn = tp + a, fp + b, fn + c
    for pid, ms in per_talk.items():
        if pid not in p2g and pid not in ignored:
            fp += len(ms)
    rows["talk_mentions"] = f1(tp, fp, fn)
    rows["document_mentions"] = f1(*score(gold.get("document_projects", []),
                                          gold.get("document_projects_optional", []),
                                          list(everywhere.values()), "document"))
    macro = sum(rows.values()) / len(rows)
    print(" ".join(f"{k}={v:.3f}" for k, v in rows.items()) + f" macro={macro:.3f}")
    if "--verbose" in argv and log:
        print("\n".join(log), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
