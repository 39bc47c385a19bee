"""Kiosk fixtures: the real app on the real directory, with a clock the test moves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.settings import KioskSettings, hash_pin

PIN = "2468"


@pytest.fixture(scope="session")
def pin_hash() -> str:
    """A staff PIN hash (few iterations, to keep tests quick)."""
    return hash_pin(PIN, iterations=1000)


@pytest.fixture
def settings(built_db: Path, state_path: Path, pin_hash: str) -> KioskSettings:
    """A demo centre at HMP Lewes."""
    return KioskSettings(
        db=built_db,
        state_db=state_path,
        hash_key="kiosk-tests-hash-key-0123456789",
        texting=True,
        centre_name="Lewes Visitor Centre",
        centre_prison="LWI",
        location="HMP Lewes",
        admin_pin_hash=pin_hash,
        printer="PDF",
    )


@pytest.fixture
def clock() -> ManualClock:
    """A clock that moves only when the test says so."""
    return ManualClock()


@pytest.fixture
def make_app(settings: KioskSettings, clock: ManualClock) -> Callable[..., KioskApp]:
    """Build a kiosk app, optionally with changed settings."""

    def make(**changes: object) -> KioskApp:
        # A long tick: tests call idle_tick() themselves after moving the clock.
        return KioskApp(settings.model_copy(update=changes), clock=clock, tick_seconds=3600)

    return make


async def wait_for_workers(app: KioskApp) -> None:
    """Wait until no worker is running; a worker the app cancelled (a newer one replaced it) is
    the app working as meant, not a failure."""
    for _ in range(50):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            continue


async def settle(app: KioskApp, pilot: Pilot[None]) -> None:
    """Wait for workers and the messages they post."""
    for _ in range(3):
        await pilot.pause()
        await wait_for_workers(app)
    await pilot.pause()


def screen_text(app: KioskApp) -> str:
    """Everything on screen as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)
