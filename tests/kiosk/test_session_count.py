"""The kiosk counts one family session per reset, in its language, as the SMS line counts one
conversation: the report's languages count families, not searches or taps (issue 11, item 8)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.screens.detail import DetailScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.results import ResultsScreen
from kiosk.screens.staff_exit import StaffExitScreen
from tests.kiosk.conftest import PIN, settle


def _counts(state_path: Path) -> dict[tuple[str, str], int]:
    conn = sqlite3.connect(state_path)
    try:
        rows = conn.execute(
            "SELECT event, language, SUM(count) FROM usage_count WHERE channel = 'kiosk'"
            " GROUP BY event, language"
        ).fetchall()
    finally:
        conn.close()
    return {(event, language): count for event, language, count in rows}


async def _walk_away(app: KioskApp, pilot: Pilot[None], clock: ManualClock) -> None:
    clock.advance(app.settings.idle_seconds + 1)
    await app.idle_tick()
    await settle(app, pilot)
    assert isinstance(app.screen, HomeScreen)


async def test_one_session_per_family_in_the_language_it_used(
    make_app: Callable[..., KioskApp], clock: ManualClock, state_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        # A Greek-speaking family: two searches and a detail page, then they walk away.
        await pilot.click("#lang-el")
        await settle(app, pilot)
        for category in ("#cat-housing", "#cat-visiting"):
            await pilot.click(category)
            await settle(app, pilot)
            assert isinstance(app.screen, ResultsScreen)
            await pilot.click("#home")
            await settle(app, pilot)
        await pilot.click("#cat-housing")
        await settle(app, pilot)
        row = app.screen.query(".result").first()
        await pilot.click(f"#{row.id}")
        await settle(app, pilot)
        assert isinstance(app.screen, DetailScreen)
        await _walk_away(app, pilot, clock)
        assert _counts(state_path)[("session", "el")] == 1
        assert _counts(state_path)[("search", "el")] == 3

        # The next family only looks at one page in English; an untouched kiosk counts nothing.
        await pilot.click("#cat-money")
        await settle(app, pilot)
        await _walk_away(app, pilot, clock)
        clock.advance(1000)
        await app.idle_tick()
        await settle(app, pilot)

        # Staff opening the desk with the PIN and leaving it are not a family.
        await pilot.press("f12")
        await settle(app, pilot)
        assert isinstance(app.screen, StaffExitScreen)
        for digit in PIN:
            await pilot.click(f"#key-{digit}")
        await pilot.click("#unlock")
        await settle(app, pilot)
        assert app.staff is not None
        await pilot.click("#desk-leave")
        await settle(app, pilot)
        assert app.staff is None
    counts = _counts(state_path)
    sessions = {k: v for k, v in counts.items() if k[0] == "session"}
    assert sessions == {("session", "el"): 1, ("session", "en"): 1}
