#!/usr/bin/python3
"""Hostile runbooks and rules must not run script in the HTML site.

Usage: xss_test.py BUILD_DIR

Builds tests/data/hostile/xss with BUILD_DIR/rbc (`rbc build --force`),
plus a few runbooks and a rule file whose *file names* are payloads
(made at run time: such names cannot live in the repository). Then it
opens every page of the site in headless Chromium and checks that:

  - no payload ran: every payload, if it ran, sets data-xss-<case> on
    <html>, or opens an alert dialog;
  - no dangerous markup reached the DOM: on* attributes, <script>s that
    rbc does not ship (learnt from a clean build of samples/cryptofunk),
    javascript:/vbscript:/data:text URLs, iframes, objects, srcdoc...;
  - the payloads still show as text where they were written (code spans,
    fences, headings, cards, the index), so dropping content fails too;
  - typing payloads into the index filter runs nothing.

Prints one ok/FAIL line per check. Exits 77 (skipped) when chromium,
chromedriver or selenium is missing.
Debian packages: chromium chromium-driver python3-selenium.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent.parent
FIXTURE = REPO / "tests" / "data" / "hostile" / "xss"
CLEAN_SAMPLE = REPO / "samples" / "cryptofunk"

# Payload file names, written next to a copy of the fixture. A runbook
# named like a script URL becomes a relative link that *is* a script URL
# unless the emitter anchors it ("./x.html"); quotes and angle brackets in
# a name test attribute and text escaping of paths.
GENERATED = {
    "javascript:document.documentElement.dataset.xssFileNameUrl=1,self.md":
        "---\nalert: XssFileNameUrl\n---\n# File name script URL\n\n"
        "Case file-name-url: this page's file name is a javascript: URL.\n",
    'q"><img src=x onerror=document.documentElement.dataset.xssFileNameQuote=1>.md':
        "# File name quote\n\nCase file-name-quote: this page's file name breaks out of an attribute.\n",
    'r"><svg onload=document.documentElement.dataset.xssRuleFileName=1>.yml':
        "# Case rule-file-name: the rule file's name is a payload.\n"
        "groups:\n  - name: file-name\n    rules:\n"
        "      - alert: XssRuleFileName\n        expr: up == 0\n"
        "        labels:\n          severity: warning\n"
        "        annotations:\n          summary: rule file name payload\n"
        "      - alert: XssFileNameUrl\n        expr: up == 0\n"
        "        labels:\n          severity: warning\n"
        "        annotations:\n          summary: documented by the page named like a script URL\n",
}

# Where an executed payload leaves its trace: dataset.xssFooBar=1.
MARK = re.compile(r"dataset\.xss([A-Z][A-Za-z0-9]*)")


from harness import check, exit_status, start_browser  # noqa: E402  (exits 77 without a browser)
from selenium.common.exceptions import NoAlertPresentException, UnexpectedAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


def case_name(camel):
    """dataset.xssFooBar / data-xss-foo-bar -> foo-bar."""
    return re.sub(r"(?<!^)([A-Z])", r"-\1", camel).lower()


def fixture_cases():
    """Every case a payload in the fixture (or a generated file) names."""
    sources = [p.read_text(encoding="utf-8") for p in sorted(FIXTURE.iterdir()) if p.is_file()]
    sources += list(GENERATED) + list(GENERATED.values())
    return sorted({case_name(m) for t in sources for m in MARK.findall(t)})


# ---------------------------------------------------------------- building

def build(rbc, project, out, cwd):
    """`rbc build PROJECT --out OUT --force`; exit 1 is "built despite errors"."""
    run = subprocess.run([rbc, "build", str(project), "--out", str(out), "--force"], cwd=cwd,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    index = pathlib.Path(out) / "site" / "index.html"
    if run.returncode not in (0, 1) or not index.is_file():
        print(run.stdout + run.stderr)
        raise SystemExit(f"FAIL rbc build {project} (exit {run.returncode}) wrote no site")
    return pathlib.Path(out) / "site"


def hostile_project(tmp):
    """A copy of the fixture plus the payload-named files."""
    project = pathlib.Path(tmp) / "project"
    shutil.copytree(FIXTURE, project)
    for name, text in GENERATED.items():
        (project / name).write_text(text, encoding="utf-8")
    return project


def pages(site):
    return sorted(p for p in site.rglob("*.html") if p.is_file())


# ---------------------------------------------------------------- browser

def start_xss_browser():
    # Leave dialogs open so the test sees them instead of chromedriver.
    return start_browser({"unhandledPromptBehavior": "ignore"})


def close_dialogs(driver):
    """Texts of the alert/confirm/prompt dialogs open now (closing each)."""
    texts = []
    for _ in range(20):
        try:
            dialog = driver.switch_to.alert
            texts.append(dialog.text)
            dialog.accept()
        except NoAlertPresentException:
            break
    return texts


def open_page(driver, path):
    """Loads a page, lets late events (onerror, ontoggle, onload) fire, and
    returns the dialogs that opened meanwhile."""
    dialogs = []
    try:
        driver.get(path.as_uri())
    except UnexpectedAlertPresentException:
        pass
    dialogs += close_dialogs(driver)
    time.sleep(0.4)  # image errors and toggle events are queued after load
    dialogs += close_dialogs(driver)
    return dialogs


# In-page scan: everything that could run script, as [kind, snippet].
SCAN_JS = r"""
const allowed = new Set(arguments[0]);
const found = [];
const snippet = (el) => el.outerHTML.slice(0, 240);
const urlAttrs = ["href", "src", "action", "formaction", "data", "poster", "background",
                  "xlink:href", "srcset", "ping", "codebase", "cite", "longdesc"];
const active = "iframe, frame, frameset, object, embed, applet, base, form, " +
               "meta[http-equiv], link:not([rel=stylesheet]), portal";
const bad = (value) => {
  // Browsers drop controls and blanks inside a scheme; so does this check.
  const v = value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
  return /^(javascript|vbscript|livescript):/.test(v) || /^data:(text|application)\//.test(v) ||
         /^data:[^,]*html/.test(v);
};
for (const attr of document.documentElement.attributes) {
  if (attr.name.startsWith("data-xss")) found.push(["ran", attr.name]);
}
for (const el of document.querySelectorAll("*")) {
  for (const attr of el.attributes) {
    const name = attr.name.toLowerCase();
    if (name.startsWith("on")) found.push(["event-attribute", snippet(el)]);
    if (name === "srcdoc") found.push(["srcdoc", snippet(el)]);
    if (urlAttrs.includes(name) && bad(attr.value)) found.push(["script-url", snippet(el)]);
  }
  // The resolved URL too: entities and blanks are gone by then.
  if ((el.href && typeof el.href === "string" && bad(el.href)) ||
      (el.src && typeof el.src === "string" && bad(el.src))) {
    found.push(["script-url", snippet(el)]);
  }
}
for (const el of document.querySelectorAll(active)) found.push(["active-element", snippet(el)]);
for (const s of document.querySelectorAll("script")) {
  const key = s.src ? "src:" + s.getAttribute("src") : "inline:" + s.textContent;
  if (!allowed.has(key)) found.push(["foreign-script", snippet(s)]);
}
return found;
"""

SCRIPTS_JS = r"""
return Array.from(document.querySelectorAll("script"),
                  s => s.src ? "src:" + s.getAttribute("src") : "inline:" + s.textContent);
"""


def rbc_scripts(driver, site):
    """The scripts rbc itself ships, from a clean site."""
    scripts = set()
    for page in pages(site):
        open_page(driver, page)
        scripts.update(driver.execute_script(SCRIPTS_JS))
    return scripts


def scan(driver, allowed):
    # An element can be reported twice (attribute and resolved URL).
    return list(dict.fromkeys(tuple(f) for f in driver.execute_script(SCAN_JS, sorted(allowed))))


def cases_in(text):
    """The case names a finding's snippet or attribute name mentions."""
    names = {case_name(m) for m in MARK.findall(text)}
    if text.startswith("data-xss-"):
        names.add(text[len("data-xss-"):])
    return names


# ---------------------------------------------------------------- checks

SELF_CHECK_PAGE = """<!DOCTYPE html><html><body>
<img src="missing.png" onerror="document.documentElement.dataset.xssSelfCheck=1">
<a href="java&#x09;script:void 0">x</a><script>alert('self-check')</script>
</body></html>
"""


def test_detector(driver, tmp, allowed):
    """The scan must see a payload that does run; else its silence means nothing."""
    page = pathlib.Path(tmp) / "self-check.html"
    page.write_text(SELF_CHECK_PAGE, encoding="utf-8")
    dialogs = open_page(driver, page)
    kinds = {kind for kind, _ in scan(driver, allowed)}
    check(dialogs == ["self-check"], f"self-check: an alert() dialog is seen (got {dialogs})")
    want = {"ran", "event-attribute", "script-url", "foreign-script"}
    check(want <= kinds, f"self-check: the scan reports {sorted(want)} (got {sorted(kinds)})")


def test_pages(driver, site, allowed, cases):
    """Every page: nothing ran, nothing dangerous in the DOM. Returns the
    findings per case for the per-case summary."""
    by_case = {}
    for page in pages(site):
        name = str(page.relative_to(site))
        dialogs = open_page(driver, page)
        findings = scan(driver, allowed)
        check(not dialogs, f"{name}: no alert dialog opened", [f"dialog: {d!r}" for d in dialogs])
        for kind, what in (("ran", "no payload ran (no data-xss-* on <html>)"),
                           ("event-attribute", "no on* event attribute"),
                           ("foreign-script", "no <script> other than rbc's own"),
                           ("script-url", "no javascript:/vbscript:/data:text URL"),
                           ("srcdoc", "no srcdoc attribute"),
                           ("active-element", "no iframe/object/embed/base/form/meta refresh")):
            hits = [snippet for k, snippet in findings if k == kind]
            check(not hits, f"{name}: {what}", hits)
        for kind, snippet in findings:
            for case in cases_in(snippet):
                by_case.setdefault(case, []).append(f"{name}: {kind}: {snippet}")
        for d in dialogs:
            by_case.setdefault("alert-dialog", []).append(f"{name}: {d!r}")
    for case in cases:
        check(case not in by_case, f"case {case}: no trace on any page", by_case.get(case, []))
    return by_case


def texts(driver, selector):
    return [e.get_attribute("textContent") for e in driver.find_elements(By.CSS_SELECTOR, selector)]


def shows(driver, selector, needle, what):
    """`needle` is the text (not markup) of some element matching selector."""
    found = any(needle in t for t in texts(driver, selector))
    check(found, f"{what}: {needle[:60]!r} shows as text in {selector}")


def test_runbook_text(driver, site):
    open_page(driver, site / "runbook.html")
    shows(driver, "p code", "<script>code-span-marker</script>", "code-span")
    shows(driver, "pre code", "<script>code-fence-marker</script>", "code-fence")
    shows(driver, "pre code", "<svg onload=document.documentElement.dataset.xssIndentedCode=1>",
          "indented-code")
    shows(driver, "pre code", "fence-info-body-marker", "code-fence-info")
    shows(driver, "td code", "<script>table-code-marker</script>", "table-cells")
    shows(driver, "p", "<script>escaped-text-marker</script>", "escaped-text")
    shows(driver, "h2", "Heading <script>escaped-heading-marker</script>", "heading-entity")
    shows(driver, "h2 code", "<script>heading-code-marker</script>", "heading-code")
    shows(driver, "h2", 'Heading" id="x" onmouseover="document', "heading-quote")
    # Raw HTML may be dropped, but not the text around it.
    shows(driver, "p", "Marker script-inline before", "script-inline")
    shows(driver, "p", "and after.", "script-inline")
    shows(driver, "h2", "payload", "heading-html")
    shows(driver, "a", "link-javascript", "link-javascript")
    # The rule card of XssLabels: hostile labels and annotations as text.
    card = "#Rule-XssLabels"
    shows(driver, f"{card} .kv-value", '"><script>document.documentElement.dataset.xssLabelValue=1</script>',
          "label-value")
    shows(driver, f"{card} .kv-value", "<img src=x onerror=document.documentElement.dataset.xssAnnotationSummary=1>",
          "annotation-summary")
    shows(driver, f"{card} .kv-value", '{{ "<script>document.documentElement.dataset.xssGoTemplate=1</script>" }}',
          "go-template")
    shows(driver, f"{card} .pq-str", "<script>document.documentElement.dataset.xssExprString=1</script>",
          "expr-string")
    shows(driver, ".card-name", 'XssName"><script>document.documentElement.dataset.xssAlertName=1</script>',
          "alert-name")
    shows(driver, ".rule-card .kv-value", "javascript:document.documentElement.dataset.xssRunbookUrl=1",
          "runbook-url")
    shows(driver, ".rule-card pre.promql", "<script>document.documentElement.dataset.xssExprBroken=1</script>",
          "expr-broken")
    shows(driver, ".rule-card a.source-link", 'r"><svg onload=document.documentElement.dataset.xssRuleFileName=1>',
          "rule-file-name")


def test_other_text(driver, site):
    open_page(driver, site / "front-matter.html")
    title = driver.title
    want = "</title><script>document.documentElement.dataset.xssFrontTitle=1</script><title>"
    check(title == want, f"front-matter-title: the page title is the text {want!r} (got {title!r})")
    source = site / "_sources" / "rules.yml.html"
    open_page(driver, source)
    shows(driver, "td.lc", "alert: '<img src=x onerror=document.documentElement.dataset.xssAlertNameUnbound=1>'",
          "source page")


def visible_names(driver):
    rows = driver.find_elements(By.CSS_SELECTOR, "#alerts tbody tr")
    return [r.find_element(By.CSS_SELECTOR, ".alert-name").get_attribute("textContent")
            for r in rows if r.is_displayed()]


def test_index(driver, site, allowed):
    open_page(driver, site / "index.html")
    unbound = "<img src=x onerror=document.documentElement.dataset.xssAlertNameUnbound=1>"
    check(unbound in visible_names(driver), "alert-name-unbound: the index shows the name as text")
    shows(driver, "#filter-severity option", '"><svg onload=document.documentElement.dataset.xssSeverityValue=1>',
          "severity-value")
    shows(driver, ".runbook-list a", "</title><script>document.documentElement.dataset.xssFrontTitle=1",
          "front-matter-title")
    shows(driver, ".runbook-list .muted", "javascript:document.documentElement.dataset.xssFileNameUrl=1",
          "file-name-url")
    # The filter matches the search data; what it finds proves the data
    # holds the names as text, and typing markup must run nothing.
    box = driver.find_element(By.ID, "filter-text")
    for query, want in (("<img src=x onerror=", [unbound]),
                        ('XssName"><script>', ['XssName"><script>document.documentElement.dataset.xssAlertName=1</script>']),
                        ('<svg onload=document.documentElement.dataset.xssSeverityValue=1>', ["XssSeverity"]),
                        ("javascript:alert(1)//", [])):
        box.clear()
        box.send_keys(query)
        got = visible_names(driver)
        check(got == want, f"filter {query!r} leaves {want} (got {got})")
        dialogs = close_dialogs(driver)
        ran = [k for k, _ in scan(driver, allowed) if k == "ran"]
        check(not dialogs and not ran, f"filter {query!r}: nothing ran")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    rbc = os.path.join(os.path.abspath(sys.argv[1]), "rbc")
    if not os.access(rbc, os.X_OK):
        print(f"FAIL no rbc binary at {rbc}")
        return 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="rbc_xss_") as tmp:
        site = build(rbc, hostile_project(tmp), pathlib.Path(tmp) / "out", pathlib.Path(tmp) / "project")
        clean = build(rbc, CLEAN_SAMPLE, pathlib.Path(tmp) / "clean", REPO)
        driver = start_xss_browser()
        try:
            allowed = rbc_scripts(driver, clean)
            check(len(allowed) > 0, f"the clean site ships script(s) to compare with ({len(allowed)})")
            test_detector(driver, tmp, allowed)
            cases = fixture_cases()
            check(len(cases) >= 40, f"the fixture names {len(cases)} payload cases")
            test_pages(driver, site, allowed, cases)
            test_runbook_text(driver, site)
            test_other_text(driver, site)
            test_index(driver, site, allowed)
        finally:
            driver.quit()
    print(f"{time.monotonic() - started:.1f}s")
    return exit_status()


if __name__ == "__main__":
    sys.exit(main())
