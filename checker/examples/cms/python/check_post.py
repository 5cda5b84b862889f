#!/usr/bin/env python3
"""check_post.py — libdoichieu from Python with ctypes (standard library only).

A CMS hook in the style of a Django ``pre_save`` signal: before a draft is published, check it against the
reports of the same event that are already out, and hold it back when doichieu reports an error.

    DOICHIEU_LIBRARY=/usr/local/lib/libdoichieu.so.0 python3 check_post.py

Run as a script it checks two short reports of one event and exits 0 only when the expected finding is
there (it is a CTest case).
"""
import ctypes
import json
import os
import sys

# The status codes of doichieu.h.
DOICHIEU_OK = 0
DOICHIEU_E_BAD_JSON = -6


class Doichieu:
    """One engine per process: loading the rules takes a moment, checking is thread-safe."""

    def __init__(self, library=None, options=None):
        lib = ctypes.CDLL(library or os.environ.get("DOICHIEU_LIBRARY", "libdoichieu.so.0"))
        engine_p, result_p = ctypes.c_void_p, ctypes.c_void_p
        lib.doichieu_version.restype = ctypes.c_char_p
        lib.doichieu_status_message.argtypes = [ctypes.c_int]
        lib.doichieu_status_message.restype = ctypes.c_char_p
        lib.doichieu_engine_create.argtypes = [ctypes.c_char_p, ctypes.POINTER(engine_p)]
        lib.doichieu_engine_error.argtypes = [engine_p]
        lib.doichieu_engine_error.restype = ctypes.c_char_p
        lib.doichieu_engine_destroy.argtypes = [engine_p]
        for name in ("doichieu_check", "doichieu_extract"):
            fn = getattr(lib, name)
            fn.argtypes = [engine_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.POINTER(result_p)]
            fn.restype = ctypes.c_int
        lib.doichieu_result_json.argtypes = [result_p, ctypes.POINTER(ctypes.c_size_t)]
        lib.doichieu_result_json.restype = ctypes.c_void_p  # read with string_at and the length: no copy issues
        lib.doichieu_result_error.argtypes = [result_p]
        lib.doichieu_result_error.restype = ctypes.c_char_p
        lib.doichieu_result_destroy.argtypes = [result_p]
        self._lib = lib
        self._engine = engine_p()
        opts = json.dumps(options).encode() if options else None
        rc = lib.doichieu_engine_create(opts, ctypes.byref(self._engine))
        if rc != DOICHIEU_OK:
            message = lib.doichieu_engine_error(self._engine).decode()
            lib.doichieu_engine_destroy(self._engine)
            self._engine = None
            raise RuntimeError(f"doichieu: {message}")

    def version(self):
        return self._lib.doichieu_version().decode()

    def _call(self, fn, request):
        body = json.dumps(request, ensure_ascii=False).encode("utf-8")
        result = ctypes.c_void_p()
        rc = fn(self._engine, body, len(body), ctypes.byref(result))
        try:
            if rc != DOICHIEU_OK:
                status = self._lib.doichieu_status_message(rc).decode()
                raise ValueError(rc, f"{status}: {self._lib.doichieu_result_error(result).decode()}")
            size = ctypes.c_size_t()
            ptr = self._lib.doichieu_result_json(result, ctypes.byref(size))
            return json.loads(ctypes.string_at(ptr, size.value).decode("utf-8"))
        finally:
            self._lib.doichieu_result_destroy(result)  # the one memory rule: destroy what you received

    def check(self, reports):
        """doichieu/report/v1: each finding has "message" (Vietnamese) and "message_en"."""
        return self._call(self._lib.doichieu_check, {"reports": reports})

    def extract(self, reports):
        return self._call(self._lib.doichieu_extract, {"reports": reports})

    def close(self):
        if self._engine:
            self._lib.doichieu_engine_destroy(self._engine)
            self._engine = None


def pre_publish(checker, post, published_reports):
    """Returns (may_publish, findings): errors anywhere in the post hold it back."""
    reports = [{"id": r["id"], "text": r["text"], "published": r.get("published")} for r in published_reports]
    reports.append({"id": post["id"], "text": post["text"], "published": post.get("published")})
    report = checker.check(reports)
    mine = [f for f in report["findings"]
            if any(loc["document"] == post["id"] for loc in f["locations"])]
    return not any(f["severity"] == "error" for f in mine), mine


def main():
    checker = Doichieu()
    print("libdoichieu", checker.version())
    # Two reports of one event (our own sentences): the draft's parts no longer add up to the total.
    published = [{"id": "da-dang", "published": "2024-05-10",
                  "text": "Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương "
                          "300 tỉ đồng, ngân sách tỉnh 150 tỉ đồng."}]
    draft = {"id": "ban-nhap", "published": "2024-05-11",
             "text": "Cầu Hòa Bình mới có tổng mức đầu tư 450 tỉ đồng, trong đó ngân sách trung ương "
                     "300 tỉ đồng, ngân sách tỉnh 120 tỉ đồng."}
    may_publish, findings = pre_publish(checker, draft, published)
    for f in findings:
        loc = f["locations"][0]
        print(f"{loc['document']}:{loc['line']}:{loc['column']}: {f['severity']}: {f['message']} [{f['rule']}]")
    failures = []
    if may_publish:
        failures.append("the draft should be held back")
    rules = {f["rule"] for f in findings}
    if "TOTAL_EQUALS_PARTS" not in rules:
        failures.append(f"TOTAL_EQUALS_PARTS not reported (got {sorted(rules)})")

    # The corrected draft goes through.
    fixed = dict(draft, text=draft["text"].replace("120 tỉ", "150 tỉ"))
    may_publish_fixed, fixed_findings = pre_publish(checker, fixed, published)
    if not may_publish_fixed:
        failures.append(f"the corrected draft was held back: {fixed_findings}")

    # Bad input is an error value with a message, not a crash.
    try:
        checker.check([{"id": "x"}])
        failures.append("a report without text was accepted")
    except ValueError as e:
        print("bad request:", e.args[1])
    checker.close()
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    if not failures:
        print("OK: the draft is held back for TOTAL_EQUALS_PARTS; the corrected one passes")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
