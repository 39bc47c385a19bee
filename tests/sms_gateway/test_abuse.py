"""The SMS line under abuse: floods, bursts, near misses, a missing directory, forged requests,
and the place guess kept off the event loop and out of the state transaction."""

from __future__ import annotations

import logging
import re
import shlex
import socket
import sqlite3
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi.testclient import TestClient

from directory import open_state
from directory.db.connections import transaction
from directory.state.ratelimit import count_burst
from sms_gateway.settings import GatewaySettings
from sms_gateway.web.app import create_app
from sms_gateway.web.signature import RejectionLog
from tests.sms_gateway.conftest import make_settings, message_texts, sign, twilio_form
from waypost.cli import cli

REPO = Path(__file__).resolve().parents[2]

DEFAULT_BURST = GatewaySettings.model_fields["burst_texts"].default
PLEASE_WAIT = "Please wait a few minutes before you text again."
SENDER = "+447700900321"


class Phone:
    """One sender texting the real app, with requests signed by Twilio's RequestValidator."""

    def __init__(self, client: TestClient, sender: str = SENDER) -> None:
        self.client = client
        self.sender = sender

    def send(self, body: str, sid: str | None = None) -> list[str]:
        form = twilio_form(body, self.sender, sid)
        response = self.client.post("/sms", data=form, headers={"X-Twilio-Signature": sign(form)})
        assert response.status_code == 200
        return message_texts(response.text)


def _usage(state: Path, event: str) -> int:
    conn = sqlite3.connect(state)
    try:
        row = conn.execute(
            "SELECT coalesce(SUM(count), 0) FROM usage_count WHERE event = ?", (event,)
        ).fetchone()
        return int(row[0])
    finally:
        conn.close()


def test_25_texts_at_once_get_three_answers_one_please_wait_then_silence(
    built_db: Path, state_path: Path
) -> None:
    settings = make_settings(built_db, state_path, burst_texts=DEFAULT_BURST)
    assert settings.burst_texts == 4  # the default
    with TestClient(create_app(settings)) as client:
        phone = Phone(client)
        got = [phone.send("HOUSING BN7") for _ in range(25)]
    answered = [g for g in got if g]
    assert len(answered) == 4, got
    assert all(g and g != [PLEASE_WAIT] for g in got[:3])
    assert got[3] == [PLEASE_WAIT]
    assert all(g == [] for g in got[4:])


def test_the_burst_guard_counts_and_ends(state_path: Path) -> None:
    conn = open_state(state_path)
    seen = []
    for moment in (0, 1, 2, 3, 4, 10, 35, 40, 41, 42, 43):
        with transaction(conn):
            seen.append(count_burst(conn, "h" * 40, float(moment), 4, 30.0))
    conn.close()
    # A 4th text within 30 s warns, the rest of the burst is silent; a text that finds fewer
    # than three others in the 30 s before it ends the burst (at 35 only 10 is that recent),
    # and a new burst gets its own "please wait".
    expected = ["ok", "ok", "ok", "warn", "silent", "silent", "ok", "ok", "ok", "warn", "silent"]
    assert seen == expected


def test_a_near_miss_start_counts_against_the_rate_limit(built_db: Path, state_path: Path) -> None:
    settings = make_settings(built_db, state_path, rate_limit_count=2, burst_texts=50)
    with TestClient(create_app(settings)) as client:
        phone = Phone(client)
        assert phone.send("stop please")  # a near-miss STOP is confirmed once
        assert phone.send("HOUSING BN7") == []  # opted out
        assert phone.send("start please") == [PLEASE_WAIT]  # opted in; the 3rd text
        assert phone.send("start please") == []  # past the limit: no second confirmation
    assert _usage(state_path, "optin") == 1


def test_with_no_directory_replies_still_follow_opt_outs_limits_and_retries(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    with TestClient(create_app(make_settings(built_db, state_path))) as client:
        assert Phone(client, "+447700900111").send("stop please")
    missing = make_settings(
        tmp_path / "no-directory.db", state_path, rate_limit_count=2, burst_texts=4
    )
    with TestClient(create_app(missing)) as client:
        assert Phone(client, "+447700900111").send("HOUSING BN7") == []  # opted out
        phone = Phone(client)
        first = phone.send("HOUSING BN7", sid="SM" + "a" * 32)
        assert first and "not available" in first[0]
        assert phone.send("HOUSING BN7", sid="SM" + "a" * 32) == first  # a retry, not a 2nd
        assert _usage(state_path, "unavailable") == 1
        assert phone.send("HOUSING BN7")
        assert phone.send("HOUSING BN7") == [PLEASE_WAIT]
        assert phone.send("HOUSING BN7") == []


def test_a_forged_flood_is_logged_once_with_a_count(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="sms_gateway")
    for _ in range(30):
        form = twilio_form("HOUSING BN7")
        response = client.post("/sms", data=form, headers={"X-Twilio-Signature": "AAAA"})
        assert response.status_code == 403
    lines = [r for r in caplog.records if "Twilio signature" in r.getMessage()]
    assert len(lines) == 1
    assert "testclient" in lines[0].getMessage()


def test_the_rejection_log_says_how_many_it_left_out(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    log = RejectionLog(logging.getLogger("test.rejections"), clock=lambda: now[0])
    caplog.set_level(logging.WARNING, logger="test.rejections")
    for moment in (0, 1, 2, 3, 59, 61, 62):
        now[0] = float(moment)
        log.note("203.0.113.9")
    log.note("198.51.100.4")
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 3
    assert "203.0.113.9" in messages[0] and "(0 more" in messages[0]
    assert "(4 more" in messages[1]
    assert "198.51.100.4" in messages[2]


def _state_free(state: Path) -> bool:
    conn = sqlite3.connect(state, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()


def test_the_place_guess_runs_off_the_event_loop_outside_the_transaction_and_after_counting(
    built_db: Path, state_path: Path
) -> None:
    settings = make_settings(built_db, state_path, rate_limit_count=1, burst_texts=50)
    seen: list[tuple[str, int, bool]] = []

    def watch(frame: FrameType, event: str, arg: Any) -> None:
        if event != "call":
            return
        code = frame.f_code
        # The guess: the interpreter's, or the place resolver's.
        guessing = code.co_name in ("fuzzy", "_fuzzy", "suggest")
        if guessing and code.co_filename.endswith("places.py"):
            seen.append(("guess", threading.get_ident(), _state_free(state_path)))
        elif code.co_name == "sms_webhook":  # the route, on the event loop
            seen.append(("loop", threading.get_ident(), True))

    threading.setprofile(watch)
    sys.setprofile(watch)
    try:
        with TestClient(create_app(settings)) as client:
            phone = Phone(client)
            phone.send("HOUSING Lewse")  # answered
            phone.send("HOUSING Lewse")  # "please wait" (a STOP in it would still count)
            guessed_for_two = len([kind for kind, _, _ in seen if kind == "guess"])
            for _ in range(3):
                assert phone.send("HOUSING Lewse") == []
    finally:
        threading.setprofile(None)
        sys.setprofile(None)
    loop = {ident for kind, ident, _ in seen if kind == "loop"}
    guesses = [(ident, free) for kind, ident, free in seen if kind == "guess"]
    assert loop and guesses
    assert all(ident not in loop for ident, _ in guesses)  # a worker thread, not the loop
    assert all(free for _, free in guesses)  # no state write transaction open meanwhile
    # Texts 3-5 are past the limit: counted and dropped before they are read, so never guessed.
    assert len(guesses) == guessed_for_two
    assert _usage(state_path, "rate_limited") == 1


def test_the_health_check_reports_a_missing_directory_instead_of_a_restart_loop(
    tmp_path: Path, state_path: Path
) -> None:
    app = create_app(make_settings(tmp_path / "no-directory.db", state_path))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}/healthz"
    try:
        strict = CliRunner().invoke(cli, ["health", url, "--wait", "30"])
        assert strict.exit_code == 1 and "not healthy" in strict.output
        assert "does not exist" in strict.output
        # As the units run it: the gateway is up, so no restart; the journal says why.
        unit = (REPO / "systemd" / "waypost-sms-health.service").read_text()
        argv = shlex.split(re.search(r"^ExecStart=\S+ (.*)$", unit, re.M).group(1))  # type: ignore[union-attr]
        argv[1] = url
        lenient = CliRunner().invoke(cli, argv)
        assert lenient.exit_code == 0, lenient.output
        assert "WARNING" in lenient.stderr and "no directory" in lenient.stderr
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    # A gateway that is down still fails the check (and is restarted).
    down = CliRunner().invoke(cli, [*argv, "--timeout", "2"])
    assert down.exit_code == 1
