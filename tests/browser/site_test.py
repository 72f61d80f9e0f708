#!/usr/bin/python3
"""The HTML site in a real headless Chromium.

Usage: site_test.py BUILD_DIR [SCREENSHOT_DIR]

Writes the site of samples/cryptofunk with `rbc_tests "[.site-export]"`,
loads index.html and a runbook page from file://, fails on any console
error, types into the filter and checks which rows stay, checks the dark
theme applies, and saves screenshots (default BUILD_DIR/site-screenshots).
Exits 77 (skipped) when chromium, chromedriver or selenium is missing.
Debian packages: chromium chromium-driver python3-selenium.
"""
import os
import subprocess
import sys
import tempfile



def alert_line(name):
    """Line of `- alert: NAME` in the cryptofunk sample's rule file (where its card links)."""
    rules = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples", "cryptofunk", "rules.yml")
    with open(rules, encoding="utf-8") as f:
        for number, text in enumerate(f, 1):
            if text.strip() == f"- alert: {name}":
                return number
    raise SystemExit(f"{name} not found in {rules}")


from harness import check, exit_status, start_browser  # noqa: E402  (exits 77 without a browser)
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402


def export_site(build_dir, out):
    tests = os.path.join(build_dir, "tests", "rbc_tests")
    env = dict(os.environ, RBC_SITE_OUT=out, RBC_SITE_SAMPLE="cryptofunk")
    subprocess.run([tests, "[.site-export]"], env=env, check=True, stdout=subprocess.DEVNULL)


def start_logging_browser():
    return start_browser({"goog:loggingPrefs": {"browser": "ALL"}})


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def visible_alerts(driver):
    rows = driver.find_elements(By.CSS_SELECTOR, "#alerts tbody tr")
    return sorted(r.find_element(By.CSS_SELECTOR, ".alert-name").text for r in rows if r.is_displayed())


def set_dark(driver, dark):
    value = "dark" if dark else "light"
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": value}]})


def test_console_capture(driver, site):
    # The console checks below mean something only if errors are captured.
    driver.get("file://" + os.path.join(site, "site", "index.html"))
    driver.execute_script("console.error('rbc self-check')")
    check(any("rbc self-check" in e.get("message", "") for e in console_errors(driver)),
          "console errors are captured (self-check)")


def test_index(driver, site, shots):
    driver.get("file://" + os.path.join(site, "site", "index.html"))
    check(driver.title == "Alerts", f"index title is 'Alerts' (got {driver.title!r})")
    check(not console_errors(driver), "index: no console errors")
    all_rows = visible_alerts(driver)
    check(len(all_rows) == 11, f"index shows all 11 cryptofunk alerts (got {len(all_rows)})")
    count = driver.find_element(By.ID, "filter-count")
    check(count.text == "11 of 11 alerts", f"count says 11 of 11 (got {count.text!r})")
    driver.save_screenshot(os.path.join(shots, "site-index.png"))

    box = driver.find_element(By.ID, "filter-text")
    box.send_keys("agent")
    want = ["AgentDown", "AgentHighLatency", "AgentUnhealthy"]
    check(visible_alerts(driver) == want, f"'agent' leaves {want} (got {visible_alerts(driver)})")
    box.send_keys(" latency")
    check(visible_alerts(driver) == ["AgentHighLatency"], "'agent latency' leaves AgentHighLatency")
    box.clear()
    box.send_keys("nothing-like-this")
    check(visible_alerts(driver) == [], "a filter matching nothing hides every row")
    check(driver.find_element(By.ID, "filter-empty").is_displayed(), "the 'no alert matches' note shows")
    box.clear()
    box.send_keys(" ")  # clear() fires no input event; a blank query shows everything
    Select(driver.find_element(By.ID, "filter-severity")).select_by_value("critical")
    want = ["HighErrorRate", "MaxDrawdownExceeded", "TradingSessionFailure"]
    check(visible_alerts(driver) == want, f"severity critical leaves {want} (got {visible_alerts(driver)})")
    Select(driver.find_element(By.ID, "filter-severity")).select_by_value("")
    check(len(visible_alerts(driver)) == 11, "all severities shows every alert again")

    body = driver.find_element(By.TAG_NAME, "body")
    light = body.value_of_css_property("background-color")
    set_dark(driver, True)
    dark = body.value_of_css_property("background-color")
    check(light != dark, f"prefers-color-scheme: dark changes the page ({light} -> {dark})")
    driver.save_screenshot(os.path.join(shots, "site-index-dark.png"))
    set_dark(driver, False)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    topbar = driver.find_element(By.CSS_SELECTOR, ".topbar")
    check(topbar.value_of_css_property("display") == "none", "print layout hides the top bar")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    check(topbar.value_of_css_property("display") != "none", "screen layout shows the top bar")
    check(not console_errors(driver), "index after filtering: no console errors")


def test_runbook(driver, site, shots):
    driver.get("file://" + os.path.join(site, "site", "runbook.html") + "#higherrorrate")
    check(not console_errors(driver), "runbook page: no console errors")
    heading = driver.find_elements(By.ID, "higherrorrate")
    check(len(heading) == 1 and heading[0].tag_name.startswith("h"), "#higherrorrate is a heading")
    card = driver.find_elements(By.ID, "Rule-HighErrorRate")
    check(len(card) == 1 and card[0].is_displayed(), "HighErrorRate's rule card is shown")
    if card:
        text = card[0].text
        check("consistent" in text or "finding" in text, "the card states a cross-check verdict")
        spans = card[0].find_elements(By.CSS_SELECTOR, "pre.promql span.pq-fn")
        check(len(spans) > 0, "the expression is highlighted")
    cards = driver.find_elements(By.CSS_SELECTOR, "section.rule-card")
    check(len(cards) == 11, f"one card per cryptofunk alert (got {len(cards)})")
    driver.save_screenshot(os.path.join(shots, "site-runbook.png"))
    link = driver.find_element(By.CSS_SELECTOR, "#Rule-HighErrorRate a.source-link")
    link.click()
    line = alert_line("HighErrorRate")
    check(driver.current_url.endswith(f"_sources/rules.yml.html#L{line}"),
          f"source link opens rules.yml at line {line} ({driver.current_url})")
    check(len(driver.find_elements(By.ID, f"L{line}")) == 1, f"the source page has line L{line}")
    check(not console_errors(driver), "source page: no console errors")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    build_dir = os.path.abspath(sys.argv[1])
    shots = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(build_dir, "site-screenshots")
    os.makedirs(shots, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rbc_site_browser_") as site:
        export_site(build_dir, site)
        driver = start_logging_browser()
        try:
            test_console_capture(driver, site)
            test_index(driver, site, shots)
            test_runbook(driver, site, shots)
        finally:
            driver.quit()
    print(f"screenshots in {shots}")
    return exit_status()


if __name__ == "__main__":
    sys.exit(main())
