#!/usr/bin/env python3
"""List the people named WITH TITLES in reports, to seed rules/data/officials.json.

usage: rules/tools/list_titled_persons.py [--bin build-b1/bin/doichieu] PATH...
PATH is a report file or a folder searched recursively for *.txt (e.g. ../shared/seeds ../shared/corpus/clusters).
Prints one line per (name, title): how many mentions, which position titles, and whether the gazetteer
already has an entry for that person. Only facts are printed (names and titles), never report text.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEER = os.path.join(HERE, "..", "data", "officials.json")


def strip_comments(text):
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))


def report_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith(".txt"):
                        yield os.path.join(root, n)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build-b1/bin/doichieu")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    with open(GAZETTEER, encoding="utf-8") as f:
        known = {o["person"] for o in json.loads(strip_comments(f.read()))["officials"]}
    titles = collections.defaultdict(collections.Counter)
    files = list(report_files(args.paths))
    for i in range(0, len(files), 50):  # one process per 50 reports
        out = subprocess.run([args.bin, "extract", "--format", "json", *files[i:i + 50]],
                             capture_output=True, text=True)
        if out.returncode not in (0, 1):
            print(out.stderr, file=sys.stderr)
            continue
        for fact in json.loads(out.stdout)["facts"]:
            if fact.get("kind") == "person" and fact.get("titles") and len(fact.get("name", "").split()) >= 2:
                for t in fact["titles"]:
                    titles[fact["name"]][t] += 1
    for name, counter in sorted(titles.items(), key=lambda kv: -sum(kv[1].values())):
        mark = "known" if name in known else "-"
        print(f"{sum(counter.values()):4d}  {mark:5s}  {name}: " + "; ".join(f"{t} ×{n}" for t, n in counter.most_common()))


if __name__ == "__main__":
    main()
