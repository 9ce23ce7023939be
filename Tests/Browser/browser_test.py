#!/usr/bin/env python3
"""The real-browser test: a person's three journeys through `media-archive serve`, driven in
headless Chromium (Debian's chromium + chromium-driver, Python selenium).

1. County staff: open /check, upload a clip over three minutes and one under; read the
   verdicts and see the thumbnails the server sent.
2. A clerk: log in with a clerk token, ingest fixtures for a county on /ingest, wait for the
   receipts (stored, duplicate, rejected).
3. An archivist: open the gallery, search the county, see every thumbnail load, switch the
   page to English and back, open the video's page, play it and seek in it.
4. A county on /portal (a second archive with an open round): hands in a summary, a photo, a
   3:01 clip (refused, the reason on the page) and a 2:59.9 clip, enters a key project in the
   web form and sees its checklist change; a clerk finds the county on /board and returns the
   photo with a note; the county sees the note on its portal.

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
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
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
    # A submitted form reloads the page while the condition reads it; an element found on the old
    # page then goes stale. That is the page changing, not a failure: ask again.
    try:
        return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException,)).until(condition)
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


def log_in_to(driver, base, page, token):
    driver.delete_all_cookies()
    driver.get(base + page)
    if "/login" not in driver.current_url:
        raise Step(f"{page} without a login should lead to /login; the browser is at {driver.current_url}")
    field = driver.find_element(By.NAME, "token")
    field.send_keys(token)
    field.submit()
    wait(driver, f"the login to return to {page}", lambda d: d.current_url.split("#")[0].endswith(page), 10)


def log_in(driver, base, token):
    """A clerk opens /ingest, is sent to log in, and comes back to /ingest."""
    log_in_to(driver, base, "/ingest", token)
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


PORTAL_COUNTY, PORTAL_COUNTY_NAME = "qingfeng", "清丰县"
OPEN_ROUND = {"id": "2027", "name": "2027 科技活动周", "eventWindow": {"start": "2027-05-22", "end": "2027-05-28"},
              "registrationDeadline": "2027-06-01", "deadline": "2027-06-30"}


def make_portal_archive(binary):
    """A fresh archive whose round is still open, with a county token and a clerk token."""
    archive, clerk = make_archive(binary)
    os.makedirs(os.path.join(archive, "rounds"))
    with open(os.path.join(archive, "rounds", "2027.json"), "w") as f:
        json.dump(OPEN_ROUND, f, ensure_ascii=False)
    created = subprocess.run([binary, "token", "create", "--role", "county", "--county", PORTAL_COUNTY,
                              "--archive", archive, "--json"], check=True, capture_output=True, text=True)
    return archive, json.loads(created.stdout)["token"], clerk


def checklist_have(driver, part_name):
    for row in driver.find_elements(By.CSS_SELECTOR, "#checklist tbody tr"):
        if row.find_element(By.TAG_NAME, "th").text == part_name:
            return int(row.find_elements(By.TAG_NAME, "td")[0].text)
    raise Step(f"the checklist has no row {part_name!r}: {driver.find_element(By.ID, 'checklist').text!r}")


def county_hands_in(driver, base, token, shots):
    log_in_to(driver, base, "/portal", token)
    if checklist_have(driver, "照片") != 0:
        raise Step("a fresh county should have no photo yet")
    upload(driver, "files-summary", ["summary.pdf"])
    upload(driver, "files-photo", ["photo.jpg"])
    upload(driver, "files-video", ["clip-181s.mp4", "clip-179.9s.mp4"])
    done = "section.hand-in ul.receipts li.stored, section.hand-in ul.receipts li.rejected, section.hand-in ul.receipts li.error"
    wait(driver, "four verdicts on /portal", lambda d: len(d.find_elements(By.CSS_SELECTOR, done)) == 4)
    videos = {li.find_element(By.CLASS_NAME, "name").text: li for li in driver.find_elements(By.CSS_SELECTOR, "#part-video ul.receipts li")}
    over = videos["clip-181s.mp4"]
    if "rejected" not in over.get_attribute("class") or "超出 3 分钟上限 1 秒；请剪辑后重新上传" not in over.text:
        raise Step(f"the 3:01 clip should be refused with how far over and to upload again; it shows {over.text!r}")
    if "stored" not in videos["clip-179.9s.mp4"].get_attribute("class"):
        raise Step(f"the 2:59.9 clip should be taken; it shows {videos['clip-179.9s.mp4'].text!r}")
    for part in ("summary", "photo"):
        line = driver.find_element(By.CSS_SELECTOR, f"#part-{part} ul.receipts li")
        if "stored" not in line.get_attribute("class"):
            raise Step(f"the {part} should be taken; it shows {line.text!r}")
    print("ok   /portal: summary, photo and the 2:59.9 clip taken; the 3:01 clip refused with \"trim it and upload again\"")

    driver.get(base + "/portal/forms")
    driver.find_element(By.ID, "add-key-project-projectName").send_keys("科普大篷车进乡村")
    driver.find_element(By.ID, "add-key-project-organizer").send_keys("清丰县科技局")
    driver.find_element(By.CSS_SELECTOR, "#add-key-project button[type=submit]").click()
    wait(driver, "the new record's form", lambda d: "#record-" in d.current_url, 10)
    record = driver.current_url.split("#record-")[1]
    if driver.find_element(By.ID, f"{record}-projectName").get_attribute("value") != "科普大篷车进乡村":
        raise Step("the key project entered in the web form is not shown back")
    driver.get(base + "/portal")
    counts = {name: checklist_have(driver, name) for name in ("重点项目备案表", "总结", "照片", "视频")}
    if counts != {"重点项目备案表": 1, "总结": 1, "照片": 1, "视频": 1}:
        raise Step(f"the checklist should count one of each now; it shows {counts}")
    shots and driver.save_screenshot(os.path.join(shots, "portal.png"))
    print(f"ok   /portal/forms: a key project entered; the checklist counts {counts}")


def clerk_returns_the_photo(driver, base, clerk, shots):
    log_in_to(driver, base, "/board", clerk)
    row = driver.find_element(By.CSS_SELECTOR, f'tr[data-county="{PORTAL_COUNTY}"]')
    if PORTAL_COUNTY_NAME not in row.text:
        raise Step(f"the board should list {PORTAL_COUNTY_NAME}; its row reads {row.text!r}")
    shots and driver.save_screenshot(os.path.join(shots, "board.png"))
    section = driver.find_element(By.ID, f"county-{PORTAL_COUNTY}")
    photo = [li for li in section.find_elements(By.CSS_SELECTOR, "ul.items li") if "photo.jpg" in li.text]
    if not photo:
        raise Step(f"the county's section should list photo.jpg; it reads {section.text!r}")
    photo[0].find_element(By.NAME, "note").send_keys("照片太暗，请换一张")
    photo[0].find_element(By.CSS_SELECTOR, "form.return button").click()
    wait(driver, "the board to show the note", lambda d: "照片太暗，请换一张" in d.find_element(By.ID, f"county-{PORTAL_COUNTY}").text, 10)
    print(f"ok   /board: {PORTAL_COUNTY_NAME} listed; the photo returned with a note")


def county_sees_the_note(driver, base, token):
    log_in_to(driver, base, "/portal", token)
    items = driver.find_element(By.ID, "items").text
    if "退回修改" not in items or "照片太暗，请换一张" not in items:
        raise Step(f"the county should see the returned photo and the clerk's note; its items read {items!r}")
    if checklist_have(driver, "照片") != 0:
        raise Step("a returned photo should no longer count")
    print("ok   /portal: the county sees the photo returned with the clerk's note; it no longer counts")


def portal_journey(driver, binary, shots):
    archive, county, clerk = make_portal_archive(binary)
    server, base = start_server(binary, archive)
    try:
        county_hands_in(driver, base, county, shots)
        clerk_returns_the_photo(driver, base, clerk, shots)
        county_sees_the_note(driver, base, county)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(archive, ignore_errors=True)


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
        portal_journey(driver, arguments.binary, shots)
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
