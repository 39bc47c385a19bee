"""Lockdown, the staff exit and the idle reset, with an injected clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.screens.entry import EntryScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.staff.home import StaffHomeScreen
from kiosk.screens.staff_exit import StaffExitScreen
from kiosk.screens.still_there import StillThereScreen
from kiosk.settings import check_pin, hash_pin
from kiosk.widgets.notice import Notice
from tests.kiosk.conftest import PIN, screen_text, settle


@pytest.mark.parametrize(
    "key", ["ctrl+q", "ctrl+c", "ctrl+p", "escape", "ctrl+z", "ctrl+backslash", "ctrl+w", "f1"]
)
async def test_quit_keys_leave_the_kiosk_running(
    make_app: Callable[..., KioskApp], key: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        assert app.is_running and isinstance(app.screen, HomeScreen)
        assert app.return_code is None


def test_lockdown_settings() -> None:
    assert KioskApp.ENABLE_COMMAND_PALETTE is False
    assert KioskApp.ALLOW_SELECT is False
    keys = {b.key for b in KioskApp.BINDINGS}  # type: ignore[union-attr]
    assert keys == {"f12"}


async def test_staff_exit_needs_hidden_taps_and_the_pin(
    make_app: Callable[..., KioskApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        for _ in range(4):
            await pilot.click("#centre-name")
        assert not isinstance(app.screen, StaffExitScreen)
        await pilot.click("#centre-name")
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen)
        for digit in "1111":
            await pilot.click(f"#key-{digit}")
        await pilot.click("#unlock")
        await pilot.pause()
        assert app.is_running and "Wrong PIN" in app.screen.query_one(Notice).text
        for digit in PIN:
            await pilot.click(f"#key-{digit}")
        await pilot.click("#unlock")
        await settle(app, pilot)
        assert isinstance(app.screen, StaffHomeScreen)  # the PIN opens staff mode...
        await pilot.click("#desk-close")  # ...where "Close the kiosk" is
        await settle(app, pilot)
    assert app.return_code == 0


async def test_f12_opens_the_pin_prompt_and_cancel_returns(
    make_app: Callable[..., KioskApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen)
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def test_pin_hash_round_trip() -> None:
    stored = hash_pin("2468", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$")
    assert check_pin("2468", stored)
    assert not check_pin("2469", stored)
    assert not check_pin("2468", "garbage")
    assert not check_pin("", stored)


async def test_walking_away_resets_to_home_in_the_default_language(
    make_app: Callable[..., KioskApp], clock: ManualClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#lang-el")
        await settle(app, pilot)
        await pilot.click("#elsewhere")
        await pilot.click("#key-b")
        await pilot.click("#key-n")
        await settle(app, pilot)
        assert isinstance(app.screen, EntryScreen) and app.screen.typed == "BN"
        clock.advance(79)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        clock.advance(2)  # 81 s: the 10 s warning starts at 80 s
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, StillThereScreen)
        assert "Είστε ακόμη εδώ;" in screen_text(app)
        assert "9" in screen_text(app)  # seconds left
        clock.advance(9)
        await app.idle_tick()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2
        assert app.language == "en"
        assert "Welcome" in screen_text(app)
        assert "BN" not in screen_text(app)
        # A fresh, untouched kiosk does not nag an empty room.
        clock.advance(500)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_still_here_keeps_your_place(
    make_app: Callable[..., KioskApp], clock: ManualClock
) -> None:
    app = make_app(idle_seconds=30)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#cat-money")
        await settle(app, pilot)
        clock.advance(25)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, StillThereScreen)
        await pilot.click("#still-here")
        await pilot.pause()
        await app.idle_tick()
        assert app.screen.__class__.__name__ == "ResultsScreen"


async def test_a_tap_left_on_a_screen_the_reset_took_away_does_not_blank_the_kiosk(
    make_app: Callable[..., KioskApp], clock: ManualClock
) -> None:
    # Textual's dismiss pops whatever is on top: a "Back" tap still queued on the results screen
    # when the idle reset removed it would pop the home screen itself (found by the soak test).
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#cat-money")
        await settle(app, pilot)
        results = app.screen
        assert results.__class__.__name__ == "ResultsScreen"
        clock.advance(200)
        await app.idle_tick()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await results.dismiss()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 2
        await pilot.click("#cat-money")
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "ResultsScreen"


async def test_the_reset_brings_back_a_lost_home_screen(
    make_app: Callable[..., KioskApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await app.pop_screen()  # whatever took it away, the next reset must put it back
        assert len(app.screen_stack) == 1
        await app.reset_session()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 2
        assert "Welcome" in screen_text(app)


def test_idle_seconds_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from directory.settings import load_settings
    from kiosk.settings import KioskSettings

    monkeypatch.setenv("WAYPOST_IDLE_SECONDS", "30")
    monkeypatch.setenv("WAYPOST_DEFAULT_LANGUAGE", "ro")
    settings = load_settings(KioskSettings)
    assert settings.idle_seconds == 30 and settings.default_language == "ro"
