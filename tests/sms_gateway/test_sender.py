"""The outbox sender against a local server answering as Twilio's Messages endpoint does.

The real twilio Client sends real HTTP; nothing of ours is patched.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory.db.connections import open_state
from directory.state.optouts import opt_out
from directory.state.outbox import enqueue_text
from directory.state.outbox_crypto import OutboxCipher
from directory.state.privacy import hash_sender
from sms_gateway.gsm import count_segments
from sms_gateway.replies import PAGE_SEGMENTS
from sms_gateway.sender import BACKOFF_SECONDS, drain, make_client
from sms_gateway.settings import GatewaySettings
from tests.sms_gateway.conftest import HASH_KEY, TOKEN, make_settings, state_rows
from tests.sms_gateway.fake_twilio import ACCOUNT_SID, FakeTwilio, fake_twilio
from waypost.cli import cli

KEY = HASH_KEY.encode()
FROM = "+447400900999"
OK, OPTED_OUT, INVALID, FLAKY = "+447400900101", "+447400900102", "+447400900103", "+447400900104"
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    """The fake Messages endpoint on a free loopback port."""
    with fake_twilio() as fake:
        yield fake


def sender_settings(built_db: Path, state: Path, api_base: str, **extra: object) -> GatewaySettings:
    """Settings for the sender, pointed at a local Messages endpoint."""
    return make_settings(
        built_db,
        state,
        twilio_account_sid=ACCOUNT_SID,
        sms_from=FROM,
        twilio_api_base=api_base,
        **extra,
    )


@pytest.fixture
def conn(state_path: Path) -> Iterator[sqlite3.Connection]:
    """The migrated state database."""
    connection = open_state(state_path)
    yield connection
    connection.close()


def outbox(state: Path) -> dict[int, tuple[object, ...]]:
    """id -> (status, to_number, body, error_code, attempts, provider_sid, segments), the number
    and the body opened (they are stored encrypted)."""
    rows = state_rows(
        state,
        "SELECT id, status, to_number, body, error_code, attempts, provider_sid, segments"
        " FROM outbox",
    )
    cipher = OutboxCipher(KEY)

    def opened(value: object) -> object:
        return cipher.open(str(value)) if value is not None else None

    return {int(str(r[0])): (r[1], opened(r[2]), opened(r[3]), *r[4:]) for r in rows}


def leaked(state: Path, number: str) -> bool:
    """True if any form of the number is in the state database's files (WAL included)."""
    raw = b"".join(p.read_bytes() for p in state.parent.glob(state.name + "*"))
    return number.lstrip("+").encode() in raw or number[-6:].encode() in raw


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sent_and_abandoned_texts_erase_number_and_body(
    twilio: FakeTwilio,
    built_db: Path,
    state_path: Path,
    conn: sqlite3.Connection,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    twilio.script = {OPTED_OUT: [21610], INVALID: [21211]}
    ids = {
        number: enqueue_text(
            conn, number, f"Visits at Lewes: 01273 785271 ({number[-3:]})", hash_key=KEY, now=T0
        )
        for number in (OK, OPTED_OUT, INVALID)
    }
    settings = sender_settings(built_db, state_path, twilio.base_url)
    report = drain(conn, make_client(settings), settings, now=T0)
    assert (report.sent, report.failed, report.retried) == (1, 2, 0)
    assert sorted(report.failures) == ["21211", "21610"]
    rows = outbox(state_path)
    sent = rows[ids[OK]]
    assert sent[0] == "sent" and sent[1] is None and sent[2] is None
    assert str(sent[5]).startswith("SM") and sent[6] == 1
    assert rows[ids[OPTED_OUT]][:4] == ("failed", None, None, "21610")
    assert rows[ids[INVALID]][:4] == ("failed", None, None, "21211")
    # What Twilio received: to the right number, from our number, with the account's auth.
    assert [r.form["To"] for r in twilio.received] == [OK, OPTED_OUT, INVALID]
    assert all(r.form["From"] == FROM and r.user == ACCOUNT_SID for r in twilio.received)
    assert all(
        r.path == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json" for r in twilio.received
    )
    # Nothing of any number anywhere afterwards: not the database, not the logs.
    conn.close()
    for number in (OK, OPTED_OUT, INVALID):
        assert not leaked(state_path, number)
        assert number[-6:] not in caplog.text
    assert "21610" in caplog.text  # the failure itself is logged, by its code


def test_server_error_and_refused_connection_retry_with_backoff(
    twilio: FakeTwilio, built_db: Path, state_path: Path, conn: sqlite3.Connection
) -> None:
    twilio.script = {FLAKY: [500]}
    flaky = enqueue_text(conn, FLAKY, "Money help: 01632 960001", hash_key=KEY, now=T0)
    settings = sender_settings(built_db, state_path, twilio.base_url)
    client = make_client(settings)
    report = drain(conn, client, settings, now=T0)
    assert (report.sent, report.retried) == (0, 1)
    assert outbox(state_path)[flaky][:2] == ("queued", FLAKY)
    # Not due again until the backoff has passed.
    early = T0 + timedelta(seconds=BACKOFF_SECONDS - 1)
    assert drain(conn, client, settings, now=early).retried == 0 and len(twilio.received) == 1
    later = T0 + timedelta(seconds=BACKOFF_SECONDS + 1)
    assert drain(conn, client, settings, now=later).sent == 1
    assert outbox(state_path)[flaky][:3] == ("sent", None, None)
    assert len(twilio.received) == 2

    # Nothing listening: a network error is retried, each wait twice the last.
    refused = sender_settings(
        built_db, state_path, f"http://127.0.0.1:{free_port()}", outbox_max_attempts=3
    )
    down = enqueue_text(conn, OK, "Housing: 01632 960002", hash_key=KEY, now=T0)
    client = make_client(refused)
    now = T0
    waits = []
    for _ in range(2):
        assert drain(conn, client, refused, now=now).retried == 1
        (due,) = state_rows(state_path, f"SELECT next_attempt_at FROM outbox WHERE id = {down}")
        next_at = datetime.strptime(str(due[0]), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        waits.append((next_at - now).total_seconds())
        now = next_at
    assert waits == [BACKOFF_SECONDS, 2 * BACKOFF_SECONDS]
    report = drain(conn, client, refused, now=now)  # the third try is the last
    assert report.failures == ["gave-up"]
    assert outbox(state_path)[down][:3] == ("failed", None, None)


def test_text_sent_is_sanitised_and_within_budget(
    twilio: FakeTwilio, built_db: Path, state_path: Path, conn: sqlite3.Connection
) -> None:
    body = ("Locuință: „Asociația” – sprijin pentru familii… " * 12).strip()
    assert count_segments(body).encoding == "UCS-2"
    enqueue_text(conn, OK, body, hash_key=KEY, language="ro", now=T0)
    settings = sender_settings(built_db, state_path, twilio.base_url)
    assert drain(conn, make_client(settings), settings, now=T0).sent == 1
    sent = twilio.received[0].form["Body"]
    counted = count_segments(sent)
    assert counted.encoding == "GSM-7" and counted.segments <= PAGE_SEGMENTS
    assert sent.startswith('Locuinta: "Asociatia" - sprijin')
    assert "ț" not in sent and "…" not in sent


def test_an_opted_out_recipient_is_not_texted(
    twilio: FakeTwilio, built_db: Path, state_path: Path, conn: sqlite3.Connection
) -> None:
    queued = enqueue_text(conn, OK, "Visits: 01273 785271", hash_key=KEY, now=T0)
    with conn:
        opt_out(conn, hash_sender(OK, KEY), "exact", T0.timestamp())
    settings = sender_settings(built_db, state_path, twilio.base_url)
    report = drain(conn, make_client(settings), settings, now=T0)
    assert report.failures == ["opted-out"] and twilio.received == []
    assert outbox(state_path)[queued][:4] == ("failed", None, None, "opted-out")


def test_send_outbox_command(
    twilio: FakeTwilio, built_db: Path, state_path: Path, conn: sqlite3.Connection, tmp_path: Path
) -> None:
    queued = enqueue_text(conn, OK, "Visits: 01273 785271", hash_key=KEY, origin="kiosk")
    env = {
        "WAYPOST_CONFIG": str(tmp_path / "none.toml"),
        "WAYPOST_TWILIO_AUTH_TOKEN": TOKEN,
        "WAYPOST_HASH_KEY": HASH_KEY,
        "WAYPOST_TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "WAYPOST_SMS_FROM": FROM,
        "WAYPOST_TWILIO_API_BASE": twilio.base_url,
    }
    args = ["sms", "send-outbox", "--once", "--state-db", str(state_path)]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "sent 1, failed 0, to retry 0"
    assert outbox(state_path)[queued][:3] == ("sent", None, None)
    assert OK[-6:] not in result.output

    missing = CliRunner().invoke(cli, args, env={**env, "WAYPOST_SMS_FROM": None})
    assert missing.exit_code == 2
    assert "WAYPOST_SMS_FROM" in missing.output and "Traceback" not in missing.output
