#!/usr/bin/env python3
"""Map step: tag each article with the event the grouping pass gave it, keyed for the shuffle.

    assign_events.py events.json < shard.jsonl > tagged.tsv

events.json is the output of `doichieu check --corpus --events-only -f json ARCHIVE`. Each input line (an
article {"id", "text", ...}) comes out as "EVENT<TAB>ARTICLE-JSON" with "event" set in the JSON, so that
`sort` (or the Hadoop/Spark shuffle) brings the reports of one event together and `doichieu check
--corpus` checks each explicit event as one group. Memory: the id -> event table only, not the texts.
"""
import json
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: assign_events.py events.json < articles.jsonl")
    with open(sys.argv[1], encoding="utf-8") as f:
        grouping = json.load(f)
    event_of = {}
    for event in grouping["events"]:
        for member in event["members"]:
            # --events-only names articles "FILE#ID"; the shard only knows the ID.
            event_of[member["id"].rsplit("#", 1)[-1]] = event["event"]
    for line in sys.stdin:
        if not line.strip():
            continue
        article = json.loads(line)
        key = event_of.get(str(article.get("id")))
        if key is None:
            print("assign_events: article %r is not in %s" % (article.get("id"), sys.argv[1]), file=sys.stderr)
            sys.exit(1)
        article["event"] = key
        sys.stdout.write(key + "\t" + json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
