"""The phone pages in a real browser: Debian's chromium driven by Playwright, at phone size.

Clicks through home -> topic -> place -> result -> service in three languages with JavaScript
on and off; checks tel: links, the language switch, "Leave this page", the vCard, that no
request leaves the server, and axe-core's accessibility rules on every page type.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from tests.web.conftest import LEAVE_URL

CHROMIUM = "/usr/bin/chromium"
# Flags for a closed network: without them chromium keeps trying to reach Google's services.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if shutil.which("chromium") is None:
        pytest.fail("chromium is missing: run `make system-deps` as root (Debian's chromium).")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def phone_page(browser: Browser, base: str, *, javascript: bool, language: str) -> Page:
    context = browser.new_context(
        viewport=PHONE, java_script_enabled=javascript, locale=language, accept_downloads=True
    )
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    return page


def only_this_server(page: Page, base: str) -> None:
    outside = [u for u in page.requests if not u.startswith(base)]  # type: ignore[attr-defined]
    assert not outside, outside


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", ["es", "cy", "el"])
def test_home_topic_place_result_service(
    browser: Browser, live_server: str, language: str, javascript: bool
) -> None:
    page = phone_page(browser, live_server, javascript=javascript, language=language)
    page.goto(f"{live_server}/?lang={language}")
    assert page.locator("html").get_attribute("lang") == language
    page.locator("a.big").first.click()  # the first topic
    page.wait_for_load_state()
    assert "/search" in page.url and f"lang={language}" in page.url
    page.fill("#near", "BN7")
    page.locator("button[type=submit]").click()
    page.wait_for_load_state()
    rows = page.locator(".result h3 a")
    assert rows.count() > 0
    name = rows.first.inner_text()
    rows.first.click()
    page.wait_for_load_state()
    assert "/s/" in page.url
    assert page.locator("h1").inner_text() == name
    tel = page.locator("a.tel").first
    assert (tel.get_attribute("href") or "").startswith("tel:")
    assert page.locator("html").get_attribute("lang") == language
    only_this_server(page, live_server)
    page.context.close()


def test_language_switch_keeps_the_search(browser: Browser, live_server: str) -> None:
    page = phone_page(browser, live_server, javascript=True, language="en")
    page.goto(f"{live_server}/search?topic=money&near=Leeds&lang=en")
    page.locator("a[hreflang=pl]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "pl"
    assert "near=Leeds" in page.url and "topic=money" in page.url
    page.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_leave_this_page(browser: Browser, live_server: str, javascript: bool) -> None:
    page = phone_page(browser, live_server, javascript=javascript, language="en")
    # The neutral site is answered here: the test machine has no internet.
    page.route(
        f"{LEAVE_URL}**",
        lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"),
    )
    page.goto(f"{live_server}/?lang=en")
    page.goto(f"{live_server}/search?topic=money&lang=en")
    page.locator("#leave").click()
    page.wait_for_url(f"{LEAVE_URL}**")
    assert page.title() == "Weather"
    page.go_back()
    page.wait_for_load_state()
    if javascript:
        # location.replace: the search page is gone from the history; back goes past it.
        assert "/search" not in page.url
    else:
        assert "/search" in page.url  # a plain link, where scripts are off
    page.context.close()


def test_save_contact_downloads_a_vcard(browser: Browser, live_server: str) -> None:
    page = phone_page(browser, live_server, javascript=True, language="en")
    page.goto(f"{live_server}/search?topic=helplines&lang=en")
    page.locator(".result h3 a").first.click()
    page.wait_for_load_state()
    with page.expect_download() as info:
        page.locator("#save").click()
    download = info.value
    path = download.path()
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCARD") and "TEL;TYPE=VOICE:" in text
    only_this_server(page, live_server)
    page.context.close()


def test_no_serious_accessibility_violations_on_any_page_type(
    browser: Browser, live_server: str
) -> None:
    page = phone_page(browser, live_server, javascript=True, language="en")
    page.goto(f"{live_server}/search?topic=visiting&near=BN7&lang=en")
    service = page.locator(".result h3 a").first.get_attribute("href")
    prison = "/prison/LWI?lang=en"
    paths = [
        "/?lang=en",
        "/?lang=el",
        "/search?topic=visiting&lang=en",
        "/search?topic=visiting&near=BN7&lang=cy",
        "/search?topic=visiting&near=Nowhereville&lang=en",
        str(service),
        prison,
        "/about?lang=ro",
        "/s/no-such-thing?lang=en",
    ]
    axe = Axe()
    for path in paths:
        page.goto(f"{live_server}{path}")
        results = axe.run(page)
        bad = [
            (v["id"], v["impact"])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not bad, (path, bad)
    page.context.close()
