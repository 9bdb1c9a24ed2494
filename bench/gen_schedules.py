#!/usr/bin/python3
"""Writes invented schedule documents for the query benchmark.

Every document is one day of one invented event in the sched-style text format that cnkg reads
(see examples/schedules/ and extract/readers/schedule_text.cc): an event line, a day line, then sessions
with Time, Speakers, Venue, Type and Description lines. Titles, people, organisations, rooms and
descriptions are invented from word lists and templates; only project names are real (facts).

People and organisations recur across talks with a skewed (Zipf-like) frequency, as at real
conferences, so the graph of a large corpus is connected. Two organisations with exactly one
speaker each, who gives exactly one solo talk, are added so that a 6-hop shortest path exists
(organisation - person - talk - track - talk - person - organisation).

    gen_schedules.py --talks 100 --out DIR [--seed 1] [--talks-per-doc 100]

Deterministic for a given seed and talk count.
"""

import argparse
import datetime
import math
import os
import random

# Real project names (facts) that cnkg's gazetteer recognises without context words.
PROJECTS = [
    "Kubernetes", "Prometheus", "OpenTelemetry", "Envoy", "Istio", "Linkerd", "Cilium", "Helm",
    "Argo CD", "Argo Rollouts", "Argo Workflows", "Flux", "Crossplane", "KEDA", "Knative",
    "Kubeflow", "KServe", "Kueue", "Volcano", "Karmada", "KubeEdge", "KubeVirt", "Keycloak",
    "Kyverno", "Open Policy Agent", "OPA Gatekeeper", "Falco", "SPIFFE", "SPIRE", "cert-manager",
    "in-toto", "Kubescape", "OpenFGA", "containerd", "CRI-O", "CoreDNS", "etcd", "gRPC",
    "Contour", "Emissary-Ingress", "Vitess", "TiKV", "NATS", "Strimzi", "CloudEvents", "Dapr",
    "Backstage", "Buildpacks", "KubeVela", "Tekton", "OpenKruise", "OpenFeature", "Chaos Mesh",
    "Litmus", "OpenCost", "Jaeger", "Thanos", "Cortex", "Fluentd", "Fluent Bit", "Harbor",
    "Rook", "Longhorn", "CubeFS", "Dragonfly", "Notary Project", "Cloud Custodian", "OpenYurt",
    "wasmCloud", "Operator Framework", "Artifact Hub", "Microcks", "Lima", "Flatcar",
    "CloudNativePG", "External Secrets Operator", "Project Calico", "Grafana Loki",
    "Grafana Tempo", "Grafana Mimir", "Apache Kafka", "Apache Spark", "Apache Pulsar", "KubeRay",
    "MLflow", "Kubeflow Pipelines", "Kubeflow Katib", "Cluster API",
    "Kustomize", "kind", "minikube", "Velero", "Trivy",
    "Terraform", "OpenTofu", "Grafana", "Ray", "vLLM", "KAITO", "Envoy AI Gateway", "Headlamp",
    "Kubewarden", "Meshery", "Telepresence", "Tinkerbell", "Porter", "Shipwright", "Sigstore",
]

TRACKS = [
    "AI + ML", "OBSERVABILITY", "SECURITY", "PLATFORM ENGINEERING", "APPLICATION DELIVERY",
    "OPERATIONS + PERFORMANCE", "CONNECTIVITY", "STORAGE + DATA", "EMERGING + ADVANCED",
    "CLOUD NATIVE EXPERIENCE", "MAINTAINER TRACK", "LIGHTNING TALKS", "KEYNOTES",
    "CUSTOMIZING + EXTENDING KUBERNETES", "TUTORIALS", "PROJECT OPPORTUNITIES",
    "CLOUD NATIVE NOVICE", "RESEARCH + ACADEMIA",
]

# City, region/country, time zone (standard, summer).
CITIES = [
    ("Rotterdam", "Netherlands", "CET", "CEST"), ("Lisbon", "Portugal", "WET", "WEST"),
    ("Tallinn", "Estonia", "EET", "EEST"), ("Krakow", "Poland", "CET", "CEST"),
    ("Valencia", "Spain", "CET", "CEST"), ("Bergen", "Norway", "CET", "CEST"),
    ("Glasgow", "Scotland, UK", "GMT", "BST"), ("Leipzig", "Germany", "CET", "CEST"),
    ("Osaka", "Japan", "JST", "JST"), ("Busan", "South Korea", "KST", "KST"),
    ("Pune", "India", "IST", "IST"), ("Perth", "WA, Australia", "AWST", "AWST"),
    ("Wellington", "New Zealand", "NZST", "NZDT"), ("Halifax", "NS, Canada", "AST", "ADT"),
    ("Denver", "CO, USA", "MST", "MDT"), ("Portland", "OR, USA", "PST", "PDT"),
    ("Austin", "TX, USA", "CST", "CDT"), ("Raleigh", "NC, USA", "EST", "EDT"),
    ("Pittsburgh", "PA, USA", "EST", "EDT"), ("Montevideo", "Uruguay", "UTC-3", "UTC-3"),
    ("Bogota", "Colombia", "COT", "COT"), ("Lima", "Peru", "PET", "PET"),
    ("Manila", "Philippines", "PHT", "PHT"), ("Adelaide", "SA, Australia", "ACST", "ACDT"),
    ("Gdansk", "Poland", "CET", "CEST"), ("Turin", "Italy", "CET", "CEST"),
    ("Ghent", "Belgium", "CET", "CEST"), ("Aarhus", "Denmark", "CET", "CEST"),
    ("Tampere", "Finland", "EET", "EEST"), ("Cluj-Napoca", "Romania", "EET", "EEST"),
    ("Nagoya", "Japan", "JST", "JST"), ("Calgary", "AB, Canada", "MST", "MDT"),
]

EVENT_KINDS = ["Cloud Native Days", "Container Summit", "Platform Conf", "Cloud Summit",
               "Open Infra Forum", "DevOps Gathering", "Cluster Camp", "Mesh Meetup Conference"]

GIVEN = (
    "Ada Aiko Alba Amara Amir Ana Anders Anika Arjun Astrid Aylin Bao Beatriz Bruno Carla Chen "
    "Chiara Chloe Dafne Dario Dev Diego Dmitri Elif Elena Emeka Emil Erik Esra Farah Felix Fiona "
    "Gita Greta Hana Hassan Helga Hugo Ines Ingrid Ivan Jae Jana Javier Jin Jonas Julia Kai Kamal "
    "Karin Kenji Lars Leila Lena Liam Lin Lucia Luis Maja Malik Mana Marek Marta Mateo Mei Mika "
    "Milan Mina Nadia Naveen Nia Niko Noor Oskar Olga Omar Pablo Paula Pieter Priya Rafael Rania "
    "Ravi Rosa Ruth Sami Sara Sean Selin Sofia Sven Tariq Tess Theo Tomas Uma Vera Viktor Wen "
    "Yara Yusuf Zane Zofia Abebe Bilal Carmen Daria Eitan Femi Goran Hiro Ilse Joao Kofi Lotte "
    "Mehmet Nalani Oren Petra Quinn Reza Sanne Timo Ugo Vesna Wiktor Ximena Yoko Zuri"
).split()

ORG_KINDS = ["Labs", "Systems", "Cloud", "Networks", "Software", "Technologies", "Data",
             "Logistics", "Bank", "Health", "Telecom", "Analytics", "Robotics", "Energy",
             "Retail", "Media", "Insurance", "Games", "Airlines", "Mobility"]

JOB_TITLES = [
    "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Principal Engineer",
    "Site Reliability Engineer", "Platform Engineer", "Engineering Manager", "Developer Advocate",
    "Solutions Architect", "Product Manager", "CTO", "Director of Engineering",
    "Security Engineer", "Maintainer", "Cloud Architect", "Research Scientist",
    "Distinguished Engineer", "Head of Platform", "DevOps Engineer", "Open Source Program Lead",
]

VERBS = ["Scaling", "Securing", "Debugging", "Operating", "Migrating to", "Observing",
         "Automating", "Benchmarking", "Upgrading", "Hardening", "Simplifying", "Rethinking",
         "Building on", "Extending", "Testing", "Tuning", "Governing", "Federating",
         "Shrinking", "Replacing Glue Code With"]
OBJECTS = ["Edge Fleets", "Multi-Tenant Clusters", "GPU Pools", "Batch Pipelines",
           "Payment Platforms", "Retail Checkouts", "Game Servers", "Telecom Cores",
           "Hospital Systems", "Trading Desks", "Research Grids", "Factory Floors",
           "Developer Platforms", "Inference Services", "Data Lakes", "Event Streams",
           "Mobile Backends", "Satellite Ground Stations", "Rail Networks", "Newsrooms"]
TAILS = ["Without Losing Sleep", "in Production", "at Thousands of Nodes", "on a Budget",
         "the Boring Way", "Across Regions", "for Small Teams", "After Two Years",
         "With Zero Downtime", "From Day One", "Under Regulation", "at the Edge",
         "Step by Step", "Before It Hurts", "With Fewer Pages"]

DESCRIPTIONS = [
    "Our team runs {a} for {obj} and we share the alerts, runbooks and mistakes behind it.",
    "We compare {a} and {b} on real workloads and explain which trade-offs surprised us.",
    "This session shows how {a} fits together with {b} and {c} when the cluster count grows.",
    "A hands-on walk through {a}, from a first install to the upgrade plan we now follow.",
    "We moved {obj} onto {a}; this is what broke first and what we would keep.",
    "Maintainers of {a} present the roadmap, recent releases and how to start contributing.",
    "Cost, latency and reliability numbers from a year of running {a} beside {b}.",
]

BREAKS = ["Registration", "Coffee Break", "Lunch", "Sponsor Showcase", "Evening Reception"]


def surname(rng):
  """An invented surname from syllables (unbounded supply, pronounceable)."""
  onset = "b c d f g h k l m n p r s t v z br dr gr kr st tr sh ch".split()
  vowel = "a e i o u a e o ai ei".split()
  coda = ["", "n", "r", "s", "l", "m", "k", "nd", "rt", "st"]
  ends = ["", "", "sen", "son", "berg", "ova", "ez", "ini", "oglu", "ski", "ton", "ari", "ek"]
  parts = [rng.choice(onset) + rng.choice(vowel) + rng.choice(coda)
           for _ in range(rng.choice([1, 2, 2]))]
  return ("".join(parts) + rng.choice(ends)).capitalize()


def org_word(rng):
  onset = "b d f g k l m n p r s t v z br cl fr gl pl qu tr".split()
  vowel = "a e i o u ia eo".split()
  coda = ["", "x", "n", "r", "l", "s", "vo", "ra", "na"]
  return "".join(rng.choice(onset) + rng.choice(vowel) + rng.choice(coda)
                 for _ in range(2)).capitalize()


def skewed_index(rng, n, skew):
  """An index in [0, n) where low indices are much more likely (a Zipf-like choice)."""
  return min(n - 1, int(n * rng.random() ** skew))


class World:
  """The people and organisations that speak at the invented events."""

  def __init__(self, rng, talks, scale):
    self.rng = rng
    # Small corpora: nearly every speaker and half the organisations appear once (as in one day
    # of a real schedule). Large corpora: people speak at several events, big employers recur.
    log_scale = math.log10(max(scale, 1.0))
    spread = 1.0 + 0.6 * log_scale
    self.person_skew = 1.0 + 0.2 * log_scale
    self.org_skew = 1.2 + 0.35 * log_scale
    n_people = max(20, int(1.7 * talks * (4.0 if scale <= 1 else 1.0) / spread))
    n_orgs = max(10, int(n_people / (2.0 * spread * spread) / (2.0 if scale <= 1 else 1.0)))
    orgs, seen = [], set()
    while len(orgs) < n_orgs:
      name = org_word(rng) + " " + rng.choice(ORG_KINDS)
      if name not in seen:
        seen.add(name)
        orgs.append(name)
    self.orgs = orgs
    people, seen = [], set()
    while len(people) < n_people:
      name = rng.choice(GIVEN) + " " + surname(rng)
      if name in seen:
        continue
      seen.add(name)
      org = None if rng.random() < 0.04 else orgs[skewed_index(rng, n_orgs, self.org_skew)]
      people.append((name, rng.choice(JOB_TITLES), org))
    self.people = people

  def speakers(self):
    rng = self.rng
    k = rng.choices([1, 2, 3, 4], weights=[45, 38, 12, 5])[0]
    chosen, out = set(), []
    while len(out) < k:
      i = skewed_index(rng, len(self.people), self.person_skew)
      if i not in chosen:
        chosen.add(i)
        out.append(self.people[i])
    return out


def speakers_line(rng, speakers):
  # Shared-organisation form "A & B (Title, Org)" when the first two share title and org.
  parts, i = [], 0
  while i < len(speakers):
    name, title, org = speakers[i]
    affiliation = org if org else "Independent"
    if (i + 1 < len(speakers) and speakers[i + 1][1:] == speakers[i][1:] and org):
      parts.append(f"{name} & {speakers[i + 1][0]} ({title}, {affiliation})")
      i += 2
      continue
    parts.append(f"{name} ({title}, {affiliation})")
    i += 1
  return "; ".join(parts)


def clock(minutes):
  h, m = divmod(minutes, 60)
  suffix = "am" if h < 12 else "pm"
  h12 = h % 12 or 12
  return f"{h12}:{m:02d}{suffix}"


class TitleMaker:
  def __init__(self, rng):
    self.rng = rng
    self.used = set()

  def make(self, projects):
    rng = self.rng
    for attempt in range(50):
      p = projects[0]
      form = rng.randrange(4)
      if form == 0:
        t = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} With {p} {rng.choice(TAILS)}"
      elif form == 1 and len(projects) > 1:
        t = f"{p} Meets {projects[1]}: {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
      elif form == 2:
        t = f"What {rng.choice(OBJECTS)} Taught Us About {p} {rng.choice(TAILS)}"
      else:
        t = f"{rng.choice(VERBS)} {p} for {rng.choice(OBJECTS)}"
      if attempt > 10:
        t += f", Round {rng.randrange(2, 10**6)}"
      if t.lower() not in self.used:
        self.used.add(t.lower())
        return t
    raise RuntimeError("could not find a fresh title")


def write_document(path, event, city, day, sessions):
  with open(path, "w", encoding="utf-8") as f:
    f.write(f"{event}#\n")
    f.write(day.strftime("%A, %B ") + f"{day.day}, {day.year}#\n")
    f.write(f"Total Sessions: {len(sessions)}\n")
    for s in sessions:
      f.write(f"{s['title']}#\n")
      f.write(f"Time: {s['time']}\n")
      if s.get("speakers"):
        f.write(f"Speakers: {s['speakers']}\n")
      f.write(f"Venue: {s['venue']}\n")
      f.write(f"Type: {s['type']}\n")
      if s.get("description"):
        f.write(f"Description: {s['description']}\n")


def main():
  ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  ap.add_argument("--talks", type=int, default=100, help="number of talks with speakers")
  ap.add_argument("--out", required=True)
  ap.add_argument("--seed", type=int, default=1)
  ap.add_argument("--talks-per-doc", type=int, default=100)
  args = ap.parse_args()
  rng = random.Random(args.seed)
  os.makedirs(args.out, exist_ok=True)
  scale = args.talks / 100.0
  world = World(rng, args.talks, scale)
  titles = TitleMaker(rng)
  rooms_per_city = {c[0]: [f"Room {org_word(rng)}" for _ in range(20)] for c in CITIES}

  n_docs = max(1, math.ceil(args.talks / args.talks_per_doc))
  # Two organisations with a single speaker and a single solo talk each (see the module doc);
  # their talks go into the first and the last document, in the same track.
  lonely = [(f"{org_word(rng)} Lonely {k} Cooperative", f"{rng.choice(GIVEN)} {surname(rng)}")
            for k in ("North", "South")]
  remaining = args.talks
  doc_index = 0
  event_no = 0
  while doc_index < n_docs:
    city, region, zone_std, zone_summer = CITIES[event_no % len(CITIES)]
    year = 2019 + (event_no // len(CITIES)) % 8
    kind = EVENT_KINDS[(event_no // len(CITIES) // 8) % len(EVENT_KINDS)]
    event = f"{city} {kind} {year}"
    if event_no >= len(CITIES) * 8 * len(EVENT_KINDS):
      event += f" Edition {event_no}"
    start = datetime.date(year, 1 + event_no % 12, 1 + rng.randrange(20))
    zone = zone_summer if 4 <= start.month <= 9 else zone_std
    for day_no in range(3):
      if doc_index >= n_docs:
        break
      day = start + datetime.timedelta(days=day_no)
      n_talks = min(remaining, math.ceil(remaining / (n_docs - doc_index)))
      remaining -= n_talks
      sessions = []
      for b in BREAKS[:3]:
        sessions.append({"title": b, "time": f"{clock(10 * 60)} {zone} - {clock(10 * 60 + 30)} {zone}",
                         "venue": f"Hall 1 | Level 1 | Foyer, {city}, {region}", "type": "BREAKS"})
      for t in range(n_talks):
        projects = rng.sample(PROJECTS[:40], 1) if rng.random() < 0.5 else []
        want = rng.choice([1, 2, 2, 3, 3])
        while len(projects) < want:
          p = PROJECTS[skewed_index(rng, len(PROJECTS), 1.3)]
          if p not in projects:
            projects.append(p)
        track = TRACKS[skewed_index(rng, len(TRACKS), 1.4)]
        speakers = world.speakers()
        lonely_here = None
        if doc_index == 0 and t == 0:
          lonely_here = 0
        elif doc_index == n_docs - 1 and t == n_talks - 1 and (n_docs > 1 or n_talks > 1):
          lonely_here = 1
        if lonely_here is not None:
          org, person = lonely[lonely_here]
          speakers = [(person, "Software Engineer", org)]
          track = TRACKS[0]
        begin = 9 * 60 + 30 * (t % 16)
        title = titles.make(projects)
        description = rng.choice(DESCRIPTIONS).format(
            a=projects[0], b=projects[-1], c=projects[len(projects) // 2],
            obj=rng.choice(OBJECTS).lower())
        missing = [p for p in projects if p not in title and p not in description]
        if missing:
          description += " Also on stage: " + " and ".join(missing) + "."
        sessions.append({
            "title": title,
            "time": f"{clock(begin)} {zone} - {clock(begin + 30)} {zone}",
            "speakers": speakers_line(rng, speakers),
            "venue": f"Building {'ABC'[t % 3]} | Level {1 + t % 4} | "
                     f"{rng.choice(rooms_per_city[city])}, {city}, {region}",
            "type": track,
            "description": description,
        })
      slug = event.lower().replace(" ", "-")
      write_document(os.path.join(args.out, f"{doc_index:05d}-{slug}-day{day_no + 1}.txt"),
                     event, city, day, sessions)
      doc_index += 1
    event_no += 1


if __name__ == "__main__":
  main()
