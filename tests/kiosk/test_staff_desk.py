"""Staff mode (the volunteers' desk) through the real app with taps: in, out, and its jobs."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from directory import open_content, open_state
from directory.guides.feedback import record_wrong
from directory.releases.publish import generate_signing_key, publish
from directory.state.audit import recent_actions
from directory.state.checks import waiting_checks
from directory.state.usage import record_event
from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.screens.home import HomeScreen
from kiosk.screens.staff.base import StaffMixin
from kiosk.screens.staff.call_list import CallListScreen
from kiosk.screens.staff.health import HealthScreen
from kiosk.screens.staff.home import StaffHomeScreen
from kiosk.screens.staff_exit import StaffExitScreen
from kiosk.widgets.notice import Notice
from tests.kiosk.conftest import PIN, enter_pin, open_desk, screen_text, settle


def _actions(state: Path) -> list[str]:
    conn = open_state(state)
    try:
        return [a.action for a in recent_actions(conn)]
    finally:
        conn.close()


@pytest.fixture
def own_db(built_db: Path, tmp_path: Path) -> Path:
    """A directory this test may change (a standalone site's checks rewrite it)."""
    target = tmp_path / "site" / "directory.db"
    target.parent.mkdir()
    shutil.copyfile(built_db, target)
    return target


async def test_the_gesture_and_pin_open_the_desk_and_leaving_clears_it(
    make_app: Callable[..., KioskApp], state_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        text = screen_text(app)
        for words in ("Print cards and posters", "Call list", "Sync and health", "Close"):
            assert words in text
        await pilot.click("#desk-name")
        await settle(app, pilot)
        for key in "ANN":
            await pilot.click(f"#key-{key.lower()}")
        await pilot.click("#typing-done")
        await settle(app, pilot)
        assert app.staff is not None and app.staff.volunteer == "ANN"
        assert "ANN" in screen_text(app)
        await pilot.click("#desk-leave")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and app.staff is None
        assert not any(isinstance(s, StaffMixin) for s in app.screen_stack)
        assert app.is_running
    assert _actions(state_path)[:2] == ["leave", "enter"]


async def test_f12_and_a_keyboard_pin_open_the_desk_and_close_the_kiosk(
    make_app: Callable[..., KioskApp], state_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen)
        await pilot.press(*PIN, "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        await pilot.press("f12")  # already in staff mode: no second PIN prompt
        await pilot.pause()
        assert isinstance(app.screen, StaffHomeScreen)
        await pilot.click("#desk-close")
        await settle(app, pilot)
    assert app.return_code == 0
    assert "close-kiosk" in _actions(state_path)


async def test_five_wrong_pins_make_the_keypad_wait_longer_each_time(
    make_app: Callable[..., KioskApp], clock: ManualClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await pilot.pause()
        for attempt in range(1, 6):
            await enter_pin(pilot, "1111")
            await pilot.pause()
            notice = app.screen.query_one(Notice).text
            if attempt < 5:
                assert "Wrong PIN" in notice, notice
            else:
                assert "Try again in 30 seconds" in notice, notice
        await enter_pin(pilot)  # the right PIN, too soon: still waiting
        await pilot.pause()
        assert isinstance(app.screen, StaffExitScreen)
        assert "Try again in 30 seconds" in app.screen.query_one(Notice).text
        clock.advance(31)
        await enter_pin(pilot, "1111")  # the sixth wrong one waits twice as long
        await pilot.pause()
        assert "Try again in 60 seconds" in app.screen.query_one(Notice).text
        clock.advance(61)
        await enter_pin(pilot)
        await settle(app, pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        assert app.pin_guard.wrong == 0


async def test_staff_mode_times_out_to_a_fresh_families_home(
    make_app: Callable[..., KioskApp], clock: ManualClock, state_path: Path
) -> None:
    app = make_app(staff_idle_seconds=60)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        await pilot.click("#desk-calls")
        await settle(app, pilot)
        assert isinstance(app.screen, CallListScreen)
        clock.advance(59)
        await app.idle_tick()
        await pilot.pause()
        assert isinstance(app.screen, CallListScreen)  # no "still there?" in staff mode
        clock.advance(2)
        await app.idle_tick()
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 2
        assert app.staff is None
        assert "Welcome" in screen_text(app)
    assert "leave-idle" in _actions(state_path)


async def _first_stale(app: KioskApp, pilot: object) -> tuple[str, str]:
    await pilot.click("#desk-calls")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, CallListScreen) and screen.found is not None
    assert screen.shown, "the fixture directory should have stale entries"
    first = screen.shown[0]
    return first.service_id, first.name


async def test_still_right_on_a_standalone_site_updates_the_directory(
    make_app: Callable[..., KioskApp], own_db: Path, state_path: Path, clock: ManualClock
) -> None:
    app = make_app(db=own_db)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        service_id, _name = await _first_stale(app, pilot)
        before = app.screen.found.count  # type: ignore[attr-defined]
        await pilot.click("#right-0")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CallListScreen) and screen.found is not None
        assert service_id not in {s.service_id for s in screen.shown}
        assert screen.found.count == before - 1
        assert "Saved in this kiosk's directory" in screen_text(app)
    with open_content(own_db) as db:
        assert (
            db.execute("SELECT assured_date FROM service WHERE ref = ?", (service_id,)).fetchone()[
                0
            ]
            == clock.today().isoformat()
        )
    conn = open_state(state_path)
    assert waiting_checks(conn) == []  # applied here: nothing waits for the keepers
    conn.close()
    assert "check-still_right" in _actions(state_path)


async def test_still_right_on_a_syncing_site_waits_for_the_keepers(
    make_app: Callable[..., KioskApp], own_db: Path, state_path: Path
) -> None:
    before = own_db.read_bytes()
    app = make_app(db=own_db, sync_url="https://releases.example.org/waypost/")
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        service_id, _name = await _first_stale(app, pilot)
        assert "Checks waiting for the directory's keepers: 0." in screen_text(app)
        await pilot.click("#right-0")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CallListScreen) and screen.found is not None
        assert service_id not in {s.service_id for s in screen.shown}
        assert screen.found.waiting == 1
        assert "Checks waiting for the directory's keepers: 1." in screen_text(app)
    assert own_db.read_bytes() == before  # the synced file is never edited locally
    conn = open_state(state_path)
    [(_id, check)] = waiting_checks(conn)
    conn.close()
    assert (check.service_id, check.outcome) == (service_id, "still_right")


async def test_sync_now_installs_a_local_signed_release(
    make_app: Callable[..., KioskApp], own_db: Path, tmp_path: Path, built_db: Path
) -> None:
    private, public = generate_signing_key()
    newer = tmp_path / "newer.db"
    shutil.copyfile(built_db, newer)
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE meta SET value = '2099-01-01T00:00:00Z' WHERE key = 'built_at'")
        conn.execute("UPDATE meta SET value = '20990101-desk' WHERE key = 'version'")
    conn.close()
    publish(newer, tmp_path / "release", signing_key=private)
    app = make_app(db=own_db, sync_url=str(tmp_path / "release"), release_public_key=public)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        await pilot.click("#desk-health")
        await settle(app, pilot)
        assert isinstance(app.screen, HealthScreen)
        assert "No sync recorded yet" in screen_text(app)
        await pilot.click("#sync-now")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Installed directory version 20990101-desk" in text
        assert "signature was checked" in text
        assert "Directory version 20990101-desk" in text
    with open_content(own_db) as db:
        assert db.version == "20990101-desk"


class _Health(BaseHTTPRequestHandler):
    answer = (200, b'{"ok": true}')

    def do_GET(self) -> None:
        status, body = self.answer
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.mark.parametrize(
    ("answer", "words"),
    [((200, b'{"ok": true}'), "SMS line: working."), ((503, b'{"ok": false}'), "not answering")],
)
async def test_health_shows_the_local_sms_line_outbox_and_todays_counts(
    make_app: Callable[..., KioskApp],
    state_path: Path,
    clock: ManualClock,
    answer: tuple[int, bytes],
    words: str,
) -> None:
    handler = type("Handler", (_Health,), {"answer": answer})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    conn = open_state(state_path)
    for _ in range(7):
        record_event(conn, "kiosk", "search", day=clock.today())
    record_event(conn, "kiosk", "print", day=clock.today())  # one: "<5", as in the report
    conn.close()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/healthz"
    try:
        app = make_app(sms_health_url=url)
        async with app.run_test(size=(80, 30)) as pilot:
            await open_desk(app, pilot)
            await pilot.click("#desk-health")
            await settle(app, pilot)
            text = screen_text(app)
            assert words in text
            assert "Today: 7 searches, <5 cards printed, <5 texts sent." in text
            assert "Texts waiting to send: 0; failed: 0." in text
            assert "This kiosk does not sync" in text
    finally:
        httpd.shutdown()
        httpd.server_close()


async def test_guide_sections_families_said_were_wrong_head_the_call_list(
    make_app: Callable[..., KioskApp], state_path: Path
) -> None:
    conn = open_state(state_path)
    for _ in range(3):
        record_wrong(conn, "prison", "LWI", "booking", "kiosk")
    record_wrong(conn, "stage", "court", "england", "sms")
    conn.close()
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        await pilot.click("#desk-calls")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Families said these guide sections were wrong" in text
        assert text.index("prison · LWI · booking: 3") < text.index("stage · court · england: 1")
