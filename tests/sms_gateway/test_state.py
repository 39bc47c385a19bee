"""What a text leaves in the state database: pruned sessions, and segments on every reply."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory import ContentDB
from directory.db.connections import connect_state, open_state
from directory.state import usage
from sms_gateway.dialogue import PRUNE_EVERY, Inbound, Line
from sms_gateway.gsm import count_segments
from sms_gateway.settings import GatewaySettings
from tests.sms_gateway.conftest import make_settings, state_rows

T0 = 1_767_000_000.0


@pytest.fixture
def conn(state_path: Path) -> Iterator[sqlite3.Connection]:
    """A migrated state database."""
    open_state(state_path).close()
    connection = connect_state(state_path)
    yield connection
    connection.close()


@pytest.fixture
def settings(built_db: Path, state_path: Path) -> GatewaySettings:
    """Gateway settings with a short session."""
    return make_settings(built_db, state_path, session_seconds=600)


def say(line: Line, conn: sqlite3.Connection, db: ContentDB, body: str, sender: str,
        now: float, sid: str) -> str | None:  # fmt: skip
    return line.respond(
        conn, db, Inbound(message_sid=sid, sender=sender, body=body, from_country="GB"), now
    ).reply


def test_expired_sessions_are_pruned(
    settings: GatewaySettings, conn: sqlite3.Connection, content: ContentDB, state_path: Path
) -> None:
    line = Line(settings)
    say(line, conn, content, "VISITS BN7", "+447700900201", T0, "SMa1")
    say(line, conn, content, "vivienda", "+447700900202", T0 + 300, "SMa2")
    assert state_rows(state_path, "SELECT COUNT(*) FROM sms_session") == [(2,)]
    # The first sender's session has expired; the second's has not. Pruning runs on the
    # first text a line handles and every PRUNE_EVERY texts after.
    later = Line(settings)
    say(later, conn, content, "VISITS BN7", "+447700900203", T0 + 700, "SMa3")
    assert state_rows(state_path, "SELECT COUNT(*) FROM sms_session") == [(2,)]  # 202 and 203
    for i in range(PRUNE_EVERY - 1):  # texts that keep no session, from many phones
        say(later, conn, content, "MENU", f"+4477009{i:05d}", T0 + 800, f"SMb{i}")
    assert state_rows(state_path, "SELECT COUNT(*) FROM sms_session") == [(2,)]
    say(later, conn, content, "MENU", "+447700900204", T0 + 950, "SMb-last")
    assert state_rows(state_path, "SELECT COUNT(*) FROM sms_session") == [(1,)]  # 203 only
    # An expired session is gone, not merely ignored: MORE has nothing to page through.
    more = say(later, conn, content, "MORE", "+447700900201", T0 + 960, "SMc1")
    assert more is not None and "\n4. " not in more


@pytest.mark.parametrize(
    "bodies",
    [
        ["VISITS BN7", "MORE", "1", "9"],
        ["hello there", "MENU", "I can't cope", "Lewes", "HMP Lewes"],
        ["vivienda", "xyzzyville", "BN7", "MORE", "MORE", "MORE"],
        ["stop please", "START again", "ΣΤΕΓΑΣΗ BN7"],
    ],
)
def test_every_reply_counts_its_segments(
    settings: GatewaySettings,
    conn: sqlite3.Connection,
    content: ContentDB,
    state_path: Path,
    bodies: list[str],
) -> None:
    line = Line(settings)
    sent = 0
    for i, body in enumerate(bodies):
        reply = say(line, conn, content, body, "+447700900301", T0 + i, f"SMd{i}")
        sent += count_segments(reply).segments if reply else 0
    assert sent > 0
    assert state_rows(state_path, "SELECT SUM(segments) FROM usage_count") == [(sent,)]
    names = {str(r[0]) for r in state_rows(state_path, "SELECT event FROM usage_count")}
    for name in names:
        assert f'"{name}"' in (usage.__doc__ or ""), f"{name} is not documented in usage.py"
