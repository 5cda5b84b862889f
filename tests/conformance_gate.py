#!/usr/bin/python3
"""Runs the peer conformance scorer and fails when a score is below its committed threshold.

Usage: conformance_gate.py PATH/TO/doichieu PATH/TO/conformance.py THRESHOLDS.json
The scorer prints one line per dimension ("Time  164/168  97.6%") and "passed N/M (P%)"; both are parsed.
"""
import json, re, subprocess, sys


def main():
    binary, scorer, thresholds_path = sys.argv[1:4]
    thresholds = json.load(open(thresholds_path, encoding="utf-8"))
    p = subprocess.run([sys.executable, scorer, binary, "--show-failures", "20"], capture_output=True, text=True,
                       timeout=600)
    print(p.stdout)
    if p.returncode != 0:
        print(p.stderr)
        return 1
    scores = {}
    for line in p.stdout.splitlines():
        m = re.match(r"^(\w+)\s+(\d+)/(\d+)\s+([\d.]+)%$", line.strip())
        if m:
            scores[m.group(1)] = 100.0 * int(m.group(2)) / int(m.group(3))
        m = re.match(r"^passed (\d+)/(\d+)", line.strip())
        if m:
            scores["overall"] = 100.0 * int(m.group(1)) / int(m.group(2))
    failed = False
    for name, floor in thresholds.items():
        if name == "description":
            continue
        got = scores.get(name)
        if got is None or got + 1e-9 < floor:
            print(f"conformance {name}: {got if got is not None else 'missing'} below the threshold {floor}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
