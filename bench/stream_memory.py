#!/usr/bin/env python3
"""Peak memory of `doichieu extract --jsonl` on one generated stream, read at several points of it.

    bench/stream_memory.py [--cli build-bench/bin/doichieu] [--checkpoints 100M,500M,1G]

The 2,000 real articles of ../shared/corpus/articles.jsonl are repeated with fresh ids ("<id>~<round>") and
written to the CLI's standard input until the last checkpoint (the stream is never stored). When the bytes
written cross a checkpoint, the CLI's peak resident set so far (VmHWM of /proc/PID/status) and its current
resident set (VmRSS) are recorded; at the end /usr/bin/time -v gives the peak of the whole run. One run
measures every size, so 1 GB costs one pass instead of 100 MB + 500 MB + 1 GB. Output lines are counted
and must equal the input lines (every article answered, none lost). Prints a Markdown table.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper()
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def status_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def child_pid(pid, timeout=10.0):
    """The pid of the process /usr/bin/time started (its only child)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                kids = f.read().split()
            if kids:
                return int(kids[0])
        except OSError:
            pass
        time.sleep(0.01)
    sys.exit("could not find the doichieu process under /usr/bin/time")


def main():
    ap = argparse.ArgumentParser()
    default_cli = next((c for c in (os.path.join(ROOT, "build-bench", "bin", "doichieu"),
                                    os.path.join(ROOT, "build", "bin", "doichieu")) if os.path.exists(c)), None)
    ap.add_argument("--cli", default=default_cli)
    ap.add_argument("--checkpoints", default="100M,500M,1G")
    ap.add_argument("--shared", default=os.environ.get("DOICHIEU_SHARED_DIR", os.path.join(ROOT, "..", "shared")))
    args = ap.parse_args()
    if not args.cli:
        sys.exit("no doichieu CLI: pass --cli")
    checkpoints = sorted(parse_size(c) for c in args.checkpoints.split(","))
    labels = {parse_size(c): c for c in args.checkpoints.split(",")}

    articles = []
    with open(os.path.join(args.shared, "corpus", "articles.jsonl"), encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            articles.append((a["id"], a["text"]))

    proc = subprocess.Popen(["/usr/bin/time", "-v", args.cli, "extract", "--jsonl"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    pid = child_pid(proc.pid)
    counts = {"out": 0, "errors": 0}

    def drain():  # count answers; a line with "error" is a refused article (must not happen on real text)
        for line in proc.stdout:
            counts["out"] += 1
            if line.startswith(b'{"line"'):
                counts["errors"] += 1

    reader = threading.Thread(target=drain)
    reader.start()
    stderr_chunks = []
    err_reader = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()))
    err_reader.start()

    rows = []
    written, lines_in, rounds = 0, 0, 0
    start = time.perf_counter()
    pending = list(checkpoints)
    while pending:
        for ident, text in articles:
            data = (json.dumps({"id": f"{ident}~{rounds}", "text": text}, ensure_ascii=False) + "\n").encode()
            proc.stdin.write(data)
            written += len(data)
            lines_in += 1
            if written >= pending[0]:
                proc.stdin.flush()
                rows.append((labels[pending[0]], written, lines_in, time.perf_counter() - start,
                             status_kb(pid, "VmHWM"), status_kb(pid, "VmRSS")))
                print(f"  {labels[pending[0]]}: peak {rows[-1][4]} kB, now {rows[-1][5]} kB", file=sys.stderr)
                pending.pop(0)
                if not pending:
                    break
        rounds += 1
    proc.stdin.close()
    proc.wait()
    reader.join()
    err_reader.join()
    elapsed = time.perf_counter() - start
    report = stderr_chunks[0].decode(errors="replace") if stderr_chunks else ""
    peak_total = next((int(l.split(":")[1]) for l in report.splitlines() if "Maximum resident set size" in l), None)
    user = sum(float(l.split(":")[1]) for l in report.splitlines() if "User time" in l or "System time" in l)

    print(f"| stream (bytes written) | articles | wall so far | peak RSS so far (VmHWM) | RSS now (VmRSS) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, nbytes, count, secs, hwm, rss in rows:
        print(f"| {label} ({nbytes / 1e6:.0f} MB) | {count:,} | {secs:.0f} s | {hwm / 1024:.1f} MB | {rss / 1024:.1f} MB |")
    print(f"| whole run, /usr/bin/time -v | {lines_in:,} in, {counts['out']:,} out, {counts['errors']} refused "
          f"| {elapsed:.0f} s ({user:.0f} s CPU, {written / max(user, 1e-9) / 1e6:.1f} MB/s CPU) "
          f"| {peak_total / 1024:.1f} MB | |")
    if proc.returncode != 0 or counts["out"] != lines_in:
        sys.exit(f"doichieu exited {proc.returncode}; {lines_in} lines in, {counts['out']} out")


if __name__ == "__main__":
    main()
