"""Safe by default (issue 11, items 2 and 6): texting only where texts are sent, secrets never
in a file every user can read, the demo's public PIN and key only in a demo, and a growing wait
after wrong staff PINs."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory.settings import PublicSecrets, load_settings, read_config
from kiosk.app import KioskApp
from kiosk.clock import ManualClock
from kiosk.screens.detail import DetailScreen
from kiosk.screens.staff_exit import StaffExitScreen
from kiosk.settings import KioskSettings
from kiosk.widgets.notice import Notice
from kiosk.widgets.result_row import ResultRow
from tests.kiosk.conftest import PIN, screen_text, settle
from waypost.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONFIG = ROOT / "config" / "demo-kiosk.toml"


async def _open_a_detail(app: KioskApp, pilot: object) -> DetailScreen:
    await settle(app, pilot)  # type: ignore[arg-type]
    await pilot.click("#cat-housing")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    row = app.screen.query(ResultRow).first()
    await pilot.click(f"#{row.id}")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, DetailScreen) and app.screen.detail is not None
    return app.screen


@pytest.mark.parametrize("texting", [False, True])
async def test_text_me_only_where_texting_is_switched_on(
    make_app: Callable[..., KioskApp], texting: bool
) -> None:
    # Both kiosks have a hash key (the installer writes one everywhere): only the explicit
    # setting, written by `install --send-texts`, shows the button.
    app = make_app(texting=texting)
    async with app.run_test(size=(80, 30)) as pilot:
        screen = await _open_a_detail(app, pilot)
        assert bool(screen.query("#text-me")) is texting
        assert ("Text me this" in screen_text(app)) is texting


async def _text_me(app: KioskApp, pilot: object, number: str) -> str:
    await pilot.click("#text-me")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    for digit in number:
        await pilot.click(f"#key-{digit}")  # type: ignore[attr-defined]
    await pilot.click("#send")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    shown = app.screen.query_one(Notice).text
    await pilot.click("#cancel")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    return shown


async def test_texts_are_capped_per_family_session(
    make_app: Callable[..., KioskApp], state_path: Path
) -> None:
    app = make_app(texts_per_session=1)
    async with app.run_test(size=(80, 30)) as pilot:
        await _open_a_detail(app, pilot)
        assert "Done" in await _text_me(app, pilot, "07400900301")
        assert "no more texts" in await _text_me(app, pilot, "07400900302")
        # The next family (after the idle reset) may text again.
        await app.reset_session()
        await _open_a_detail(app, pilot)
        assert "Done" in await _text_me(app, pilot, "07400900303")
    conn = sqlite3.connect(state_path)
    assert conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2
    conn.close()


def test_texting_is_off_by_default_and_needs_the_key(built_db: Path) -> None:
    assert KioskSettings(db=built_db, hash_key="a-real-key-0123456789abcdef").texting is False
    with pytest.raises(ValueError, match="texting = true needs hash_key"):
        KioskSettings(db=built_db, texting=True)


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        ('hash_key = "k-0123456789abcdef0123456789"\n', "hash_key"),
        (
            '[sms]\ntwilio_auth_token = "0123456789abcdef0123456789abcdef"\n',
            "sms.twilio_auth_token",
        ),
        ('[release]\nrelease_signing_key = "x"\n', "release.release_signing_key"),
    ],
)
def test_a_secret_in_a_world_readable_config_is_refused(
    tmp_path: Path, toml: str, named: str
) -> None:
    config = tmp_path / "waypost.toml"
    config.write_text('centre_name = "Test"\n' + toml)
    config.chmod(0o644)
    with pytest.raises(PublicSecrets, match=named) as caught:
        read_config(config, "kiosk")
    assert "credentials" in str(caught.value) and "WAYPOST_" in str(caught.value)
    config.chmod(0o640)  # readable by the owner and the waypost group only: fine
    assert read_config(config, "kiosk")["centre_name"] == "Test"
    # Without secrets a world-readable config is fine (the installer's is 0644).
    config.write_text('centre_name = "Test"\n')
    config.chmod(0o644)
    assert read_config(config)["centre_name"] == "Test"


def test_the_command_line_says_where_secrets_go(tmp_path: Path, built_db: Path) -> None:
    config = tmp_path / "waypost.toml"
    config.write_text('hash_key = "k-0123456789abcdef0123456789"\n')
    config.chmod(0o604)
    result = CliRunner().invoke(cli, ["--config", str(config), "kiosk", "--check"])
    assert result.exit_code == 2
    assert "every user" in result.output and "hash_key" in result.output
    assert "Traceback" not in result.output


def test_the_demo_pin_and_key_only_in_a_demo(built_db: Path, tmp_path: Path) -> None:
    # A private copy of the demo config: refused for its public key and PIN, not its mode.
    private = tmp_path / "demo.toml"
    private.write_text(DEMO_CONFIG.read_text())
    private.chmod(0o600)
    with pytest.raises(ValueError, match="hash_key is the public demo key"):
        load_settings(KioskSettings, private, "kiosk", db=built_db)
    keyless = tmp_path / "demo-pin-only.toml"
    keyless.write_text(
        "\n".join(line for line in DEMO_CONFIG.read_text().splitlines() if "hash_key" not in line)
    )
    with pytest.raises(ValueError, match="admin_pin_hash is the published demo PIN"):
        load_settings(KioskSettings, keyless, "kiosk", db=built_db)
    # A demo takes the repository's (world-readable) demo config as it is.
    settings = load_settings(KioskSettings, DEMO_CONFIG, "kiosk", db=built_db, demo=True)
    assert settings.demo and settings.hash_key is not None
    # And through the command line: refused without --demo, one clear line.
    result = CliRunner().invoke(
        cli, ["--config", str(private), "kiosk", "--check", "--db", str(built_db)]
    )
    assert result.exit_code == 2 and "--demo" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(
        cli, ["--config", str(DEMO_CONFIG), "kiosk", "--check", "--demo", "--db", str(built_db)]
    )
    assert result.exit_code == 0, result.output


async def test_a_demo_kiosk_says_demo(make_app: Callable[..., KioskApp]) -> None:
    app = make_app(demo=True)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        assert "DEMO" in screen_text(app)
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        assert "DEMO" not in screen_text(app)


async def _type_pin(pilot: object, pin: str) -> None:
    for digit in pin:
        await pilot.click(f"#key-{digit}")  # type: ignore[attr-defined]
    await pilot.click("#unlock")  # type: ignore[attr-defined]


async def test_wrong_pins_bring_a_growing_wait(
    make_app: Callable[..., KioskApp], clock: ManualClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await settle(app, pilot)
        assert isinstance(app.screen, StaffExitScreen)
        for _ in range(4):
            await _type_pin(pilot, "1111")
            assert app.screen.query_one(Notice).text == "! Wrong PIN."
        await _type_pin(pilot, "1111")  # the fifth wrong PIN
        notice = app.screen.query_one(Notice).text
        assert "Too many wrong PINs" in notice and "30 seconds" in notice
        # While the wait runs, even the right PIN is not checked.
        await _type_pin(pilot, PIN)
        assert app.is_running and "Too many wrong PINs" in app.screen.query_one(Notice).text
        # Leaving and coming back does not clear the wait; the screen counts it down.
        await pilot.click("#cancel")
        await settle(app, pilot)
        clock.advance(10)
        await pilot.press("f12")
        await settle(app, pilot)
        assert "20 seconds" in app.screen.query_one(Notice).text
        clock.advance(21)
        await _type_pin(pilot, "2222")  # the sixth: the wait doubles
        assert "60 seconds" in app.screen.query_one(Notice).text
        clock.advance(61)
        await _type_pin(pilot, PIN)
        await settle(app, pilot)
        assert app.staff is not None  # the right PIN, after the wait, opens staff mode
        assert app.pin_guard.wrong == 0
