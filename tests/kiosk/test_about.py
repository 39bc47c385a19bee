"""The About screen: reached by a tap from home, translated, paged, with the data licences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button

from directory import open_content
from directory.lookup.services import attribution
from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.i18n import Translator
from kiosk.screens.about import AboutScreen, legal_paragraphs
from kiosk.screens.home import HomeScreen
from tests.kiosk.conftest import screen_text, settle

SIZES = [(80, 30), (120, 40)]
MAX_PAGES = 10


def about_text(app: KioskApp) -> str:
    """The text inside the About screen's scrolling area, as it is drawn now."""
    region = app.screen.query_one("#about-text").region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


async def tap(app: KioskApp, pilot: Pilot[None], selector: str) -> None:
    """Tap a button as a person would: a Button ignores a tap while it still shows the last one
    (its 0.2 s "active" effect), so wait for that first."""
    button = app.screen.query_one(selector, Button)
    for _ in range(50):
        if not button.has_class("-active"):
            break
        await pilot.pause(0.05)
    await pilot.click(selector)
    await settle(app, pilot)


async def read_every_page(app: KioskApp, pilot: Pilot[None]) -> list[str]:
    """Tap "More" until it is disabled; the text of each page, as drawn."""
    pages = [about_text(app)]
    for _ in range(MAX_PAGES):
        if app.screen.query_one("#about-next", Button).disabled:
            return pages
        await tap(app, pilot, "#about-next")
        pages.append(about_text(app))
    raise AssertionError(f"more than {MAX_PAGES} pages")


def words(pages: list[str]) -> str:
    """All pages as one line of words (a phrase may be wrapped across lines or pages)."""
    return " ".join(" ".join(pages).split())


async def open_about(app: KioskApp, pilot: Pilot[None], size: tuple[int, int]) -> None:
    """Tap the About button on home, checking it is a big enough target on screen."""
    await settle(app, pilot)
    assert isinstance(app.screen, HomeScreen)
    button = app.screen.query_one("#about", Button)
    region = button.region
    assert region.height >= 3 and region.width >= 12, region
    assert region.right <= size[0] and region.bottom <= size[1], region
    await tap(app, pilot, "#about")
    assert isinstance(app.screen, AboutScreen)
    assert app.screen.data is not None


@pytest.mark.parametrize("size", SIZES)
async def test_about_shows_the_directory_and_its_licences(
    make_app: Callable[..., KioskApp], built_db: Path, size: tuple[int, int]
) -> None:
    with open_content(built_db) as db:
        version = db.version
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_about(app, pilot, size)
        text = screen_text(app)
        assert "About Waypost" in text
        assert "Page 1 of" in text
        for button in app.screen.query(Button):
            region = button.region
            assert region.height >= 3 and region.width >= 12, (button.id, region)
            assert region.bottom <= size[1], (button.id, region)
        pages = await read_every_page(app, pilot)
        assert len(pages) >= 2, "the About text should need paging at this size"
        assert pages[1] != pages[0]
        assert f"Page {len(pages)} of {len(pages)}" in screen_text(app)
        everything = words(pages)
        assert "nothing you type is stored" in everything
        assert f"Directory version {version}" in everything
        assert "Data sources and licences" in everything
        assert "Contains OS data © Crown copyright and database right" in everything
        assert "Open Government Licence" in everything
        assert "GeoNames" in everything and "CC BY 4.0" in everything
        # Back a page works too, and the first page comes back unchanged.
        for _ in range(len(pages) - 1):
            await tap(app, pilot, "#about-previous")
        assert about_text(app) == pages[0]
        assert app.screen.query_one("#about-previous", Button).disabled
        await pilot.click("#about-home")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2


@pytest.mark.parametrize("size", SIZES)
async def test_about_in_greek(make_app: Callable[..., KioskApp], size: tuple[int, int]) -> None:
    greek = Translator("el")
    heading, licences = greek("About Waypost"), greek("Data sources and licences")
    assert heading != "About Waypost" and licences != "Data sources and licences"
    app = make_app(default_language="el")
    async with app.run_test(size=size) as pilot:
        await open_about(app, pilot, size)
        assert str(app.screen.query_one("#about-home", Button).label) == greek("Home")
        text = screen_text(app)
        assert heading in text and "About Waypost" not in text
        everything = words(await read_every_page(app, pilot))
        assert " ".join(licences.split()) in everything
        assert "Data sources and licences" not in everything
        assert "nothing you type is stored" not in everything
        # The legal notices stay as they were written.
        assert "Open Government Licence" in everything and "GeoNames" in everything
        await pilot.click("#about-home")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_language_switch_on_the_about_screen(make_app: Callable[..., KioskApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await open_about(app, pilot, (80, 30))
        await pilot.click("#about-next")
        await settle(app, pilot)
        await pilot.click("#about-language")
        await settle(app, pilot)
        await pilot.click("#lang-ro")
        await settle(app, pilot)
        assert isinstance(app.screen, AboutScreen)
        text = screen_text(app)
        assert Translator("ro")("About Waypost") in text and "About Waypost" not in text
        assert "Pagina 1 din" in text  # redrawn from the first page
        assert "GeoNames" in words(await read_every_page(app, pilot))


async def test_idle_reset_leaves_the_about_screen(
    make_app: Callable[..., KioskApp], clock: ManualClock
) -> None:
    app = make_app(default_language="de")
    async with app.run_test(size=(80, 30)) as pilot:
        await open_about(app, pilot, (80, 30))
        await pilot.click("#about-language")
        await settle(app, pilot)
        await pilot.click("#lang-el")
        await settle(app, pilot)
        assert isinstance(app.screen, AboutScreen) and app.language == "el"
        clock.advance(app.settings.idle_seconds + 1)
        await app.idle_tick()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2
        assert app.language == "de"


def test_legal_paragraphs_keep_every_word(built_db: Path, data_dir: Path) -> None:
    with open_content(built_db) as db:
        text = attribution(db)
    assert text.strip() == (data_dir / "ATTRIBUTION.txt").read_text(encoding="utf-8").strip()
    title, _, rest = text.strip().partition("\n\n")
    assert "\n" not in title  # the file's own English title, replaced by the screen's heading
    paragraphs = legal_paragraphs(text)
    assert len(paragraphs) == rest.count("\n\n") + 1
    assert " ".join(" ".join(paragraphs).split()) == " ".join(rest.split())
    # Each statement ending in a full stop starts its own line.
    assert "Contains Royal Mail data" in [line[:24] for line in paragraphs[0].splitlines()]


def test_legal_paragraphs_keep_a_first_paragraph_that_is_not_a_title() -> None:
    text = "Contains OS data © Crown copyright.\nLicensed under\nthe OGL.\n\nGeoNames, CC BY 4.0."
    assert legal_paragraphs(text) == [
        "Contains OS data © Crown copyright.\nLicensed under the OGL.",
        "GeoNames, CC BY 4.0.",
    ]
