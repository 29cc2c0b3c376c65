"""Drive a published finder page in headless Chromium and report what a visitor sees, as JSON.

Run by the tests with the test-tools venv's Python (selenium lives there, not in QGIS's)::

    .venv-opendata/bin/python tests/finder_browser.py SCENARIO.json

The scenario names the page, a search (service, coordinates, radius) and optionally a folder
for screenshots. The report holds the page's texts in English and French, the ids of the
points found, the focus order from the keyboard, the landmarks, and every URL the browser
asked for (from Chromium's network log).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
LABELS = ("search-heading", "results-heading", "map-heading", "search-button", "clear-button", "lang-switch",
          "page-title")  # fmt: skip


def browser(profile: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--lang=en-CA", f"--user-data-dir={profile}"):  # fmt: skip
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


def texts(driver) -> dict:
    found = {name: driver.find_element(By.ID, name).text for name in LABELS}
    for control in ("service", "lat", "lon", "radius"):
        found[f"label:{control}"] = driver.find_element(By.CSS_SELECTOR, f"label[for='{control}']").text
    found["html_lang"] = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    found["status"] = driver.find_element(By.ID, "status").text
    found["first_result_meta"] = [
        e.text for e in driver.find_elements(By.CSS_SELECTOR, "#results li .meta")[:1]
    ]
    found["service_options"] = [o.text for o in Select(driver.find_element(By.ID, "service")).options[:3]]
    return found


def focus_order(driver, presses: int) -> list[str]:
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    order = []
    for _ in range(presses):
        active = driver.switch_to.active_element
        order.append(active.get_attribute("id") or active.get_attribute("class") or active.tag_name)
        active.send_keys(Keys.TAB)
    return order


def requested_urls(driver, page_url: str) -> list[str]:
    """Every URL requested by the page (its document and anything it loads); the browser's own
    start-up pages (chrome://new-tab-page…) have another document and are left out."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            params = message["params"]
            if params.get("documentURL") == page_url:
                urls.append(params["request"]["url"])
    return urls


def run(scenario: dict) -> dict:
    page = Path(scenario["page"]).resolve()
    with tempfile.TemporaryDirectory(prefix="crs-finder-chromium-") as profile:
        driver = browser(profile)
        try:
            driver.get(page.as_uri())
            report = {"loaded_title": driver.title, "en": {}, "fr": {}}
            report["landmarks"] = {
                "banner": len(driver.find_elements(By.CSS_SELECTOR, "body > header")),
                "main": len(driver.find_elements(By.TAG_NAME, "main")),
                "search": len(driver.find_elements(By.CSS_SELECTOR, "form[role=search]")),
                "contentinfo": len(driver.find_elements(By.CSS_SELECTOR, "body > footer")),
                "live_status": driver.find_element(By.ID, "status").get_attribute("aria-live"),
            }
            report["unlabelled_controls"] = driver.execute_script(
                "return Array.from(document.querySelectorAll('input, select')).filter("
                "e => !document.querySelector('label[for=\"' + e.id + '\"]')).map(e => e.id);"
            )
            report["markers"] = len(driver.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive"))
            report["focus_order"] = focus_order(driver, scenario.get("tab_presses", 8))
            if scenario.get("service"):
                Select(driver.find_element(By.ID, "service")).select_by_value(scenario["service"])
            for name in ("lat", "lon"):
                field = driver.find_element(By.ID, name)
                field.clear()
                field.send_keys(str(scenario[name]))
            Select(driver.find_element(By.ID, "radius")).select_by_value(str(scenario["radius"]))
            # Searching from the keyboard: Enter in a field submits the search form.
            driver.find_element(By.ID, "lon").send_keys(Keys.ENTER)
            report["result_ids"] = [e.get_attribute("data-id")
                                    for e in driver.find_elements(By.CSS_SELECTOR, "#results li")]  # fmt: skip
            report["en"] = texts(driver)
            shots = scenario.get("screenshots")
            if shots:
                driver.save_screenshot(str(Path(shots) / "finder_en.png"))
            driver.find_element(By.ID, "lang-switch").click()
            report["fr"] = texts(driver)
            report["result_ids_fr"] = [e.get_attribute("data-id")
                                       for e in driver.find_elements(By.CSS_SELECTOR, "#results li")]  # fmt: skip
            if shots:
                driver.save_screenshot(str(Path(shots) / "finder_fr.png"))
            driver.find_element(By.ID, "lat").clear()
            driver.find_element(By.ID, "lat").send_keys("12")
            driver.find_element(By.ID, "search-button").click()
            report["bad_coordinates_fr"] = driver.find_element(By.ID, "coord-error").text
            report["console_errors"] = [
                e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"
            ]
            report["requested_urls"] = requested_urls(driver, page.as_uri())
        finally:
            driver.quit()
    return report


if __name__ == "__main__":
    print(json.dumps(run(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))), ensure_ascii=False))
