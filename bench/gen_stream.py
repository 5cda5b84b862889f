#!/usr/bin/env python3
"""Writes SIZE bytes of JSON Lines articles to stdout, generated on the fly from the real corpus.

    gen_stream.py 1G | doichieu extract --jsonl > /dev/null

The 2,000 articles of shared/corpus/articles.jsonl are repeated with fresh ids ("<id>~<round>") until SIZE
is reached, so the stream has real text but is never stored anywhere. SIZE takes K/M/G suffixes (powers
of 1024).
"""
import json
import os
import sys


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper()
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_stream.py SIZE  (e.g. 100M, 1G)")
    target = parse_size(sys.argv[1])
    shared = os.environ.get("DOICHIEU_SHARED_DIR",
                            os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    articles = []
    with open(os.path.join(shared, "corpus", "articles.jsonl"), encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            articles.append((a["id"], a["text"]))
    out = sys.stdout.buffer
    written, rounds = 0, 0
    while written < target:
        chunk = []
        for ident, text in articles:
            line = json.dumps({"id": f"{ident}~{rounds}", "text": text}, ensure_ascii=False) + "\n"
            chunk.append(line.encode("utf-8"))
        data = b"".join(chunk)
        if written + len(data) > target:  # stop on a line boundary at or just past the target
            cut = data.find(b"\n", target - written)
            data = data[: cut + 1] if cut >= 0 else data
        out.write(data)
        written += len(data)
        rounds += 1
    out.flush()


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        pass
