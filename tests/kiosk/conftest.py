"""Kiosk fixtures: the real app on the real directory, with a clock the test moves."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.screens.staff.home import StaffHomeScreen
from kiosk.screens.staff_exit import StaffExitScreen
from kiosk.settings import KioskSettings, hash_pin

PIN = "2468"
SVG = "{http://www.w3.org/2000/svg}"
SVG_LINE = re.compile(r"-line-(\d+)\)$")


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
    """Everything on screen as plain text, each character at its row and column.

    Read back from Textual's own screenshot (an SVG with one <text> per run of characters, on
    the line its clip path names, starting `x` pixels in, `textLength` wide): what a person
    sees, and only that, as on the touchscreen.
    """
    width, height = app.size
    rows: list[list[str]] = [[" "] * width for _ in range(height)]
    # Rich writes this SVG and escapes every character it draws (html.escape), so the
    # directory's text can add no tag or entity to it.
    svg = ElementTree.fromstring(app.export_screenshot())  # noqa: S314
    for node in svg.iter(f"{SVG}text"):
        line = SVG_LINE.search(node.get("clip-path", ""))
        text = (node.text or "").replace("\xa0", " ")  # spaces are written as &#160;
        if line is None or not text or int(line.group(1)) >= height:
            continue  # the window title, not the screen
        column = round(float(node.get("x", 0)) / (float(node.get("textLength", 0)) / len(text)))
        row = rows[int(line.group(1))]
        for char in text:
            if column >= width:
                break
            row[column] = char
            if cell_len(char) == 2 and column + 1 < width:
                row[column + 1] = ""  # a wide character fills two cells
            column += cell_len(char)
    return "\n".join("".join(row) for row in rows)


async def enter_pin(pilot: object, pin: str = PIN) -> None:
    """Tap the PIN on the keypad and unlock."""
    for digit in pin:
        await pilot.click(f"#key-{digit}")  # type: ignore[attr-defined]
    await pilot.click("#unlock")  # type: ignore[attr-defined]


async def open_desk(app: KioskApp, pilot: object) -> None:
    """Open the volunteers' desk as a volunteer does: five taps on the centre's name, the PIN."""
    await settle(app, pilot)  # type: ignore[arg-type]
    for _ in range(5):
        await pilot.click("#centre-name")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, StaffExitScreen)
    await enter_pin(pilot)
    await settle(app, pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, StaffHomeScreen)
