#!/usr/bin/python3
"""The HTML report in a real browser (Debian's chromium, headless, offline).

Usage: html_chromium_test.py PATH/TO/doichieu SOURCE_DIR
1. The example event renders: a screenshot is produced, and the DOM shows highlighted spans linked to
   findings, our one script ran (it marks <html data-ready="1">, which it can only do if the CSP hash is right).
2. An article carrying <script>, <img onerror=…> and a javascript: link runs none of it: the payloads would
   set document.title or a data-pwned attribute; the dumped DOM must show neither, and the text escaped.
Exits 0 when chromium is missing (prints why), non-zero on any failure.
"""
import os, re, shutil, subprocess, sys, tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]

EVIL = """Tin thử nghiệm <script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')</script>

Dự án có tổng mức đầu tư 420 tỉ đồng, trong đó ngân sách trung ương 300 tỉ đồng, ngân sách thành phố 150 tỉ đồng.
<img src=x onerror="document.title='PWNED';document.documentElement.setAttribute('data-pwned','2')">
<a href="javascript:document.title='PWNED'">bấm vào đây</a> <svg onload="document.title='PWNED'"></svg>
"""


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browser(binary, profile, args, url):
    p = subprocess.run([binary] + FLAGS + ["--user-data-dir=" + profile] + args + [url],
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout


def main():
    cli, source = sys.argv[1:3]
    binary = chromium()
    if not binary:
        print("chromium not installed: HTML browser test skipped (checker/scripts/bootstrap.sh installs it)")
        return 0
    failures = []

    def check(cond, what):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        examples = os.path.join(source, "checker", "examples", "tru-so-cong-an")
        page = os.path.join(tmp, "example.html")
        r = subprocess.run([cli, "check", "--no-config", "--format", "html", "-o", page, examples],
                           capture_output=True, text=True, timeout=120)
        check(r.returncode in (0, 1) and os.path.exists(page), "check --format html -o writes the page")
        shot = os.path.join(tmp, "shot.png")
        browser(binary, profile, ["--window-size=1400,900", "--screenshot=" + shot], "file://" + page)
        data = open(shot, "rb").read() if os.path.exists(shot) else b""
        check(data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10000, "a screenshot is produced")
        code, dom = browser(binary, profile, ["--dump-dom", "--virtual-time-budget=3000"], "file://" + page)
        check('data-ready="1"' in dom, "our script ran under the CSP (hash matches)")
        marks = re.findall(r'<a class="hl sev-(?:error|warning|info)" href="#(f\d+)"', dom)
        check(len(marks) >= 1, "flagged spans are highlighted in the DOM (%d)" % len(marks))
        check(all(('id="%s"' % m) in dom for m in marks), "every highlight links to a finding in the list")
        check('class="hl related"' in dom, "related spans in other reports are highlighted")
        check(dom.count('<article class="report"') == 3, "the three reports stand side by side")
        check("Phép kiểm tra khớp" in dom, "passed checks are listed, in Vietnamese")

        evil = os.path.join(tmp, "evil.txt")
        open(evil, "w", encoding="utf-8").write(EVIL)
        page2 = os.path.join(tmp, "evil.html")
        r = subprocess.run([cli, "check", "--no-config", "--lang", "en", "--format", "html", "-o", page2, evil],
                           capture_output=True, text=True, timeout=120)
        check(r.returncode in (0, 1), "check of the hostile article ran")
        code, dom = browser(binary, profile, ["--dump-dom", "--virtual-time-budget=3000"], "file://" + page2)
        check('data-ready="1"' in dom, "the page loaded and our script ran")
        html_tag = re.search(r"<html[^>]*>", dom).group(0)
        check("data-pwned" not in html_tag, "no payload set an attribute on <html>")
        title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
        check(title == "Report cross-check", "document.title unchanged (%r)" % title)
        check("&lt;script&gt;document.title" in dom, "the <script> of the article is shown as text")
        check("<img" not in dom.split('<section class="reports"')[1], "no <img> element came from the article")
        check(not re.search(r'<a[^>]*href="javascript:', dom), "no javascript: link element came from the article")
        check("Findings" in dom and "Phát hiện" not in dom, "--lang en gives English UI text")
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
