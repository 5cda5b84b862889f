#!/usr/bin/python3
"""The CLI's JSON output obeys the committed JSON Schemas (checker/schemas/*.schema.json).

Usage: schema_test.py PATH/TO/doichieu SOURCE_DIR SHARED_DIR
Runs `extract --format json` and `check --format json` on the bundled examples and on the seed reports and
validates every document with jsonschema (Debian package python3-jsonschema). Exits non-zero on any violation.
"""
import glob, json, os, subprocess, sys

import jsonschema


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True, timeout=120)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} exited {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)


def main():
    binary, source, shared = sys.argv[1:4]
    schemas = os.path.join(source, "checker", "schemas")
    facts_schema = json.load(open(os.path.join(schemas, "facts.schema.json")))
    report_schema = json.load(open(os.path.join(schemas, "report.schema.json")))
    for schema in (facts_schema, report_schema):
        jsonschema.Draft202012Validator.check_schema(schema)
    sets = [sorted(glob.glob(os.path.join(source, "checker", "examples", "*", "*.txt")))]
    seeds = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt")))
    if seeds:
        sets.append(seeds[:3])
        sets.extend([[s] for s in seeds[3:]])
    failures = 0
    for files in sets:
        for args, schema in ((["extract", "--format", "json"], facts_schema), (["check", "--format", "json"], report_schema)):
            doc = run(binary, args + files)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
            for e in errors[:5]:
                print(f"{args[0]} {files}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
            failures += len(errors)
            if args[0] == "extract" and not doc["facts"]:
                print(f"extract found no facts in {files}")
                failures += 1
    print("schema violations:", failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
