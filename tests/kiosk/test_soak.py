"""A soak test: 2,000 random taps and keys at the kiosk's size; it keeps running, memory flat."""

from __future__ import annotations

import asyncio
import gc
import random
from collections.abc import Callable

import psutil
from textual import events
from textual.geometry import Offset

from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.screens.home import HomeScreen
from tests.kiosk.conftest import settle, wait_for_workers

EVENTS = 2_000
WARM_UP = 400
KEYS = ["ctrl+q", "ctrl+c", "ctrl+p", "escape", "ctrl+z", "tab", "enter", "a", "1", "f12", "space"]
MAX_GROWTH_MB = 40


async def tap(app: KioskApp, x: int, y: int) -> None:
    """A tap as the driver delivers it (posted to the app): down, up and click at one spot,
    without waiting for the CPU to go idle between them (Pilot.click does, which is too slow
    for 2,000 taps)."""
    screen = app.screen
    for cls in (events.MouseDown, events.MouseUp, events.Click):
        arguments = dict(
            widget=screen,
            x=x,
            y=y,
            delta_x=0,
            delta_y=0,
            button=1,
            shift=False,
            meta=False,
            ctrl=False,
            screen_x=x,
            screen_y=y,
        )
        if cls is events.Click:
            arguments["chain"] = 1
        app.mouse_position = Offset(x, y)
        app.post_message(cls(**arguments))  # type: ignore[arg-type]
        await asyncio.sleep(0)


async def test_two_thousand_random_taps_and_keys(
    make_app: Callable[..., KioskApp], clock: ManualClock
) -> None:
    rng = random.Random(20250601)
    app = make_app()
    process = psutil.Process()
    baseline = 0.0
    seen: set[str] = set()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        for index in range(EVENTS):
            if rng.random() < 0.85:
                await tap(app, rng.randrange(80), rng.randrange(30))
            else:
                key = rng.choice(KEYS)
                app.post_message(events.Key(key, key if len(key) == 1 else None))
            if index % 2:
                # Every other event lands before the next frame is drawn, as quick double taps
                # do; drawing a frame after every event was most of this test's time.
                await asyncio.sleep(0)
            else:
                await pilot.pause(0)
            if index % 50 == 0:
                await wait_for_workers(app)
            if index % 300 == 299:
                # Now and then the family walks away mid-flow.
                clock.advance(200)
                await app.idle_tick()
            if index == WARM_UP:
                await settle(app, pilot)
                gc.collect()
                baseline = process.memory_info().rss / 2**20
            seen.add(type(app.screen).__name__)
            # The home screen always stays at the bottom of the kiosk's own screens.
            assert len(app.screen_stack) >= 2, f"home screen lost after {index} events"
            assert isinstance(app.screen_stack[1], HomeScreen), app.screen_stack
            assert app.is_running, f"stopped after {index} events"
        await settle(app, pilot)
        gc.collect()
        final = process.memory_info().rss / 2**20
        assert app.is_running
        assert app.errors_recovered == 0
        assert app.return_code is None
    assert final - baseline < MAX_GROWTH_MB, (baseline, final)
    # The random taps really drove the kiosk through its screens.
    assert {"HomeScreen", "ResultsScreen", "DetailScreen", "EntryScreen"} <= seen, seen
