"""The kiosk's visit guide and stage screens (issue 15), driven with taps only."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from kiosk.app import KioskApp
from kiosk.screens.stages import StageScreen, StagesScreen
from kiosk.screens.visiting import VisitingScreen
from tests.kiosk.conftest import screen_text, settle

# (language, the booking section's title, the last section's title, "This was wrong")
GUIDE = [
    ("en", "Booking a visit", "Your first visit", "This was wrong"),
    ("ro", "Programarea vizitei", "Prima vizită", "Asta era greșit"),
    ("pl", "Rezerwacja wizyty", "Pierwsza wizyta", "To było błędne"),
    ("el", "Κράτηση επίσκεψης", "Η πρώτη σας επίσκεψη", "Αυτό ήταν λάθος"),
]


@pytest.mark.parametrize(("code", "first", "last", "wrong"), GUIDE)
async def test_visit_guide_section_by_section_by_taps(
    make_app: Callable[..., KioskApp], code: str, first: str, last: str, wrong: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click(f"#lang-{code}")
        await settle(app, pilot)
        await pilot.click("#visiting")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, VisitingScreen) and screen.guide is not None
        assert first in screen_text(app) and "01273 785271" in screen_text(app)
        assert wrong in screen_text(app)
        seen = [screen.section.key if screen.section else ""]
        for _ in range(7):
            await pilot.click("#next")
            await settle(app, pilot)
            seen.append(screen.section.key if screen.section else "")
        assert seen == [s.key for s in screen.guide.sections]
        assert last in screen_text(app)
        assert screen.query_one("#next").disabled  # the last section
        await pilot.click("#previous")
        await settle(app, pilot)
        assert screen.section is not None and screen.section.key == "visitor_centre"


async def test_this_was_wrong_is_counted_once_and_anonymously(
    make_app: Callable[..., KioskApp], settings: object
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#visiting")
        await settle(app, pilot)
        await pilot.click("#next")  # ID and what to bring
        await settle(app, pilot)
        await pilot.click("#wrong")
        await settle(app, pilot)
        await pilot.click("#wrong")  # disabled now: a second tap counts nothing
        await settle(app, pilot)
        assert "Thank you" in screen_text(app)
    conn = sqlite3.connect(app.settings.state_db)
    rows = conn.execute("SELECT kind, subject, section, channel, count FROM guide_wrong").fetchall()
    conn.close()
    assert rows == [("prison", "LWI", "bring", "kiosk", 1)]


STAGES = [
    ("en", "What is happening to you?", "At court", "magistrates' court"),
    ("de", "Was passiert gerade?", "Vor Gericht", "Magistrates' Court"),
    ("es", "¿Qué le está pasando?", "En el juzgado", "juzgado de magistrados"),
]


@pytest.mark.parametrize(("code", "question", "title", "words"), STAGES)
async def test_stages_from_home_by_taps(
    make_app: Callable[..., KioskApp], code: str, question: str, title: str, words: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click(f"#lang-{code}")
        await settle(app, pilot)
        await pilot.click("#stages")
        await settle(app, pilot)
        assert isinstance(app.screen, StagesScreen)
        assert question in screen_text(app)
        await pilot.click("#stage-court")
        await settle(app, pilot)
        stage = app.screen
        assert isinstance(stage, StageScreen) and stage.guide is not None
        assert title in screen_text(app) and words in screen_text(app)
        await pilot.click("#back")
        await settle(app, pilot)
        await pilot.click("#nation-scotland")
        await settle(app, pilot)
        await pilot.click("#stage-arrested")
        await settle(app, pilot)
        assert isinstance(app.screen, StageScreen) and app.screen.nation == "scotland"
        assert app.screen.guide is not None and "usembassy" in " ".join(app.screen.guide.sources)
        await pilot.click(f"#help-{app.screen.guide.help_categories[0][0]}")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ResultsScreen"
