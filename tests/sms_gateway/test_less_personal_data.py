"""Less personal data, for less time: zeroed deletes, a WAL emptied after erasing, outward
codes only, days rolled up to months once reported, and languages counted by conversation."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from fastapi.testclient import TestClient

from directory import open_state
from directory.db.connections import STATE_JOURNAL_LIMIT, connect_state
from directory.state.dedup import claim_message, store_reply
from directory.state.outbox import claim_due, enqueue_text, mark_failed, mark_sent
from directory.state.sms_sessions import Session, save_session
from directory.state.usage import record_event
from waypost.cli import cli

NUMBER = "+447400900461"
BODY = "Lewes Visitor Centre: Family Support Line 0808 808 2003 message-body-marker"


def _on_disk(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_every_state_connection_zeroes_what_it_deletes(state_path: Path) -> None:
    for conn in (open_state(state_path), connect_state(state_path)):
        try:
            assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
            assert conn.execute("PRAGMA journal_size_limit").fetchone()[0] == STATE_JOURNAL_LIMIT
        finally:
            conn.close()


def test_a_sent_or_abandoned_number_is_gone_from_the_file_and_its_wal(state_path: Path) -> None:
    keeper = open_state(state_path)  # as the gateway holds one: the WAL is not removed on close
    conn = connect_state(state_path)
    try:
        first = enqueue_text(conn, NUMBER, BODY, hash_key=b"k" * 32)
        second = enqueue_text(conn, "+447400900462", BODY, hash_key=b"k" * 32)
        # Queued numbers and texts are encrypted (issue 11, item 2): the sealed values are on
        # disk, never the number itself; erasing must take the sealed values away too.
        sealed = [
            value.encode()
            for row in conn.execute("SELECT to_number, body FROM outbox").fetchall()
            for value in row
        ]
        raw = _on_disk(state_path)
        assert b"7400900461" not in raw and all(value in raw for value in sealed)
        claim_due(conn, hash_key=b"k" * 32)
        mark_sent(conn, first, "SM" + "1" * 32, 1)
        mark_failed(conn, second, "21610", "opted out")
        raw = _on_disk(state_path)
        assert b"7400900461" not in raw and b"7400900462" not in raw
        assert not any(value in raw for value in sealed)
        assert b"message-body-marker" not in raw
    finally:
        conn.close()
        keeper.close()


def test_sessions_and_stored_replies_keep_only_the_outward_code(state_path: Path) -> None:
    conn = open_state(state_path)
    try:
        session = Session("h" * 40, place_name="BN7 1EA (Lewes)", outcode="BN7")
        save_session(conn, session, 1000.0, 3600)
        claim_message(conn, "SM" + "2" * 32, 1000.0)
        store_reply(
            conn,
            "SM" + "2" * 32,
            "<Message>Housing near BN7 1EA: 1. Shelter, 2 High St, BN7 2AB</Message>",
            typed="housing bn71ea",
        )
        assert conn.execute("SELECT place_name FROM sms_session").fetchone()[0] == "BN7 (Lewes)"
        stored = conn.execute("SELECT reply FROM sms_message").fetchone()[0]
        assert "near BN7:" in stored  # the sender's postcode, cut
        assert "BN7 2AB" in stored  # a service's own address, kept
    finally:
        conn.close()


def test_a_text_with_a_full_postcode_leaves_no_full_postcode_in_the_state_db(
    client: TestClient, text: object, state_path: Path
) -> None:
    for body in ("HOUSING BN7 1EA", "MORE", "bn71ea"):
        assert text(body).status_code == 200  # type: ignore[operator]
    raw = _on_disk(state_path)
    for written in (b"BN7 1EA", b"BN71EA", b"bn71ea"):
        assert written not in raw


def test_reported_days_are_rolled_up_to_months(state_path: Path, tmp_path: Path) -> None:
    conn = open_state(state_path)
    for day in (2, 9, 9, 17, 30):
        record_event(conn, "sms", "search", keyword="housing", area="BN7", language="en",
                     found=True, segments=2, day=date(2026, 3, day))  # fmt: skip
    record_event(conn, "sms", "search", keyword="housing", area="BN7", language="en",
                 found=True, segments=1, day=date(2026, 4, 3))  # fmt: skip
    conn.close()
    out = tmp_path / "usage.pdf"
    args = ["report", "--month", "2026-03", "-o", str(out), "--state-db", str(state_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = (
        sqlite3.connect(state_path)
        .execute("SELECT day, count, segments FROM usage_count ORDER BY day")
        .fetchall()
    )
    assert rows == [("2026-03-01", 5, 10), ("2026-04-03", 1, 1)]
    # Made again, the month's figures are the same; only its weeks are gone.
    args[4] = str(tmp_path / "again.pdf")
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    first = (tmp_path / "usage.csv").read_text().splitlines()
    second = (tmp_path / "again.csv").read_text().splitlines()
    assert [r for r in first if "Use by week" not in r] == [
        r for r in second if "Use by week" not in r
    ]


def test_languages_count_conversations_not_texts(
    client: TestClient, text: object, state_path: Path
) -> None:
    send = text
    for body in ("HOUSING BN7 1EA", "MORE", "INFO 1", "MONEY BN7", "VISITS LEWES"):
        assert send(body, sender="+447700900777").status_code == 200  # type: ignore[operator]
    for n in range(3):
        assert send("HOUSING BN1", sender=f"+44770090080{n}").status_code == 200  # type: ignore[operator]
    sessions = (
        sqlite3.connect(state_path)
        .execute(
            "SELECT language, SUM(count) FROM usage_count WHERE event = 'session' GROUP BY language"
        )
        .fetchall()
    )
    assert dict(sessions) == {"en": 4}  # four families, however many texts each sent
