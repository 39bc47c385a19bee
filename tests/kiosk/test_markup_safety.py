"""Directory text is never read as Textual markup, on any kiosk screen (issue 11, item 1).

A directory built from a copy of data/ whose service names, descriptions, opening-hours notes,
organisations, category labels (English and Spanish), the centre's prison, a town and the
attribution all carry markup: `[ @click=app.quit]` (Textual 8 reads a tag that starts with a
space), `[@click=app.quit]`, `[$x]` (an unknown variable: a crash), `[link=file:///etc/passwd]`,
a stray `[/]` and an unclosed `[b`. The real app is driven with taps; every text must show
literally, tapping on it must do nothing (the app keeps running) and no page may crash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button

from directory import build, open_content
from directory.lookup.services import helplines
from kiosk.app import KioskApp
from kiosk.screens.about import AboutScreen
from kiosk.screens.detail import DetailScreen
from kiosk.screens.entry import EntryScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.languages import LanguageScreen
from kiosk.screens.results import ResultsScreen
from kiosk.screens.visiting import VisitingScreen
from kiosk.widgets.helpline_strip import HelplineStrip
from kiosk.widgets.result_row import ResultRow
from tests.hostile_fixture import ALL_TAGS, PRISON_NAME, TAGS, TOWNS, hostile_data
from tests.kiosk.conftest import screen_text, settle

SIZE = (120, 40)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The hostile directory, built once for this module."""
    folder = tmp_path_factory.mktemp("hostile")
    data = hostile_data(folder / "data")
    path = folder / "directory.db"
    build(data, path)
    yield path


def plain(widget: Widget) -> str:
    """The text a widget shows, as the user reads it."""
    if isinstance(widget, Button):
        return widget.label.plain
    visual = widget.visual
    assert isinstance(visual, Content), type(visual)
    return visual.plain


async def tap_where_shown(pilot: Pilot[None], app: KioskApp, needle: str, limit: int = 3) -> int:
    """Tap where the text shows on screen (up to `limit` lines); the kiosk must keep running."""
    taps = 0
    for row, line in enumerate(screen_text(app).splitlines()):
        column = line.find(needle)
        if column >= 0 and taps < limit:
            # Inside the first tag's brackets, where a link or @click would be.
            await pilot.click(offset=(column + 2, row))
            await settle(app, pilot)
            assert app.is_running, f"tapping {needle!r} closed the kiosk"
            taps += 1
    return taps


def assert_unharmed(app: KioskApp) -> None:
    assert app.is_running
    assert app.errors_recovered == 0, "a page crashed (the kiosk reset itself)"


async def tap_keys(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.click(f"#key-{char.lower()}")


async def test_home_results_and_detail_show_markup_literally(
    make_app: Callable[..., KioskApp], hostile_db: Path
) -> None:
    with open_content(hostile_db) as db:
        lines = helplines(db, "en", limit=3)
    app = make_app(db=hostile_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        tiles = list(app.screen.query(".tile").results(Button))
        assert len(tiles) == 15
        labels = [plain(tile) for tile in tiles]
        for tag in TAGS:
            assert any(tag in label for label in labels), (tag, labels)
        strip = plain(app.screen.query_one(HelplineStrip))
        for line in lines:
            assert line.name in strip
            assert any(tag in line.name for tag in TAGS)
        text = screen_text(app)
        assert lines[0].name[:30] in text
        for line in lines:
            await tap_where_shown(pilot, app, line.name[:12])
        assert_unharmed(app)

        # Every tile: the results title shows the full label, rows show names, as written.
        hostile_details = 0
        for index in range(len(tiles)):
            home = app.screen
            assert isinstance(home, HomeScreen)
            tile = list(home.query(".tile").results(Button))[index]
            await pilot.click(f"#{tile.id}")
            await settle(app, pilot)
            results = app.screen
            assert isinstance(results, ResultsScreen), tile.id
            title = plain(results.query_one("#results-title"))
            assert any(tag in title for tag in TAGS), title
            assert results.label in title
            rows = list(results.query(ResultRow))
            for row in rows:
                shown = plain(row)
                assert row.result.name in shown
            if rows and index < len(TAGS):  # a detail page for each tag's category
                await tap_where_shown(pilot, app, rows[0].result.name[:12])
                # The tap opened the service: its details, as written.
                if isinstance(app.screen, DetailScreen):
                    hostile_details += await check_detail(pilot, app)
                    await pilot.click("#back")
                    await settle(app, pilot)
            assert_unharmed(app)
            await pilot.click("#home")
            await settle(app, pilot)
        assert_unharmed(app)
        assert hostile_details >= 4


async def check_detail(pilot: Pilot[None], app: KioskApp) -> bool:
    """Check the details shown; True when they came from the hostile services file."""
    screen = app.screen
    assert isinstance(screen, DetailScreen) and screen.detail is not None
    detail = screen.detail
    shown = plain(screen.query_one("#detail-content"))
    for field in (detail.name, detail.organization, detail.description, detail.hours_note):
        assert field in shown
    assert detail.eligibility in shown and detail.fees in shown
    hostile = ALL_TAGS in detail.description
    if hostile:  # services.csv rows (the prison's own visits entry is built from prisons.csv)
        assert ALL_TAGS in shown
        assert any(tag in detail.hours_note for tag in TAGS)
    for _ in range(2):
        await tap_where_shown(pilot, app, "[", limit=2)
        await pilot.click("#down")
        await pilot.pause()
    assert_unharmed(app)
    return hostile


async def test_visiting_about_and_languages_show_markup_literally(
    make_app: Callable[..., KioskApp], hostile_db: Path
) -> None:
    app = make_app(db=hostile_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.click("#visiting")
        await settle(app, pilot)
        assert isinstance(app.screen, VisitingScreen)
        assert PRISON_NAME in plain(app.screen.query_one("#visiting-content"))
        assert PRISON_NAME in screen_text(app)
        for row in app.screen.query(ResultRow):
            assert row.result.name in plain(row)
        await tap_where_shown(pilot, app, PRISON_NAME[:8])
        assert_unharmed(app)
        await pilot.click("#home")
        await settle(app, pilot)

        await pilot.click("#about")
        await settle(app, pilot)
        assert isinstance(app.screen, AboutScreen)
        assert f"A hostile notice {ALL_TAGS} ends here." in plain(
            app.screen.query_one("#about-content")
        )
        for _ in range(6):
            await tap_where_shown(pilot, app, "[")
            if not app.screen.query_one("#about-next", Button).disabled:
                await pilot.click("#about-next")
                await settle(app, pilot)
        assert_unharmed(app)

        # The language screen over About, then Spanish: labels from the Spanish data.
        await pilot.click("#about-language")
        await settle(app, pilot)
        assert isinstance(app.screen, LanguageScreen)
        await pilot.click("#lang-es")
        await settle(app, pilot)
        await pilot.click("#about-home")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and app.language == "es"
        labels = [plain(tile) for tile in app.screen.query(".tile").results(Button)]
        for tag in TAGS:
            assert any(tag in label for label in labels), (tag, labels)
        await tap_where_shown(pilot, app, "[")
        assert_unharmed(app)


async def test_entry_suggestions_show_markup_literally(
    make_app: Callable[..., KioskApp], hostile_db: Path
) -> None:
    app = make_app(db=hostile_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # Places: both hostile towns are suggested as written, and one leads to results.
        await pilot.click("#elsewhere")
        await settle(app, pilot)
        assert isinstance(app.screen, EntryScreen)
        await tap_keys(pilot, "ZQXVILL")
        await settle(app, pilot)
        shown = [plain(b) for b in app.screen.query(".suggestion").results(Button)]
        assert TOWNS[0] in shown, shown
        await tap_where_shown(pilot, app, TOWNS[0][:6])
        assert_unharmed(app)
        if isinstance(app.screen, EntryScreen):
            await pilot.click(f"#suggestion-{shown.index(TOWNS[0])}")
            await settle(app, pilot)
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert TOWNS[0] in plain(results.query_one("#results-title"))
        assert_unharmed(app)

        # Words: category suggestions carry the labels as written.
        await pilot.click("#words")
        await settle(app, pilot)
        assert isinstance(app.screen, EntryScreen)
        await tap_keys(pilot, "HOUS")
        await settle(app, pilot)
        shown = [plain(b) for b in app.screen.query(".suggestion").results(Button)]
        assert shown and all(any(tag in label for tag in TAGS) for label in shown), shown
        await tap_where_shown(pilot, app, shown[0][:6])
        assert_unharmed(app)
