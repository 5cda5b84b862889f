#!/usr/bin/env python3
"""Writes N JSON Lines articles to stdout, sampled at run time from the real corpus (never stored).

    gen.py 100000 | doichieu check --corpus --events-only -f json - > /dev/null

Articles come from shared/corpus/articles.jsonl and shared/corpus/clusters; each copy gets a fresh id and
a publication day drawn uniformly over two years, so copies of one article rarely fall in the same
publication window, as in a real archive where texts repeat but events do not.
"""
import datetime
import json
import os
import random
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: gen.py N [SEED]")
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    shared = os.environ.get("DOICHIEU_SHARED_DIR",
                            os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared"))
    pool = []
    with open(os.path.join(shared, "corpus", "articles.jsonl"), encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            pool.append((a.get("title", ""), a["text"]))
    clusters = os.path.join(shared, "corpus", "clusters")
    with open(os.path.join(clusters, "index.jsonl"), encoding="utf-8") as index:
        for line in index:
            for path in json.loads(line)["files"]:
                with open(os.path.join(clusters, path), encoding="utf-8") as f:
                    headline, _, body = f.read().partition("\n")
                pool.append((headline, body))
    start = datetime.date(2016, 1, 1)
    out = sys.stdout
    for n in range(count):
        title, text = pool[rng.randrange(len(pool))]
        day = start + datetime.timedelta(days=rng.randrange(730))
        out.write(json.dumps({"id": "a%07d" % n, "title": title, "text": text, "published": day.isoformat()},
                             ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
