#!/usr/bin/env python3
"""Scores `doichieu check --corpus` grouping against the 65 real events of shared/corpus/clusters.

    corpus_grouping_eval.py DOICHIEU_CLI SHARED_DIR [--min-precision 0.95] [--min-recall 0.95] [--seed N]

The 419 articles are read at run time (never copied into the repository), given opaque ids so no cluster
id leaks into the input, dated from index.jsonl's publication times (each outlet printed them its own way;
the day is parsed here, unparseable ones stay undated), shuffled into one JSON Lines stream and grouped
with --events-only. Pairwise precision and recall are computed against index.jsonl; the exit status is 1
when either is below its threshold, so CTest fails on a regression.
"""
import argparse
import collections
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile


def publication_day(text):
    """ISO day of a publication time as the outlet printed it ('Thứ Ba, 24/05/2016 05:40', '24.05.2016',
    '13:23 ngày 03 tháng 06 năm 2016', '2016-05-24T11:19:06+07:00'); None when there is no full date."""
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return m.group(0)
    m = re.search(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b", text) or \
        re.search(r"\b(\d{1,2}) [Tt]háng (\d{1,2}),? (?:năm )?(\d{4})", text)
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    if year < 100:
        year += 2000
    if year < 1900 or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return "%04d-%02d-%02d" % (year, month, day)


def pairs(n):
    return n * (n - 1) // 2


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("shared")
    ap.add_argument("--min-precision", type=float, default=0.95)
    ap.add_argument("--min-recall", type=float, default=0.95)
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()

    root = os.path.join(args.shared, "corpus", "clusters")
    truth = {}
    records = []
    with open(os.path.join(root, "index.jsonl"), encoding="utf-8") as index:
        for line in index:
            cluster = json.loads(line)
            for path, published in zip(cluster["files"], cluster["published"]):
                with open(os.path.join(root, path), encoding="utf-8") as f:
                    headline, _, body = f.read().partition("\n")
                opaque = hashlib.sha256(("doichieu-eval:" + path).encode()).hexdigest()[:16]
                truth[opaque] = cluster["cluster"]
                rec = {"id": opaque, "title": headline, "text": body}
                day = publication_day(published)
                if day:
                    rec["published"] = day
                records.append(rec)
    random.Random(args.seed).shuffle(records)

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as stream:
        for rec in records:
            stream.write(json.dumps(rec, ensure_ascii=False) + "\n")
        stream_path = stream.name
    try:
        run = subprocess.run([args.cli, "check", "--corpus", "--events-only", "--format", "json", "--no-config",
                              stream_path], capture_output=True, text=True, check=False)
    finally:
        os.unlink(stream_path)
    if run.returncode != 0:
        print("doichieu failed (%d): %s" % (run.returncode, run.stderr), file=sys.stderr)
        return 2
    events = json.loads(run.stdout)["events"]

    seen = set()
    predicted = correct = 0
    for event in events:
        labels = collections.Counter()
        for member in event["members"]:
            opaque = member["id"].rsplit("#", 1)[-1]
            seen.add(opaque)
            labels[truth[opaque]] += 1
        predicted += pairs(len(event["members"]))
        correct += sum(pairs(k) for k in labels.values())
    if seen != set(truth):
        print("grouping lost or invented articles", file=sys.stderr)
        return 2
    true_pairs = sum(pairs(k) for k in collections.Counter(truth.values()).values())
    precision = correct / predicted if predicted else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    print("articles %d, reference events %d, found events %d" % (len(truth), len(set(truth.values())), len(events)))
    print("pairwise precision %.4f (%d/%d), recall %.4f (%d/%d)" %
          (precision, correct, predicted, recall, correct, true_pairs))
    if precision < args.min_precision or recall < args.min_recall:
        print("below threshold: precision >= %.2f and recall >= %.2f required" %
              (args.min_precision, args.min_recall), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
