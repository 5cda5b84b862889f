#!/usr/bin/env python3
"""The map/reduce example must find what one `check --corpus` run finds.

    mapreduce_local.py DOICHIEU_CLI SHARED_DIR SOURCE_DIR [--clusters N] [--jobs J]

Takes the first N events of shared/corpus/clusters (read at run time, never copied), gives the articles
opaque ids and their publication days, shuffles them into one stream, then runs
  A. doichieu check --corpus -f json STREAM                       (one process)
  B. checker/examples/mapreduce/run_local.sh STREAM OUT J         (map: extract --jsonl --signature;
     group: --events-only --from-signatures; join; sort; reduce: check --corpus per event key)
and compares the events (as sets of article ids) and the findings (rule and located spans, by article id).
Exit 0 when they are the same, 1 when they differ, 2 when a step fails.
"""
import argparse
import glob
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_grouping_eval import publication_day  # noqa: E402


def article_id(document):
    return document.rsplit("#", 1)[-1]


def summarise(corpus_docs):
    """(events, findings) of doichieu/corpus/v1 documents, independent of file names and event names."""
    events, findings = set(), []
    for doc in corpus_docs:
        for event in doc["events"]:
            events.add(frozenset(article_id(m) for m in event["members"]))
            for f in event["report"]["findings"]:
                spans = tuple((article_id(l["document"]), l["start"], l["end"]) for l in f["locations"])
                findings.append((f["rule"], spans))
    return events, sorted(findings)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("shared")
    ap.add_argument("source")
    ap.add_argument("--clusters", type=int, default=8)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()

    root = os.path.join(args.shared, "corpus", "clusters")
    records = []
    with open(os.path.join(root, "index.jsonl"), encoding="utf-8") as index:
        clusters = sorted((json.loads(line) for line in index), key=lambda c: c["cluster"])[:args.clusters]
    for cluster in clusters:
        for path, published in zip(cluster["files"], cluster["published"]):
            with open(os.path.join(root, path), encoding="utf-8") as f:
                headline, _, body = f.read().partition("\n")
            rec = {"id": hashlib.sha256(("mapreduce:" + path).encode()).hexdigest()[:12], "title": headline,
                   "text": body}
            day = publication_day(published)
            if day:
                rec["published"] = day
            records.append(rec)
    random.Random(7).shuffle(records)

    with tempfile.TemporaryDirectory() as work:
        stream = os.path.join(work, "stream.jsonl")
        with open(stream, "w", encoding="utf-8") as f:
            for rec in records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        single = subprocess.run([args.cli, "check", "--corpus", "--no-config", "--format", "json", stream],
                                capture_output=True, text=True)
        if single.returncode not in (0, 1):
            print("check --corpus failed: " + single.stderr, file=sys.stderr)
            return 2
        out = os.path.join(work, "out")
        env = dict(os.environ, DOICHIEU=args.cli)
        script = os.path.join(args.source, "checker", "examples", "mapreduce", "run_local.sh")
        split = subprocess.run(["sh", script, stream, out, str(args.jobs)], capture_output=True, text=True, env=env)
        if split.returncode != 0:
            print("run_local.sh failed: " + split.stderr, file=sys.stderr)
            return 2
        parts = []
        for p in sorted(glob.glob(os.path.join(out, "part-*.json"))):
            with open(p, encoding="utf-8") as f:
                parts.append(json.load(f))
        with open(os.path.join(out, "facts.jsonl"), encoding="utf-8") as f:
            map_lines = [json.loads(line) for line in f if line.strip()]

    a_events, a_findings = summarise([json.loads(single.stdout)])
    b_events, b_findings = summarise(parts)
    facts = sum(len(line.get("facts", [])) for line in map_lines)
    print("articles %d, clusters %d; check --corpus: %d events, %d findings; map/reduce (%d parts): %d events, "
          "%d findings, %d facts in the map output" % (len(records), len(clusters), len(a_events), len(a_findings),
                                                       len(parts), len(b_events), len(b_findings), facts))
    ok = True
    if len(map_lines) != len(records) or any("signature" not in line for line in map_lines):
        print("the map output must have one line with a signature per article", file=sys.stderr)
        ok = False
    if a_events != b_events:
        print("events differ: only in check --corpus %s; only in map/reduce %s" %
              (sorted(map(sorted, a_events - b_events)), sorted(map(sorted, b_events - a_events))), file=sys.stderr)
        ok = False
    if a_findings != b_findings:
        print("findings differ:\n  check --corpus %s\n  map/reduce     %s" % (a_findings, b_findings), file=sys.stderr)
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
