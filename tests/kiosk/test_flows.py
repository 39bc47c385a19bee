"""The kiosk's flows through the real app and the real directory, with taps only."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button

from directory import open_content
from directory.lookup.services import helplines
from directory.state.outbox_crypto import OutboxCipher
from kiosk.app import KioskApp
from kiosk.screens.detail import DetailScreen
from kiosk.screens.entry import EntryScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.languages import LanguageScreen
from kiosk.screens.results import ResultsScreen
from kiosk.screens.text_me import TextMeScreen
from kiosk.widgets.notice import Notice
from kiosk.widgets.qr_code import QRCode
from tests.kiosk.conftest import screen_text, settle

SIZES = [(80, 30), (120, 40)]


async def tap_keys(pilot: object, text: str) -> None:
    """Type on the on-screen keypad, key by key."""
    for char in text:
        key = "space" if char == " " else char.lower()
        await pilot.click("#space" if char == " " else f"#key-{key}")  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", SIZES)
async def test_home_shows_centre_tiles_languages_and_helplines(
    make_app: Callable[..., KioskApp], built_db: Path, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Lewes Visitor Centre" in text
        assert len(app.screen.query(".tile")) == 15
        for name in ("English", "Español", "Português", "Deutsch", "Ελληνικά", "Română"):
            assert name in text
        with open_content(built_db) as db:
            lines = helplines(db, "en", limit=3)
        assert lines and "Need to talk now?" in text
        for line in lines:
            assert line.phones[0].number in text
        assert app.screen.query_one("#visiting", Button)


@pytest.mark.parametrize("size", SIZES)
async def test_every_button_is_a_big_touch_target(
    make_app: Callable[..., KioskApp], size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for button in app.screen.query(Button):
            region = button.region
            assert region.height >= 3 and region.width >= 12, (button.id, region)
        await pilot.click("#cat-housing")
        await settle(app, pilot)
        for button in app.screen.query(Button):
            region = button.region
            assert region.height >= 3 and region.width >= 12, (button.id, region)
        row = app.screen.query(".result").first()
        assert row.region.height >= 3
        await pilot.click(f"#{row.id}")
        await settle(app, pilot)
        for button in app.screen.query(Button):
            assert button.region.height >= 3 and button.region.width >= 12, button.id
        await pilot.click("#text-me")
        await settle(app, pilot)
        for button in app.screen.query(Button):
            assert button.region.height >= 3 and button.region.width >= 12, button.id


async def test_romanian_housing_near_centre_then_text_it(
    make_app: Callable[..., KioskApp], state_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#lang-ro")
        await settle(app, pilot)
        assert app.language == "ro"
        text = screen_text(app)
        assert "Bun venit" in text and "Aveți nevoie să vorbiți acum?" in text
        await pilot.click("#cat-housing")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        assert screen.results is not None and screen.results.place is not None
        assert "Lewes" in screen.results.place.name
        text = screen_text(app)
        assert "lângă" in text
        row = screen.query(".result").first()
        await pilot.click(f"#{row.id}")
        await settle(app, pilot)
        detail = app.screen
        assert isinstance(detail, DetailScreen) and detail.detail is not None
        assert "housing" in detail.detail.categories
        assert detail.query_one(QRCode)
        await pilot.click("#text-me")
        await settle(app, pilot)
        assert isinstance(app.screen, TextMeScreen)
        assert "Folosim numărul dvs. o singură dată" in screen_text(app)
        await tap_keys(pilot, "07911123456")
        assert app.screen.number == "07911123456"
        await pilot.click("#send")
        await settle(app, pilot)
        assert app.screen.number == ""
        assert "07911" not in screen_text(app)
        assert "Gata" in app.screen.query_one(Notice).text
    conn = sqlite3.connect(state_path)
    rows = conn.execute("SELECT to_number, body, language, origin FROM outbox").fetchall()
    assert len(rows) == 1
    sealed_number, sealed_body, language, origin = rows[0]
    # Stored encrypted (a key from the hash key): nothing of the number or text in clear.
    assert "7911" not in sealed_number and detail.detail.name not in sealed_body
    cipher = OutboxCipher(app.settings.hash_key_bytes or b"")
    number, body = cipher.open(sealed_number), cipher.open(sealed_body)
    assert (number, language, origin) == ("+447911123456", "ro", "kiosk")
    # In GSM-7, as the SMS line sends it (the core's one composer): ș becomes s.
    assert detail.detail.name in body and "Trimis de la chioscul Waypost" in body
    assert "Lewes Visitor Centre" not in body  # the centre is named only if it chooses
    events = dict(
        conn.execute("SELECT event, SUM(count) FROM usage_count GROUP BY event").fetchall()
    )
    assert events["view"] == 1 and events["text"] == 1 and events["search"] >= 1
    # Counts carry no number and no message.
    assert "7911" not in repr(conn.execute("SELECT * FROM usage_count").fetchall())


async def test_text_me_refuses_a_number_that_is_not_a_mobile(
    make_app: Callable[..., KioskApp], state_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#cat-helplines")
        await settle(app, pilot)
        await pilot.click(f"#{app.screen.query('.result').first().id}")
        await settle(app, pilot)
        await pilot.click("#text-me")
        await settle(app, pilot)
        await tap_keys(pilot, "01273")
        await pilot.click("#send")
        await settle(app, pilot)
        assert "UK mobile" in app.screen.query_one(Notice).text
    assert sqlite3.connect(state_path).execute("SELECT COUNT(*) FROM outbox").fetchone() == (0,)


async def test_somewhere_else_keypad_with_suggestions(make_app: Callable[..., KioskApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#elsewhere")
        await settle(app, pilot)
        assert isinstance(app.screen, EntryScreen)
        await tap_keys(pilot, "BRIGHTO")
        await settle(app, pilot)
        labels = [str(b.label) for b in app.screen.query(".suggestion")]
        assert any(label.startswith("Brighton") for label in labels), labels
        await tap_keys(pilot, "N")
        await pilot.click("#search")
        await settle(app, pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.results is not None and app.screen.results.place is not None
        assert "Brighton" in app.screen.results.place.name


async def test_misspelt_place_offers_close_matches(make_app: Callable[..., KioskApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#elsewhere")
        await tap_keys(pilot, "LEWSE")
        await pilot.click("#search")
        await settle(app, pilot)
        assert isinstance(app.screen, EntryScreen)
        assert "could not find" in app.screen.query_one(Notice).text
        labels = [str(b.label) for b in app.screen.query(".suggestion")]
        assert "Lewes" in labels
        await pilot.click(
            "#suggestion-0" if labels[0] == "Lewes" else f"#suggestion-{labels.index('Lewes')}"
        )
        await settle(app, pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.near == "Lewes"


async def test_free_text_search_in_another_language(make_app: Callable[..., KioskApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#words")
        await tap_keys(pilot, "VIVIENDA")
        await pilot.click("#search")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen) and screen.results is not None
        assert screen.results.categories == ["housing"]


async def test_results_page_with_buttons(make_app: Callable[..., KioskApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        # Visiting: the prisons and visiting services around the centre fill several pages
        # (helplines, only those serving the centre's nation, may fit on one).
        await pilot.click("#cat-visiting")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        first = {r.id for r in screen.query(".result")}
        assert first, "the first page of visiting results"
        await pilot.click("#next")
        await pilot.pause()
        second = {r.id for r in app.screen.query(".result")}
        # Visiting needs more than one page at 80x30: the next page shows others.
        assert second and not first & second
        await pilot.click("#previous")
        await pilot.pause()
        assert {r.id for r in app.screen.query(".result")} == first


async def test_language_switch_keeps_your_place(make_app: Callable[..., KioskApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#cat-emotional")
        await settle(app, pilot)
        row = app.screen.query(".result").first()
        await pilot.click(f"#{row.id}")
        await settle(app, pilot)
        service = app.screen.service_id
        assert "What it offers" in screen_text(app)
        await pilot.click("#language")
        await settle(app, pilot)
        await pilot.click("#lang-de")
        await settle(app, pilot)
        assert app.language == "de"
        assert isinstance(app.screen, DetailScreen) and app.screen.service_id == service
        text = screen_text(app)
        assert "Was angeboten wird" in text and "What it offers" not in text
        await pilot.click("#back")
        await settle(app, pilot)
        assert isinstance(app.screen, ResultsScreen) and app.screen.category == "emotional"
        assert "Seite" in screen_text(app)


async def test_visiting_this_prison(make_app: Callable[..., KioskApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#visiting")
        await settle(app, pilot)
        text = screen_text(app)
        assert "HMP & YOI Lewes" in text
        assert "01273 785271" in text  # the booking line from prisons.csv
        assert "Visit times" in text and "14:00-15:30" in text
        for _ in range(5):  # to the costs section, where travel-cost help is listed
            await pilot.click("#next")
            await settle(app, pilot)
        assert "Help with travel costs" in screen_text(app)


async def test_up_and_down_page_the_detail_text_and_language_opens_once(
    make_app: Callable[..., KioskApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#cat-emotional")
        await settle(app, pilot)
        await pilot.click(f"#{app.screen.query('.result').first().id}")
        await settle(app, pilot)
        text = app.screen.query_one("#detail-text", VerticalScroll)
        assert text.max_scroll_y > 0  # taller than the kiosk: the buttons have work to do
        await pilot.click("#down")
        await pilot.pause()
        assert text.scroll_y > 0
        await pilot.click("#up")
        await pilot.pause()
        assert text.scroll_y == 0
        depth = len(app.screen_stack)
        await pilot.click("#language")
        await settle(app, pilot)
        assert isinstance(app.screen, LanguageScreen) and len(app.screen_stack) == depth + 1


async def test_missing_directory_is_a_friendly_message(
    make_app: Callable[..., KioskApp], tmp_path: Path
) -> None:
    app = make_app(db=tmp_path / "missing.db")
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert "Please ask a member of staff" in app.screen.query_one(Notice).text
        await pilot.click("#elsewhere")
        await tap_keys(pilot, "BN7")
        await pilot.click("#search")
        await settle(app, pilot)
        assert app.is_running and app.errors_recovered == 0


async def test_missing_printer_and_failed_text_are_friendly(
    make_app: Callable[..., KioskApp], tmp_path: Path
) -> None:
    state_dir = tmp_path / "state-is-a-folder"
    state_dir.mkdir()
    app = make_app(printer="no-such-queue", state_db=state_dir)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#cat-helplines")
        await settle(app, pilot)
        await pilot.click(f"#{app.screen.query('.result').first().id}")
        await settle(app, pilot)
        await pilot.click("#print")
        await settle(app, pilot)
        assert "printer is not working" in app.screen.query_one(Notice).text
        await pilot.click("#text-me")
        await settle(app, pilot)
        await tap_keys(pilot, "07911123456")
        await pilot.click("#send")
        await settle(app, pilot)
        assert "could not send" in app.screen.query_one(Notice).text
        assert app.screen.number == ""
        assert app.is_running and app.errors_recovered == 0
