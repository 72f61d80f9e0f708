"""What the headless Chromium tests share: finding selenium, chromium and
chromedriver (exit 77, ctest's "skipped", when one is missing), starting a
headless browser, and ok/FAIL lines with the count of failures at the end.
Debian packages: chromium chromium-driver python3-selenium.
"""
import shutil
import sys

SKIP = 77
failures = []


def skip(why):
    print(f"SKIP: {why} (apt-get install chromium chromium-driver python3-selenium)")
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    skip("python3-selenium is not installed")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not CHROMIUM:
    skip("chromium is not installed")
if not DRIVER:
    skip("chromedriver is not installed")


def start_browser(capabilities=None):
    """Headless Chromium that may read file:// pages, with extra capabilities."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                "--allow-file-access-from-files"):
        options.add_argument(arg)
    for name, value in (capabilities or {}).items():
        options.set_capability(name, value)
    return webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)


def check(ok, what, details=()):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)
        for line in details:
            print("       " + line)
    return ok


def exit_status():
    """0, or 1 after saying how many checks failed."""
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0
