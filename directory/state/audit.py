"""The staff audit log: what volunteers did at the kiosk's desk, when, and by whom if they said.

Only staff actions and their objects (a service id, a print job, an outcome) are written here,
never anything a family typed or looked at. Rows older than the site's retention are pruned.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from directory.db.connections import transaction
from directory.errors import DirectoryError

MAX_FIELD = 200  # an action, detail or name longer than this is cut, not stored whole


@dataclass(frozen=True)
class AuditEntry:
    """One staff action."""

    at: str
    action: str
    detail: str
    volunteer: str


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _clean(text: str) -> str:
    # One line, no control characters: the log is read on terminals and in spreadsheets.
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())[:MAX_FIELD]


def record_action(
    conn: sqlite3.Connection,
    action: str,
    *,
    detail: str = "",
    volunteer: str = "",
    at: datetime | None = None,
) -> None:
    """Write one staff action to the audit log."""
    if not _clean(action):
        raise DirectoryError("An audit entry needs an action.")
    with transaction(conn):
        conn.execute(
            "INSERT INTO staff_audit (at, action, detail, volunteer) VALUES (?, ?, ?, ?)",
            (_stamp(at or datetime.now(UTC)), _clean(action), _clean(detail), _clean(volunteer)),
        )


def recent_actions(conn: sqlite3.Connection, limit: int = 50) -> list[AuditEntry]:
    """The latest staff actions, newest first."""
    rows = conn.execute(
        "SELECT at, action, detail, volunteer FROM staff_audit ORDER BY at DESC, id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [AuditEntry(*row) for row in rows]


def prune_audit(conn: sqlite3.Connection, keep_days: int, now: datetime | None = None) -> int:
    """Delete entries older than keep_days; returns how many went."""
    if keep_days < 1:
        raise DirectoryError("The audit log must be kept for at least one day.")
    cutoff = _stamp((now or datetime.now(UTC)) - timedelta(days=keep_days))
    with transaction(conn):
        return conn.execute("DELETE FROM staff_audit WHERE at < ?", (cutoff,)).rowcount
