#!/usr/bin/python3
"""CI formats obey their specs.

Usage: sarif_schema_test.py PATH/TO/doichieu SOURCE_DIR SHARED_DIR
- sarif: every run validates against SARIF 2.1.0 (SHARED_DIR/schemas/sarif-schema-2.1.0.json, draft-04, with
  Debian's python3-jsonschema), and carries what GitHub code scanning needs (ruleId, a location with a
  relative uri and startLine >= 1, partialFingerprints).
- github: each line is a workflow command `::error|warning|notice file=…,line=…[,endLine=…][,col=…,endColumn=…],title=…::msg`
  whose property values escape % CR LF : , and whose data escapes % CR LF.
- rdjsonl: each line is one reviewdog Diagnostic: message, location.path, range.start.line/column (columns in
  UTF-8 bytes: checked against the file's bytes), severity in ERROR|WARNING|INFO, source.name, code.value.
"""
import glob, json, os, re, subprocess, sys

import jsonschema


def run(binary, args, cwd):
    p = subprocess.run([binary] + args, capture_output=True, cwd=cwd, timeout=120)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} exited {p.returncode}: {p.stderr.decode()}")
    return p.stdout.decode("utf-8")


GITHUB = re.compile(r"^::(error|warning|notice) file=([^,:]+),line=(\d+),endLine=(\d+)(,col=(\d+),endColumn=(\d+))?,"
                    r"title=([^:,\r\n]*)::([^\r\n]*)$")


def main():
    binary, source, shared = sys.argv[1:4]
    schema = json.load(open(os.path.join(shared, "schemas", "sarif-schema-2.1.0.json")))
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema)
    sets = [["checker/examples/tru-so-cong-an"], ["tests/golden/planted-md-html"]]
    seeds = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt")))
    if seeds:
        sets.append(seeds[:3])
    failures = 0
    findings_seen = 0

    def fail(msg):
        nonlocal failures
        failures += 1
        print("FAIL", msg)

    for files in sets:
        base = ["check", "--no-config"] + files
        sarif = json.loads(run(binary, base + ["--format", "sarif"], source))
        for e in list(validator.iter_errors(sarif))[:5]:
            fail(f"sarif {files}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
        for res in sarif["runs"][0]["results"]:
            findings_seen += 1
            loc = res["locations"][0]["physicalLocation"]
            if loc["artifactLocation"]["uri"].startswith("/") or loc["region"]["startLine"] < 1:
                fail(f"sarif {files}: location not usable by code scanning: {loc}")
            if not res.get("partialFingerprints") or not res.get("ruleId"):
                fail(f"sarif {files}: result without ruleId/partialFingerprints")
        for line in run(binary, base + ["--format", "github"], source).splitlines():
            m = GITHUB.match(line)
            if not m:
                fail(f"github line does not match the workflow-command form: {line}")
                continue
            if not os.path.exists(os.path.join(source, m.group(2).replace("%2C", ",").replace("%3A", ":").replace("%25", "%"))):
                fail(f"github file= does not name a file relative to the repository: {m.group(2)}")
        for line in run(binary, base + ["--format", "rdjsonl"], source).splitlines():
            d = json.loads(line)
            try:
                path = d["location"]["path"]
                start = d["location"]["range"]["start"]
                assert d["severity"] in ("ERROR", "WARNING", "INFO")
                assert d["source"]["name"] == "doichieu" and re.match(r"^[A-Z][A-Z0-9_]*$", d["code"]["value"])
                assert d["message"]
                lines = open(path if os.path.isabs(path) else os.path.join(source, path), "rb").read().split(b"\n")
                # The byte column must land on the start of a UTF-8 character of that line.
                text = lines[start["line"] - 1]
                col = start["column"] - 1
                assert 0 <= col <= len(text) and (col == len(text) or (text[col] & 0xC0) != 0x80), "column not a byte offset"
            except (KeyError, AssertionError, IndexError) as e:
                fail(f"rdjsonl line breaks the reviewdog Diagnostic shape ({e!r}): {line}")
    if findings_seen == 0:
        fail("no findings at all: the format checks above tested nothing")
    print(f"sarif/github/rdjsonl: {findings_seen} results checked, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
