#!/usr/bin/env python3
"""Drives `mandate serve` in headless Chromium: the overview renders, triage by key presses lands
in the ledger, a form submits, and every control of each page is labelled and reachable by keyboard.

Run by Tests/mandateTests/WebBrowserTests.swift (swift test), which starts the server on a fresh
workspace; by hand: python3 Tests/browser/web_browser_test.py --url http://127.0.0.1:PORT --screenshots DIR
Prints one line per check and ends with 'N passed, N failed'; exits 1 when anything failed.
"""
import argparse
import json
import os
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

RESULTS = {"passed": 0, "failed": 0}


def check(name, condition, detail=""):
    RESULTS["passed" if condition else "failed"] += 1
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)


def api(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def decisions(base, event):
    return api(base, f"/api/events/{event}")["decisions"]


def unlabelled_controls(driver):
    """Form controls without a label a screen reader would read, and buttons or links without text."""
    return driver.execute_script("""
      const bad = [];
      for (const el of document.querySelectorAll('input, select, textarea')) {
        if (el.type === 'hidden') continue;
        const labelled = (el.id && document.querySelector('label[for="' + el.id + '"]')) || el.closest('label')
          || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        if (!labelled) bad.push(el.outerHTML.slice(0, 80));
      }
      for (const el of document.querySelectorAll('button, a[href]')) {
        if (!el.textContent.trim() && !el.getAttribute('aria-label')) bad.push(el.outerHTML.slice(0, 80));
      }
      return bad;
    """)


def low_contrast(driver):
    """Text whose colour against its background is below WCAG AA (4.5:1, or 3:1 for large text)."""
    return driver.execute_script("""
      function rgb(text) {
        const m = text.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const p = m[1].split(',').map(Number);
        return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
      }
      function lum(c) {
        const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
      }
      function background(el) {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c && c.a > 0.5) return c;
        }
        return {r: 255, g: 255, b: 255, a: 1};
      }
      const bad = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seen = new Set();
      while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (!el || seen.has(el) || !walker.currentNode.textContent.trim()) continue;
        seen.add(el);
        const style = getComputedStyle(el);
        if (el.closest('svg, title, script, style')) continue;  // SVG text is drawn by its fill, not its colour
        if (style.visibility === 'hidden' || el.offsetParent === null || el.closest('.visually-hidden')) continue;
        const fg = rgb(style.color), bg = background(el);
        const a = lum(fg), b = lum(bg);
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
        const large = size >= 24 || (bold && size >= 18.66);
        if (ratio < (large ? 3 : 4.5)) bad.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 40));
      }
      return bad;
    """)


def reachable_by_tab(driver, selector, limit=80):
    """Whether pressing Tab from the top of the page reaches the element `selector` names."""
    target = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(limit):
        if driver.switch_to.active_element == target:
            return True
        driver.switch_to.active_element.send_keys(Keys.TAB)
    return False


def current_event(driver):
    fields = driver.find_elements(By.CSS_SELECTOR, '#triage-form input[name="event"]')
    return fields[0].get_attribute("value") if fields else None


def press(driver, key):
    """Presses a key on the page (not in a field) and waits for the next page when it navigates."""
    before = driver.execute_script("return performance.timeOrigin")
    driver.find_element(By.TAG_NAME, "body").send_keys(key)
    return before


def wait_for_new_page(driver, before):
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return performance.timeOrigin") != before)
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--screenshots", default=None)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    shots = args.screenshots
    if shots:
        os.makedirs(shots, exist_ok=True)

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(args.driver), options=options)
    driver.set_page_load_timeout(60)

    def shot(name, height=None):
        if not shots:
            return
        if height:
            driver.set_window_size(1280, height)
        driver.save_screenshot(os.path.join(shots, name))
        driver.set_window_size(1280, 1400)

    try:
        # The overview renders.
        driver.get(base + "/")
        check("overview has the mandate's title", driver.find_element(By.TAG_NAME, "h1").text.startswith("Priorities"))
        check("overview lists what needs attention", "Needs attention" in driver.page_source)
        check("overview shows the mandate tree", len(driver.find_elements(By.CSS_SELECTOR, "table.items tbody tr")) == 16)
        check("overview controls are labelled", unlabelled_controls(driver) == [], unlabelled_controls(driver))
        check("overview text has enough contrast", low_contrast(driver) == [], low_contrast(driver)[:5])
        check("the search field is reachable by keyboard", reachable_by_tab(driver, "#nav-q"))
        shot("overview.png", 1700)

        # Triage by key presses.
        driver.get(base + "/triage?quarter=2024Q2")
        first = current_event(driver)
        check("triage shows an event", first is not None)
        check("triage controls are labelled", unlabelled_controls(driver) == [], unlabelled_controls(driver))
        check("triage text has enough contrast", low_contrast(driver) == [], low_contrast(driver)[:5])
        check("the first suggestion is reachable by keyboard", reachable_by_tab(driver, 'button[data-key="1"]'))
        shot("triage.png")
        driver.find_element(By.TAG_NAME, "body").send_keys("m")
        check("m marks the next tag material", driver.find_element(By.ID, "mode-material").is_selected())
        before = press(driver, "1")
        wait_for_new_page(driver, before)
        recorded = decisions(base, first)
        check("1 accepts the first suggestion at once",
              any(d["kind"] == "tag" and d["strength"] == "material" for d in recorded), recorded)
        check("the page says what was recorded", "Tagged " + first[:8] in driver.page_source)
        second = current_event(driver)
        check("triage moves to the next event", second is not None and second != first, second)

        before = press(driver, "r")
        wait_for_new_page(driver, before)
        check("r rejects the suggestions", any(d["kind"] == "reject" for d in decisions(base, second)))
        before = press(driver, "u")
        wait_for_new_page(driver, before)
        check("u takes the rejection back", decisions(base, second) == [], decisions(base, second))
        check("undo returns to the event", current_event(driver) == second, current_event(driver))

        driver.find_element(By.TAG_NAME, "body").send_keys("t")
        field = driver.switch_to.active_element
        check("t puts the cursor in the item field", field.get_attribute("id") == "tag-item")
        before = driver.execute_script("return performance.timeOrigin")
        field.send_keys("P2.3", Keys.ENTER)
        wait_for_new_page(driver, before)
        check("t P2.3 Enter tags the event for P2.3",
              any(d["kind"] == "tag" and d["item"] == "P2.3" for d in decisions(base, second)), decisions(base, second))

        third = current_event(driver)
        if third and driver.find_elements(By.CSS_SELECTOR, '[data-key="j"]'):
            before = press(driver, "j")
            wait_for_new_page(driver, before)
            before = press(driver, "k")
            wait_for_new_page(driver, before)
            check("j then k comes back to the same event", current_event(driver) == third, current_event(driver))

        # A form submits: an assessment with its justification.
        driver.get(base + "/items/P2.3")
        check("item page controls are labelled", unlabelled_controls(driver) == [], unlabelled_controls(driver))
        driver.find_element(By.CSS_SELECTOR, '#status-value option[value="stalled"]').click()
        driver.find_element(By.ID, "status-note").send_keys("No exercise held in the quarter")
        before = driver.execute_script("return performance.timeOrigin")
        driver.find_element(By.CSS_SELECTOR, 'form[action="/items/P2.3/status"] button[type="submit"]').click()
        wait_for_new_page(driver, before)
        check("the assessment is recorded and said", "P2.3 is stalled as of" in driver.page_source)
        check("the status history shows it", "No exercise held in the quarter" in driver.page_source)
        shot("item.png", 1200)

        # The event page and the report render, with their controls labelled.
        driver.get(base + "/events/" + first)
        check("event page shows the tag", "P2.3" in driver.page_source or "P1.1" in driver.page_source)
        check("event page controls are labelled", unlabelled_controls(driver) == [], unlabelled_controls(driver))
        check("event page text has enough contrast", low_contrast(driver) == [], low_contrast(driver)[:5])
        shot("event.png", 1600)
        driver.get(base + "/report/2024Q2")
        check("the report renders", "Coverage" in driver.page_source)
        check("report text has enough contrast", low_contrast(driver) == [], low_contrast(driver)[:5])
        shot("report.png", 1600)
        driver.get(base + "/search?q=Afghanistan")
        check("search marks matches", len(driver.find_elements(By.TAG_NAME, "mark")) > 0)
        check("search controls are labelled", unlabelled_controls(driver) == [], unlabelled_controls(driver))
    finally:
        driver.quit()
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
