#!/usr/bin/env python3
"""Runs `doichieu check --format json` on every real cluster of /work/shared/corpus/clusters and counts the
error-level findings per cluster and per rule. Reads the corpus at run time and writes only counts and
rule ids (plus, with --samples, finding messages and short spans) to stdout; no article text is stored.

usage: rules/tools/eval_clusters.py [--bin build-rules2/bin/doichieu] [--corpus /work/shared/corpus/clusters]
                                    [--samples N] [--seed S] [--markdown]
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys

DATE_RES = [
    re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)"),            # 24/05/2016, 24-05-2016, 24.05.2016
    re.compile(r"(?<!\d)(\d{1,2}) tháng (\d{1,2}) năm (\d{4})", re.IGNORECASE),   # 03 tháng 06 năm 2016
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),                         # ISO
]


def parse_published(text):
    """The publication day of one article as YYYY-MM-DD, or None when the site's format is not a date."""
    if not text:
        return None
    for i, rx in enumerate(DATE_RES):
        m = rx.search(text)
        if not m:
            continue
        if i == 2:
            y, mo, d = m.groups()
        else:
            d, mo, y = m.groups()
        y, mo, d = int(y), int(mo), int(d)
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = re.search(r"Ngày (\d{1,2}) Tháng (\d{1,2}), (\d{4})", text, re.IGNORECASE)  # Ngày 1 Tháng 6, 2016
    if m:
        d, mo, y = map(int, m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def run_cluster(binary, corpus, entry):
    files = [os.path.join(corpus, f) for f in entry["files"]]
    published = None
    for p in entry.get("published", []):
        published = parse_published(p)
        if published:
            break
    cmd = [binary, "check", "--format", "json"]
    if published:
        cmd += ["--published", published]
    proc = subprocess.run(cmd + files, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return published, None, proc.stderr.strip()
    return published, json.loads(proc.stdout), None


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(root, "build-rules2", "bin", "doichieu"))
    ap.add_argument("--corpus", default="/work/shared/corpus/clusters")
    ap.add_argument("--samples", type=int, default=0, help="print N random error findings for judging")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--markdown", action="store_true", help="print the per-cluster table as Markdown")
    args = ap.parse_args()

    entries = [json.loads(l) for l in open(os.path.join(args.corpus, "index.jsonl"), encoding="utf-8")]
    per_rule = collections.Counter()
    per_cluster = []
    all_errors = []
    for e in entries:
        published, out, err = run_cluster(args.bin, args.corpus, e)
        if out is None:
            per_cluster.append((e["cluster"], len(e["files"]), published, None, {}, err))
            continue
        errors = [f for f in out["findings"] if f["severity"] == "error"]
        warnings = [f for f in out["findings"] if f["severity"] == "warning"]
        rules = collections.Counter(f["rule"] for f in errors)
        per_rule.update(rules)
        per_cluster.append((e["cluster"], len(e["files"]), published, len(errors), rules, len(warnings)))
        for f in errors:
            all_errors.append((e["cluster"], f))

    total = sum(c[3] or 0 for c in per_cluster)
    with_errors = sum(1 for c in per_cluster if c[3])
    if args.markdown:
        print("| cluster | articles | --published | errors | warnings | errors by rule |")
        print("| --- | ---: | --- | ---: | ---: | --- |")
        for name, n, pub, count, rules, extra in per_cluster:
            if count is None:
                print(f"| {name} | {n} | {pub or '-'} | failed | | {extra[:60]} |")
                continue
            by_rule = ", ".join(f"{r} {k}" for r, k in sorted(rules.items()))
            print(f"| {name} | {n} | {pub or '-'} | {count} | {extra} | {by_rule} |")
        print()
    print(f"clusters: {len(per_cluster)}, with an error: {with_errors}, error findings: {total}")
    for r, k in per_rule.most_common():
        print(f"  {r}: {k}")
    if args.samples:
        rnd = random.Random(args.seed)
        picked = rnd.sample(all_errors, min(args.samples, len(all_errors)))
        for cluster, f in picked:
            spans = "; ".join(f"{os.path.basename(l['document'])}:{l['line']} '{l['text'][:40]}'" for l in f["locations"][:4])
            print(f"\n[{cluster}] {f['rule']}: {f['message']}\n    at {spans}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
