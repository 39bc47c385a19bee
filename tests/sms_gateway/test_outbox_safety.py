"""Nothing kept that will never be sent (issue 11, item 2): the outbox's number checks, caps,
encryption at rest, expiry, health, Twilio's opt-out error and the provider id recorded first.

Real state database files, the real twilio Client against a local Messages endpoint.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from directory.db.connections import open_state
from directory.state.optouts import is_opted_out
from directory.state.outbox import (
    NumberRefused,
    TextCaps,
    TextLimitReached,
    claim_due,
    enqueue_text,
    erase_stale,
    record_provider_id,
)
from directory.state.privacy import hash_sender
from sms_gateway.sender import drain, make_client
from tests.sms_gateway.conftest import HASH_KEY, make_settings, state_rows
from tests.sms_gateway.fake_twilio import ACCOUNT_SID, FakeTwilio, fake_twilio
from waypost.cli import cli

KEY = HASH_KEY.encode()
MOBILE, OTHER, GUERNSEY = "+447400900201", "+447400900202", "+447911123456"
SPANISH_MOBILE = "+34612345678"
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def conn(state_path: Path) -> Iterator[sqlite3.Connection]:
    connection = open_state(state_path)
    yield connection
    connection.close()


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    with fake_twilio() as fake:
        yield fake


def on_disk(state: Path) -> bytes:
    """Every byte of the state database's files, WAL included."""
    return b"".join(p.read_bytes() for p in state.parent.glob(state.name + "*"))


def status(state: Path, outbox_id: int) -> tuple[object, ...]:
    return state_rows(
        state,
        "SELECT status, to_number, body, error_code, provider_sid FROM outbox"
        f" WHERE id = {int(outbox_id)}",
    )[0]


@pytest.mark.parametrize(
    ("number", "regions", "ok"),
    [
        (MOBILE, ("GB",), True),
        ("07400 900201", ("GB",), True),
        (GUERNSEY, ("GB",), True),  # +44 serves the Crown Dependencies too
        ("01273 785271", ("GB",), False),  # a landline
        ("0800 1111", ("GB",), False),
        (SPANISH_MOBILE, ("GB",), False),  # not unless the centre chooses Spain
        (SPANISH_MOBILE, ("GB", "ES"), True),
        ("not a number", ("GB",), False),
    ],
)
def test_enqueue_accepts_mobiles_of_the_chosen_countries_only(
    conn: sqlite3.Connection, number: str, regions: tuple[str, ...], ok: bool
) -> None:
    if ok:
        assert enqueue_text(conn, number, "Visits", hash_key=KEY, regions=regions, now=T0) > 0
    else:
        with pytest.raises(NumberRefused):
            enqueue_text(conn, number, "Visits", hash_key=KEY, regions=regions, now=T0)
        assert state_rows_count(conn) == 0


def state_rows_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])


def test_caps_per_number_a_day_and_per_origin_an_hour(conn: sqlite3.Connection) -> None:
    caps = TextCaps(per_number_per_day=2, per_origin_per_hour=3)
    for minute in range(2):
        enqueue_text(conn, MOBILE, "x", hash_key=KEY, caps=caps, now=T0 + timedelta(minutes=minute))
    with pytest.raises(TextLimitReached) as caught:
        enqueue_text(conn, MOBILE, "x", hash_key=KEY, caps=caps, now=T0 + timedelta(minutes=5))
    assert caught.value.which == "number"
    enqueue_text(conn, OTHER, "x", hash_key=KEY, caps=caps, now=T0 + timedelta(minutes=6))
    with pytest.raises(TextLimitReached) as caught:
        enqueue_text(conn, GUERNSEY, "x", hash_key=KEY, caps=caps, now=T0 + timedelta(minutes=7))
    assert caught.value.which == "origin"
    # Another origin has its own hourly cap; an hour later this one may text again.
    enqueue_text(conn, GUERNSEY, "x", hash_key=KEY, caps=caps, origin="kiosk-2", now=T0)
    enqueue_text(conn, GUERNSEY, "x", hash_key=KEY, caps=caps, now=T0 + timedelta(minutes=61))
    # The next day the number may be texted again.
    enqueue_text(conn, MOBILE, "x", hash_key=KEY, caps=caps, now=T0 + timedelta(days=1, hours=1))


def test_number_and_text_are_encrypted_at_rest(conn: sqlite3.Connection, state_path: Path) -> None:
    body = "Pact visits help: 0808 808 2003 (Zqx-marker)"
    outbox_id = enqueue_text(conn, MOBILE, body, hash_key=KEY, now=T0)
    raw = on_disk(state_path)
    assert b"Zqx-marker" not in raw and b"900201" not in raw
    stored = status(state_path, outbox_id)
    assert str(stored[1]).startswith("f1:") and str(stored[2]).startswith("f1:")
    # Another site's key opens nothing: the row is dropped, never sent garbled.
    assert claim_due(conn, now=T0, hash_key=b"another-site-key-000000000") == []
    assert status(state_path, outbox_id)[:4] == ("failed", None, None, "unreadable")
    # With the right key the sender gets them back.
    second = enqueue_text(conn, OTHER, body, hash_key=KEY, now=T0)
    claimed = claim_due(conn, now=T0, hash_key=KEY)
    assert [(c.id, c.to_number, c.body) for c in claimed] == [(second, OTHER, body)]


def test_the_sender_erases_texts_too_old_to_send(
    twilio: FakeTwilio, built_db: Path, state_path: Path, conn: sqlite3.Connection
) -> None:
    old = enqueue_text(conn, MOBILE, "Visits", hash_key=KEY, now=T0)
    fresh = enqueue_text(conn, OTHER, "Visits", hash_key=KEY, now=T0 + timedelta(minutes=50))
    settings = make_settings(
        built_db,
        state_path,
        twilio_account_sid=ACCOUNT_SID,
        sms_from="+447400900999",
        twilio_api_base=twilio.base_url,
    )
    report = drain(conn, make_client(settings), settings, now=T0 + timedelta(minutes=61))
    assert (report.expired, report.sent) == (1, 1)
    assert status(state_path, old)[:4] == ("failed", None, None, "expired")
    assert [r.form["To"] for r in twilio.received] == [OTHER]
    assert status(state_path, fresh)[0] == "sent"


def test_the_timer_command_erases_old_texts_and_health_reports_a_stuck_queue(
    conn: sqlite3.Connection, state_path: Path, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    stuck = enqueue_text(conn, MOBILE, "Visits", hash_key=KEY, now=now - timedelta(minutes=20))
    runner = CliRunner()
    health = runner.invoke(cli, ["health", "--outbox", "--state-db", str(state_path)])
    assert health.exit_code == 1 and "1 text(s) waiting more than 600 s" in health.output
    # Twenty minutes is stale for health, but not yet old enough to erase.
    expire = runner.invoke(cli, ["state", "expire-outbox", "--state-db", str(state_path)])
    assert expire.exit_code == 0 and "Erased 0" in expire.output
    conn.execute(
        "UPDATE outbox SET created_at = ? WHERE id = ?",
        ((now - timedelta(minutes=61)).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), stuck),
    )
    conn.commit()
    expire = runner.invoke(cli, ["state", "expire-outbox", "--state-db", str(state_path)])
    assert expire.exit_code == 0 and "Erased 1" in expire.output, expire.output
    assert status(state_path, stuck)[:4] == ("failed", None, None, "expired")
    health = runner.invoke(cli, ["health", "--outbox", "--state-db", str(state_path)])
    assert health.exit_code == 0 and "outbox: OK" in health.output


def test_healthz_reports_a_stale_queue(client: TestClient, conn: sqlite3.Connection) -> None:
    assert client.get("/healthz").json()["outbox"]["stale"] == 0
    enqueue_text(conn, MOBILE, "x", hash_key=KEY, now=datetime.now(UTC) - timedelta(minutes=15))
    answer = client.get("/healthz")
    # Reported, without failing the line: a restart would not send the texts.
    assert answer.status_code == 200
    assert answer.json()["outbox"] == {"stale": 1, "stale_after_seconds": 600}


def test_twilio_21610_is_an_opt_out_recorded_and_never_retried(
    twilio: FakeTwilio, built_db: Path, state_path: Path, conn: sqlite3.Connection
) -> None:
    twilio.script = {MOBILE: [21610]}
    first = enqueue_text(conn, MOBILE, "Visits", hash_key=KEY, now=T0)
    settings = make_settings(
        built_db,
        state_path,
        twilio_account_sid=ACCOUNT_SID,
        sms_from="+447400900999",
        twilio_api_base=twilio.base_url,
    )
    client = make_client(settings)
    drain(conn, client, settings, now=T0)
    assert status(state_path, first)[:4] == ("failed", None, None, "21610")
    assert is_opted_out(conn, hash_sender(MOBILE, KEY))
    # The next text to that number is not even offered to Twilio.
    second = enqueue_text(conn, MOBILE, "Visits", hash_key=KEY, now=T0 + timedelta(minutes=1))
    drain(conn, client, settings, now=T0 + timedelta(minutes=10))
    assert len(twilio.received) == 1
    assert status(state_path, second)[:4] == ("failed", None, None, "opted-out")


def test_a_text_the_provider_accepted_is_never_sent_again(
    conn: sqlite3.Connection, state_path: Path
) -> None:
    outbox_id = enqueue_text(conn, MOBILE, "Visits", hash_key=KEY, now=T0)
    [claimed] = claim_due(conn, now=T0, hash_key=KEY, lease_seconds=120)
    # The sender records Twilio's id the moment the request returns; then (say) it crashes
    # before marking the text sent. When the lease runs out the text is finished, not resent.
    record_provider_id(conn, claimed.id, "SM0123456789abcdef0123456789abcdef")
    assert claim_due(conn, now=T0 + timedelta(minutes=5), hash_key=KEY) == []
    stored = status(state_path, outbox_id)
    assert stored[:3] == ("sent", None, None)
    assert stored[4] == "SM0123456789abcdef0123456789abcdef"
    # And expiry never touches it either.
    assert erase_stale(conn, now=T0 + timedelta(hours=2)) == 0
