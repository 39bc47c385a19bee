"""The wait after wrong staff PINs survives a restart: pulling the plug gives no free guesses
(issue 11, item 6; kiosk/pin_guard.py keeps the count in the state database)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from directory.db.connections import open_state
from directory.state.pin_tries import pin_tries
from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.pin_guard import PinGuard
from kiosk.screens.staff_exit import StaffExitScreen
from kiosk.settings import KioskSettings
from kiosk.widgets.notice import Notice
from tests.kiosk.conftest import PIN, settle


async def _type_pin(pilot: Pilot[None], pin: str) -> None:
    for digit in pin:
        await pilot.click(f"#key-{digit}")
    await pilot.click("#unlock")


async def _open_pin_screen(app: KioskApp, pilot: Pilot[None]) -> str:
    await settle(app, pilot)
    await pilot.press("f12")
    await settle(app, pilot)
    assert isinstance(app.screen, StaffExitScreen)
    return app.screen.query_one(Notice).text


def _restarted(settings: KioskSettings, seconds_later: float, before: ManualClock) -> KioskApp:
    """A new kiosk process on the same state database, some seconds of wall time later."""
    clock = ManualClock(start=before.seconds + seconds_later, day=before.day)
    return KioskApp(settings, clock=clock, tick_seconds=3600)


async def test_the_wait_after_wrong_pins_survives_a_restart(
    settings: KioskSettings, clock: ManualClock
) -> None:
    app = KioskApp(settings, clock=clock, tick_seconds=3600)
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_pin_screen(app, pilot)
        for _ in range(5):
            await _type_pin(pilot, "1111")
        assert "30 seconds" in app.screen.query_one(Notice).text

    # Pulled the plug, back 5 seconds later: the wait goes on, and the right PIN is refused.
    app = _restarted(settings, 5, clock)
    async with app.run_test(size=(80, 30)) as pilot:
        notice = await _open_pin_screen(app, pilot)
        assert "Too many wrong PINs" in notice and "25 seconds" in notice
        await _type_pin(pilot, PIN)
        await settle(app, pilot)
        assert app.staff is None and isinstance(app.screen, StaffExitScreen)
        assert app.pin_guard.wrong == 5

    # After the wait, one more wrong PIN is the sixth in a row: the wait doubles.
    app = _restarted(settings, 40, clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_pin_screen(app, pilot)
        await _type_pin(pilot, "2222")
        assert "60 seconds" in app.screen.query_one(Notice).text

    # The right PIN after that wait opens staff mode and clears the count for good.
    app = _restarted(settings, 40 + 61, clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_pin_screen(app, pilot)
        await _type_pin(pilot, PIN)
        await settle(app, pilot)
        assert app.staff is not None
    conn = open_state(settings.state_db)
    assert pin_tries(conn).wrong == 0
    conn.close()
    app = _restarted(settings, 200, clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_pin_screen(app, pilot)
        await _type_pin(pilot, "1111")
        assert app.screen.query_one(Notice).text == "! Wrong PIN."


def test_two_guards_on_one_state_file_share_the_count(state_path: Path, pin_hash: str) -> None:
    """Two kiosk processes (the browser variant starts one per page) count the same tries."""
    clock = ManualClock()
    first = PinGuard(clock, pin_hash, state_path)
    second = PinGuard(clock, pin_hash, state_path)
    for guard in (first, second, first, second, first):
        assert not guard.check("1111")
    assert first.wrong == second.wrong == 5
    assert first.wait_left() == second.wait_left() == 30
    clock.advance(30)
    assert second.check(PIN)
    assert first.wrong == 0 and first.wait_left() == 0


def test_a_clock_set_back_never_makes_the_wait_longer(state_path: Path, pin_hash: str) -> None:
    clock = ManualClock(start=1_000_000.0)
    guard = PinGuard(clock, pin_hash, state_path)
    for _ in range(5):
        guard.check("1111")
    later = PinGuard(ManualClock(start=10.0), pin_hash, state_path)  # the clock went back
    assert later.wait_left() == 30
