#!/usr/bin/env python3
"""The real-browser test: a person's three journeys through `media-archive serve`, driven in
headless Chromium (Debian's chromium + chromium-driver, Python selenium).

1. County staff: open /check, upload a clip over three minutes and one under; read the
   verdicts and see the thumbnails the server sent.
2. A clerk: log in with a clerk token, ingest fixtures for a county on /ingest, wait for the
   receipts (stored, duplicate, rejected).
3. An archivist: open the gallery, search the county, see every thumbnail load, switch the
   page to English and back, open the video's page, play it and seek in it.

Runs against a fresh archive in a temp folder and a server on a free port, so it never
touches ./Archive. Usage (make test runs it after `swift test`):
  python3 Tests/Browser/browser_test.py [--binary .build/debug/media-archive] [--screenshots DIR]
Exit status 0 when every step passed; otherwise the failing step and the page's text.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MEDIA = os.path.join(ROOT, "Tests", "Fixtures", "media")
COUNTY_SLUG, COUNTY_NAME = "nanle", "南乐县"


class Step(Exception):
    """A step a person would have seen fail."""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_archive(binary):
    """A fresh archive with the committed registry and policy, and one clerk token."""
    archive = tempfile.mkdtemp(prefix="media-archive-browser-")
    for name in ("counties.json", "policy.json"):
        shutil.copy(os.path.join(ROOT, "Archive", name), archive)
    created = subprocess.run([binary, "token", "create", "--role", "clerk", "--name", "browser test",
                              "--archive", archive, "--json"], check=True, capture_output=True, text=True)
    return archive, json.loads(created.stdout)["token"]


def start_server(binary, archive):
    port = free_port()
    log = open(os.path.join(archive, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--archive", archive, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base + "/check", timeout=1).read()
            return server, base
        except OSError:
            if server.poll() is not None:
                raise Step(f"the server exited with {server.returncode}; see {log.name}")
            time.sleep(0.2)
    server.kill()
    raise Step("the server did not answer /check within 30 s")


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1100,900",
                     "--autoplay-policy=no-user-gesture-required", "--lang=zh-CN"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def wait(driver, what, condition, seconds=60):
    try:
        return WebDriverWait(driver, seconds).until(condition)
    except TimeoutException:
        body = driver.find_element(By.TAG_NAME, "body").text[:2000]
        raise Step(f"timed out after {seconds} s waiting for {what}; the page said:\n{body}")


def images_loaded(driver, selector):
    """True once every matching <img> has finished loading a real picture."""
    return driver.execute_script(
        "var imgs = document.querySelectorAll(arguments[0]);"
        "return imgs.length > 0 && Array.prototype.every.call(imgs, function (i) {"
        "  return i.complete && i.naturalWidth > 0; });", selector)


def upload(driver, input_id, names):
    driver.find_element(By.ID, input_id).send_keys("\n".join(os.path.join(MEDIA, n) for n in names))


def check_page(driver, base, shots):
    driver.get(base + "/check")
    upload(driver, "files", ["clip-181s.mp4", "clip-179.9s.mp4", "text.mp4"])
    done = "#results li.pass, #results li.fail, #results li.error"
    wait(driver, "three verdicts on /check", lambda d: len(d.find_elements(By.CSS_SELECTOR, done)) == 3)
    items = {li.find_element(By.CLASS_NAME, "name").text: li for li in driver.find_elements(By.CSS_SELECTOR, "#results li")}
    over = items["clip-181s.mp4"]
    if "fail" not in over.get_attribute("class") or "超出" not in over.text:
        raise Step(f"the 3:01 clip should fail and say how far over; it shows: {over.text!r}")
    if "上限" not in over.find_element(By.CLASS_NAME, "detail").text:
        raise Step(f"the Chinese page should show the server's reason in Chinese; it shows: {over.text!r}")
    if "pass" not in items["clip-179.9s.mp4"].get_attribute("class"):
        raise Step(f"the 2:59.9 clip should pass; it shows: {items['clip-179.9s.mp4'].text!r}")
    if "error" not in items["text.mp4"].get_attribute("class"):
        raise Step(f"a text file named .mp4 should be unreadable; it shows: {items['text.mp4'].text!r}")
    wait(driver, "the verdict thumbnails", lambda d: images_loaded(d, "#results li.pass .thumb, #results li.fail .thumb"), 10)
    shots and driver.save_screenshot(os.path.join(shots, "check-page.png"))
    print("ok   /check: 3:01 fails with how far over, 2:59.9 passes, a text file is unreadable; thumbnails shown")


def log_in(driver, base, token):
    """A clerk opens /ingest, is sent to log in, and comes back to /ingest."""
    driver.get(base + "/ingest")
    if "/login" not in driver.current_url:
        raise Step(f"/ingest without a login should lead to /login; the browser is at {driver.current_url}")
    field = driver.find_element(By.NAME, "token")
    field.send_keys(token)
    field.submit()
    wait(driver, "the login to finish", lambda d: "/login" not in d.current_url, 10)
    if not driver.current_url.endswith("/ingest"):
        raise Step(f"after logging in the clerk should be back on /ingest, not {driver.current_url}")
    print("ok   /ingest → /login → back on /ingest with a clerk token")


def ingest_page(driver, base, shots):
    driver.get(base + "/ingest")
    upload(driver, "files", ["photo.jpg"])  # no county chosen yet: the page must ask, not guess
    alert = wait(driver, "the page to ask for the county", lambda d: EC.alert_is_present()(d), 5)
    alert.accept()
    if driver.find_elements(By.CSS_SELECTOR, "#receipts li"):
        raise Step("files were queued for upload before a county was chosen")
    Select(driver.find_element(By.ID, "county")).select_by_value(COUNTY_SLUG)
    upload(driver, "files", ["clip-179.9s.mp4", "photo.jpg", "summary.pdf", "clip-181s.mp4"])
    done = "#receipts li.stored, #receipts li.duplicate, #receipts li.rejected, #receipts li.error"
    wait(driver, "four receipts on /ingest", lambda d: len(d.find_elements(By.CSS_SELECTOR, done)) == 4)
    classes = sorted(li.get_attribute("class") for li in driver.find_elements(By.CSS_SELECTOR, "#receipts li"))
    if classes != ["rejected", "stored", "stored", "stored"]:
        raise Step(f"expected three stored and the 3:01 clip rejected; got {classes}: "
                   f"{driver.find_element(By.ID, 'receipts').text!r}")
    upload(driver, "files", ["photo.jpg"])
    wait(driver, "the duplicate's receipt", lambda d: len(d.find_elements(By.CSS_SELECTOR, "#receipts li.duplicate")) == 1)
    shots and driver.save_screenshot(os.path.join(shots, "ingest-page.png"))
    print("ok   /ingest: asks for the county first; 3 stored, the 3:01 clip rejected with its reason, a second photo.jpg recognised as duplicate")


def gallery(driver, base, shots):
    driver.get(base + "/")
    if COUNTY_NAME not in driver.find_element(By.TAG_NAME, "body").text:
        raise Step(f"the counties page does not name {COUNTY_NAME}")
    driver.get(f"{base}/search?county={COUNTY_SLUG}")
    tiles = wait(driver, "three items in the gallery", lambda d: (lambda t: t if len(t) == 3 else False)(
        d.find_elements(By.CSS_SELECTOR, "#results a.item")))
    wait(driver, "the thumbnails to load", lambda d: images_loaded(d, "#results img.thumb"), 20)
    thumbs = len(driver.find_elements(By.CSS_SELECTOR, "#results img.thumb"))
    if thumbs < 2:
        raise Step(f"the video and the photo should show thumbnails; {thumbs} did")
    shots and driver.save_screenshot(os.path.join(shots, "gallery.png"))
    video = [t.get_attribute("href") for t in tiles if t.find_elements(By.CLASS_NAME, "duration")]
    if len(video) != 1:
        raise Step(f"exactly the one video should carry a duration badge; {len(video)} did")
    print(f"ok   gallery: {COUNTY_NAME} listed, 3 items found, {thumbs} thumbnails loaded, the video has its badge")
    return video[0]


def switch_language(driver):
    """The nav bar's switch turns the page English on the same search, and back to Chinese."""
    for label, heading in [("English", "Search"), ("中文", "搜索")]:
        switch = driver.find_element(By.ID, "nav-language")
        if switch.text != label:
            raise Step(f"the language switch should read {label!r}; it reads {switch.text!r}")
        switch.click()
        wait(driver, f"the heading {heading!r}", lambda d: d.find_element(By.TAG_NAME, "h1").text == heading, 10)
        if len(driver.find_elements(By.CSS_SELECTOR, "#results a.item")) != 3:
            raise Step(f"after switching to {heading!r} the same search should still show 3 items")
    print("ok   language switch: the search page turns English and back to Chinese, same results")


def play_and_seek(driver, item_url):
    driver.get(item_url)
    player = driver.find_element(By.ID, "player")
    wait(driver, "the video's metadata", lambda d: d.execute_script("return arguments[0].readyState >= 1", player), 20)
    length = driver.execute_script("return arguments[0].duration", player)
    target = round(length * 0.75, 1)
    position = driver.execute_async_script("""
        var video = arguments[0], target = arguments[1], done = arguments[2];
        video.muted = true;
        video.addEventListener('seeked', function () { done(video.currentTime); }, { once: true });
        video.play().catch(function () {}).then(function () { video.currentTime = target; });
    """, player, target)
    if abs(position - target) > 1.0:
        raise Step(f"seeking to {target} s landed at {position} s")
    # What the player's seeking rests on: the browser's own Range request answered with 206.
    status, length_received, content_range = driver.execute_async_script("""
        var done = arguments[1];
        fetch(arguments[0], { headers: { Range: 'bytes=100-199' } }).then(function (r) {
          return r.arrayBuffer().then(function (b) { done([r.status, b.byteLength, r.headers.get('Content-Range')]); });
        }).catch(function (e) { done([0, 0, String(e)]); });
    """, player.get_attribute("src"))
    if status != 206 or length_received != 100:
        raise Step(f"a Range request for 100 bytes got {status}, {length_received} bytes ({content_range})")
    print(f"ok   item page: video {length:.1f} s plays and seeks to {position:.1f} s; Range → 206 {content_range}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "media-archive"))
    parser.add_argument("--screenshots", help="folder for check-page.png, ingest-page.png, gallery.png")
    arguments = parser.parse_args()
    shots = arguments.screenshots and os.path.abspath(arguments.screenshots)
    shots and os.makedirs(shots, exist_ok=True)

    archive, token = make_archive(arguments.binary)
    server, base = start_server(arguments.binary, archive)
    driver = None
    try:
        driver = browser()
        driver.set_script_timeout(30)
        check_page(driver, base, shots)
        log_in(driver, base, token)
        ingest_page(driver, base, shots)
        item_url = gallery(driver, base, shots)
        switch_language(driver)
        play_and_seek(driver, item_url)
        print("browser test passed")
        return 0
    except Step as failure:
        print(f"FAIL {failure}", file=sys.stderr)
        return 1
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(archive, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
