#!/usr/bin/env python3
"""Takes the README's screenshots from the demo server (`make demo`, or
scripts/demo-gallery.sh): the self-check page after four uploads (docs/check-page.png), the
gallery of the sample hand-in (docs/gallery.png) and one item's page (docs/item-page.png).

Needs Debian's chromium and chromium-driver and `pip install selenium` (make test installs
them). Usage, with the demo server running:
  python3 docs/take-screenshots.py [http://127.0.0.1:8080]
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
docs = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(os.path.dirname(docs), "Tests", "Fixtures", "media")

options = webdriver.ChromeOptions()
for argument in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1000,760"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(base + "/check")
    names = ["县 科技周 开幕式.mp4", "clip-181s.mp4", "faststart-cut.mp4", "text.mp4"]
    driver.find_element(By.ID, "files").send_keys("\n".join(os.path.join(fixtures, n) for n in names))
    done = "#results li.pass, #results li.fail, #results li.error"
    WebDriverWait(driver, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, done)) == len(names))
    time.sleep(0.5)  # let the last verdict and its thumbnail paint
    driver.save_screenshot(os.path.join(docs, "check-page.png"))

    driver.get(base + "/search")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return Array.prototype.every.call(document.querySelectorAll('#results img.thumb'),"
        " function (i) { return i.complete && i.naturalWidth > 0; })"))
    driver.save_screenshot(os.path.join(docs, "gallery.png"))

    over = [a for a in driver.find_elements(By.CSS_SELECTOR, "#results a.item") if "清丰县" in a.text]
    driver.get(over[0].get_attribute("href"))
    time.sleep(1)
    driver.save_screenshot(os.path.join(docs, "item-page.png"))
    print("wrote check-page.png, gallery.png, item-page.png in", docs)
finally:
    driver.quit()
