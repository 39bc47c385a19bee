"""Pinned screenshots of the kiosk's main screens, on the real directory, with time frozen.

The app's clock is a ManualClock (a fixed date, no idle ticks), the kiosk has no text cursor,
and Textual and Rich are pinned exactly, so a screenshot only changes when a screen or the data
does. After a deliberate change, look at the new screens and update them with
`pytest tests/kiosk/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from kiosk.app import KioskApp
from kiosk.screens.detail import DetailScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.results import ResultsScreen
from tests.kiosk.conftest import settle

SnapCompare = Callable[..., bool]


async def _home(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, KioskApp)
    await settle(app, pilot)
    assert isinstance(app.screen, HomeScreen) and app.screen.data is not None


async def _results(pilot: Pilot[None]) -> None:
    await _home(pilot)
    await pilot.click("#cat-housing")
    app = pilot.app
    assert isinstance(app, KioskApp)
    await settle(app, pilot)
    assert isinstance(app.screen, ResultsScreen) and app.screen.results is not None


async def _detail(pilot: Pilot[None]) -> None:
    await _results(pilot)
    app = pilot.app
    assert isinstance(app, KioskApp)
    await pilot.click(f"#{app.screen.query('.result').first().id}")
    await settle(app, pilot)
    assert isinstance(app.screen, DetailScreen) and app.screen.detail is not None


@pytest.mark.parametrize("size", [(80, 30), (120, 40)], ids=["80x30", "120x40"])
def test_home_screen(
    snap_compare: SnapCompare, make_app: Callable[..., KioskApp], size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=_home)


@pytest.mark.parametrize(
    ("name", "steps"), [("results", _results), ("detail", _detail)], ids=["results", "detail"]
)
def test_screens_at_kiosk_size(
    snap_compare: SnapCompare,
    make_app: Callable[..., KioskApp],
    name: str,
    steps: Callable[[Pilot[None]], Awaitable[None]],
) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 30), run_before=steps), name


def test_home_screen_in_greek(snap_compare: SnapCompare, make_app: Callable[..., KioskApp]) -> None:
    assert snap_compare(make_app(default_language="el"), terminal_size=(80, 30), run_before=_home)
