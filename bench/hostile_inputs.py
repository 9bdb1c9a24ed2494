#!/usr/bin/env python3
"""Writes hostile documents of about 1 MB each: the shapes that make parsers slow or deep (one
line without end, a million short lines, brackets nested a hundred thousand deep, a field line
repeated, an unclosed quote, folded iCal lines, nested XML, Markdown markers, YAML anchors).
Everything is invented. Used by bench/reader_worst_case.sh.

    python3 bench/hostile_inputs.py OUT_DIR [--size BYTES]
"""
import argparse
import os

SHAPES = {
    "one_long_line.txt": lambda n: ("Kueue and Volcano on Kubernetes, " * (n // 33 + 1))[:n],
    "short_lines.txt": lambda n: "a\n" * (n // 2),
    "title_lines.txt": lambda n: "Opening#\n" * (n // 9),
    "field_lines.txt": lambda n: "T#\nMonday, March 2, 2026#\n" + "Speakers: A B, C; D E, F\n" * (n // 25),
    "description_lines.txt": lambda n: "T#\nDescription: x\n" + "Kubernetes Argo CD Kyverno\n" * (n // 27),
    "speaker_separators.txt": lambda n: "T#\nSpeakers: " + "A, " * (n // 3) + "\n",
    "brackets.json": lambda n: "[" * (n // 2) + "]" * (n // 2),
    "objects.json": lambda n: '{"a":' * (n // 6) + "1" + "}" * (n // 6),
    "unclosed_quote.json": lambda n: '[{"title": "' + "x" * n,
    "many_sessions.json": lambda n: '{"sessions": [' + ",".join(['{"title":"T","speakers":[]}'] * (n // 28)) + "]}",
    "flow_sequences.yaml": lambda n: "- " + "[" * (n // 4) + "]" * (n // 4) + "\n",
    "anchors.yaml": lambda n: "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i % 20)}{i}: &{chr(98 + i % 20)}{i} [*a, *a, *a, *a]\n" for i in range(n // 40)),
    "list_items.yaml": lambda n: "- title: T\n  speakers: [A B]\n" * (n // 30),
    "folded.ics": lambda n: "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n" + " y\n" * (n // 3) + "END:VEVENT\nEND:VCALENDAR\n",
    "events.ics": lambda n: "BEGIN:VCALENDAR\n" + "BEGIN:VEVENT\nSUMMARY:T - A B, C\nDTSTART:20260302T100000Z\nEND:VEVENT\n" * (n // 75) + "END:VCALENDAR\n",
    "nested.xml": lambda n: "<?xml version=\"1.0\"?><schedule>" + "<day>" * (n // 11) + "</day>" * (n // 11) + "</schedule>",
    "events.xml": lambda n: "<schedule><day date=\"2026-03-02\"><room name=\"R\">" + "<event><title>T</title><start>10:00</start></event>" * (n // 55) + "</room></day></schedule>",
    "emphasis.md": lambda n: "*" * n,
    "links.md": lambda n: "[" * (n // 2) + "](" * (n // 4),
    "quotes.md": lambda n: "> " * (n // 2),
    "list_nesting.md": lambda n: "".join("  " * (i % 200) + "- x\n" for i in range(n // 200)),
    "headings.md": lambda n: "## Talk by A B (C)\n" * (n // 19),
    "table.md": lambda n: "| a | b |\n|---|---|\n" + "| Kubernetes | A B |\n" * (n // 20),
    "backticks.md": lambda n: "`" * n,
    "landscape.yml": lambda n: "landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n" + "          - item:\n            name: P\n" * (n // 40),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--size", type=int, default=1 << 20)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, make in SHAPES.items():
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write(make(args.size))


if __name__ == "__main__":
    main()
