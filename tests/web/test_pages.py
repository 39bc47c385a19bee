"""The phone pages through FastAPI: every page in every language, hostile input, privacy."""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from markupsafe import escape

from directory import build, open_content
from directory.lookup.categories import list_categories
from directory.lookup.services import get_service, helplines
from directory.text.i18n import LANGUAGES
from web.app import create_app
from web.i18n import LOCALE_DIR, from_accept_language
from web.settings import WebSettings
from web.vcard import vcard

TAG = re.compile(r"<[^>]+>")
MAX_BYTES = 30 * 1024
# Words that are the same in English and the language, so not left-over English.
SAME_AS_ENGLISH = {"Email", "Website", "Address", "Cost", "Phone", "Search", "Details"}


def visible(html: str) -> str:
    body = html.split("</style>", 1)[1].split("<script>", 1)[0]
    return " ".join(TAG.sub(" ", body).split())


def text_nodes(html: str) -> set[str]:
    """Each piece of text between tags, as the page shows it (our words are whole nodes)."""
    body = html.split("</style>", 1)[1].split("<script>", 1)[0]
    return {" ".join(part.split()) for part in TAG.split(body) if part.strip()}


def english_messages() -> set[str]:
    with (LOCALE_DIR / "web.pot").open("rb") as fh:
        return {m.id for m in read_po(fh) if m.id and isinstance(m.id, str)}


@pytest.fixture
def ids(built_db: Path) -> dict[str, str]:
    with open_content(built_db) as db:
        helpline = helplines(db, "en", limit=1)[0].service_id
        topic = list_categories(db, "en")[0].key
        prison = db.execute("SELECT nomis FROM prison WHERE status = 'open' LIMIT 1").fetchone()[0]
    return {"service": helpline, "topic": topic, "prison": prison}


def pages(ids: dict[str, str]) -> list[str]:
    return [
        "/",
        f"/search?topic={ids['topic']}",
        f"/search?topic={ids['topic']}&near=Leeds",
        f"/s/{ids['service']}",
        f"/prison/{ids['prison']}",
        "/about",
    ]


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_page_in_every_language_small_private_and_translated(
    client: TestClient, ids: dict[str, str], language: str
) -> None:
    english = {m for m in english_messages() if len(m) > 8 and m not in SAME_AS_ENGLISH}
    for path in pages(ids):
        sep = "&" if "?" in path else "?"
        response = client.get(f"{path}{sep}lang={language}")
        assert response.status_code == 200, path
        html = response.text
        assert len(response.content) <= MAX_BYTES, (path, len(response.content))
        assert f'<html lang="{language}">' in html
        assert "set-cookie" not in response.headers
        assert "default-src 'none'" in response.headers["content-security-policy"]
        title = re.search(r"<title>(.*?)</title>", html, re.S)
        assert title and "prison" not in title.group(1).lower()
        # Nothing is loaded from elsewhere: no external scripts, styles, fonts or images.
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"https?://", html)
        if language != "en":
            nodes = text_nodes(html.replace("&#39;", "'"))
            left = sorted(m for m in english if m in nodes)
            assert not left, (path, left)


def test_the_language_comes_from_the_address_then_the_browser_then_the_site(
    client: TestClient,
) -> None:
    assert '<html lang="pl">' in client.get("/", headers={"Accept-Language": "pl,en;q=0.5"}).text
    assert '<html lang="de">' in client.get("/?lang=de", headers={"Accept-Language": "pl"}).text
    assert '<html lang="en">' in client.get("/", headers={"Accept-Language": "fr, it"}).text
    assert from_accept_language("fr;q=1, el;q=0.4, ro;q=0.9") == "ro"
    assert from_accept_language("es-ES,es;q=0.9") == "es"
    assert from_accept_language("garbage;q=x, *") is None


def test_search_results_local_nearest_first_then_national(
    client: TestClient, built_db: Path
) -> None:
    html = client.get("/search?topic=visiting&near=BN7&lang=en").text
    with open_content(built_db) as db:
        from directory import search_services

        found = search_services(db, near="BN7", category="visiting", language="en", limit=11)
    names = [r.name for r in found.local[:10]]
    positions = [html.find(str(escape(n))) for n in names]
    assert all(p > 0 for p in positions[:3]) and positions[:3] == sorted(positions[:3])
    assert 'href="tel:' in html


def test_search_words_are_read_as_the_kiosk_reads_them(client: TestClient, built_db: Path) -> None:
    html = client.get("/search?q=visits+brixton&lang=en").text
    with open_content(built_db) as db:
        from directory import search_services
        from directory.understanding import read_search

        asked = read_search(db, "visits brixton", language="en")
        found = search_services(
            db, near=asked.place, category=asked.category, text=asked.text, limit=11
        )
    assert asked.category == "visiting" and found.local
    first = str(escape(found.local[0].name))
    assert "Brixton" in first and first in html


def test_a_service_page_has_tel_links_hours_and_save_contact(
    client: TestClient, built_db: Path, ids: dict[str, str]
) -> None:
    html = client.get(f"/s/{ids['service']}?lang=cy").text
    with open_content(built_db) as db:
        detail = get_service(db, ids["service"], "cy")
    digits = re.sub(r"[^\d+]", "", detail.phones[0].number)
    assert f'href="tel:{digits}"' in html
    assert f"/s/{ids['service']}.vcf?lang=cy" in html
    card = client.get(f"/s/{ids['service']}.vcf")
    assert card.headers["content-type"].startswith("text/vcard")
    assert card.text.startswith("BEGIN:VCARD\r\n") and f"TEL;TYPE=VOICE:{digits}" in card.text


def test_vcard_escapes_what_would_break_the_card(built_db: Path, ids: dict[str, str]) -> None:
    with open_content(built_db) as db:
        detail = get_service(db, ids["service"], "en")
    from dataclasses import replace

    hostile = replace(detail, name="A, B; C\\D\nEND:VCARD\nFN:evil", description="x\r\ny")
    card = vcard(hostile)
    lines = card.split("\r\n")
    assert lines.count("END:VCARD") == 1 and "FN:evil" not in lines
    assert "FN:A\\, B\\; C\\\\D END:VCARD FN:evil" in card


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/s/no-such-service", 404),
        ("/s/..%2f..%2fetc%2fpasswd", 404),
        ("/prison/NOPE", 404),
        ("/nowhere", 404),
        ("/?lang=xx", 400),
        ("/search?topic=not-a-topic", 400),
        ("/search?near=" + "a" * 2000, 400),
        ("/search?near=%00%01", 400),
        ("/search?q=%FF%FE%00", 400),
        ("/search?page=-1&topic=visiting", 400),
        ("/search?page=abc", 400),
    ],
)
def test_bad_addresses_get_a_friendly_page_never_a_500(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert "<h1>" in response.text and "Traceback" not in response.text
    assert "content-security-policy" in response.headers


def test_markup_in_the_address_is_never_reflected_as_markup(client: TestClient) -> None:
    attack = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
    html = client.get("/search", params={"q": attack[:90], "near": "Leeds"}).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html or "&#34;" in html or "&lt;img" in html


def test_directory_text_with_markup_is_shown_as_text(data_copy: Path, tmp_path: Path) -> None:
    services = data_copy / "services.csv"
    text = services.read_text(encoding="utf-8")
    first = text.splitlines()[1].split(",")[0]
    name = text.splitlines()[1].split(",")[2]
    hostile = "<img src=x onerror=alert(1)>[ @click=app.quit]"
    services.write_text(text.replace(f",{name},", f",{hostile},", 1), encoding="utf-8")
    db = tmp_path / "hostile.db"
    build(data_copy, db)
    client = TestClient(create_app(WebSettings(db=db, state_db=tmp_path / "s.db")))
    html = client.get(f"/s/{first}").text
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;[ @click=app.quit]" in html


def test_the_access_log_keeps_no_search_words_and_counts_are_anonymous(
    client: TestClient, web_settings: WebSettings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="waypost.web.access"):
        assert client.get("/search?topic=money&near=BN7%202AB&lang=ro").status_code == 200
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "/search" in logged and "BN7" not in logged and "money" not in logged
    rows = (
        sqlite3.connect(web_settings.state_db)
        .execute("SELECT channel, event, keyword, area, language FROM usage_count")
        .fetchall()
    )
    assert ("web", "search", "money", "BN7", "ro") in rows
    assert "2AB" not in repr(rows)


def test_free_text_is_read_like_a_text_message(client: TestClient) -> None:
    # "visits lewes": visiting, near HMP Lewes, as the SMS line and the kiosk read it.
    html = client.get("/search", params={"q": "visits lewes", "lang": "en"}).text
    assert re.search(r"<h2>Near [^<]*Lewes", html), "not understood as a place"
    assert 'href="tel:' in html and "We could not find that place" not in html


def test_a_place_abroad_is_counted_without_an_outward_code(
    client: TestClient, web_settings: WebSettings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert (
            client.get("/search", params={"q": "visitas Madrid", "lang": "es"}).status_code == 200
        )
    assert not [r for r in caplog.records if "usage count failed" in r.getMessage()]
    rows = (
        sqlite3.connect(web_settings.state_db)
        .execute("SELECT channel, event, area, language FROM usage_count")
        .fetchall()
    )
    assert ("web", "search", "", "es") in rows
