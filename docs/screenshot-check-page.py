#!/usr/bin/env python3
"""Takes docs/check-page.png: uploads four fixtures to a running `media-archive serve` through
the real /check page in headless Chromium and waits for their verdicts.

Needs Debian's chromium and chromium-driver and `pip install selenium`. Usage:
  media-archive serve --port 18124 &
  python3 docs/screenshot-check-page.py Tests/Fixtures/media docs/check-page.png [URL]
The seed of the browser test that issue 5 asks for (not yet run in CI).
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

fixtures, output = os.path.abspath(sys.argv[1]), sys.argv[2]
url = sys.argv[3] if len(sys.argv) > 3 else "http://127.0.0.1:18124/check"
options = webdriver.ChromeOptions()
for argument in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=900,760"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(url)
    names = ["县 科技周 开幕式.mp4", "clip-181s.mp4", "faststart-cut.mp4", "text.mp4"]
    driver.find_element(By.ID, "files").send_keys("\n".join(os.path.join(fixtures, n) for n in names))
    done = "#results li.pass, #results li.fail, #results li.error"
    WebDriverWait(driver, 30).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, done)) == len(names))
    time.sleep(0.5)  # let the last verdict paint
    print(driver.find_element(By.ID, "results").text)
    driver.save_screenshot(output)
finally:
    driver.quit()
