"""Checks made at the kiosk's desk (the call list), kept until the directory's keepers have them.

A site that syncs its directory from a central release cannot change its own copy (the next
sync would undo it), so every check waits here until `waypost checks export` writes it into a
report for the keepers (`waypost import-checks` at the hub). On a standalone site "Still right"
and "No longer exists" are applied at once and recorded here as applied; a "Something changed"
note always waits for a person to make the edit.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime

from directory.db.connections import transaction
from directory.errors import DirectoryError

OUTCOMES = ("still_right", "changed", "gone")
REPORT_FORMAT = "waypost-checks"
REPORT_VERSION = 1
MAX_NOTE = 1000
MAX_NAME = 80


@dataclass(frozen=True)
class Check:
    """One check of one entry: its outcome, the day, who made it, and a note if it changed."""

    service_id: str
    outcome: str
    day: str
    volunteer: str = ""
    note: str = ""


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _one_line(text: str, limit: int) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())[:limit]


def record_check(
    conn: sqlite3.Connection,
    service_id: str,
    outcome: str,
    *,
    day: date,
    volunteer: str = "",
    note: str = "",
    applied: bool = False,
) -> int:
    """Keep one check; applied=True when it was already written into this site's directory."""
    if outcome not in OUTCOMES:
        raise DirectoryError(f"Unknown check outcome {outcome!r}.")
    note = _one_line(note, MAX_NOTE)
    if outcome == "changed" and not note:
        raise DirectoryError("Say what changed.")
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO staff_check (made_at, day, service_id, outcome, note, volunteer, applied)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                _now(),
                day.isoformat(),
                service_id,
                outcome,
                note,
                _one_line(volunteer, MAX_NAME),
                int(applied),
            ),
        )
        return int(cursor.lastrowid or 0)


def waiting_count(conn: sqlite3.Connection) -> int:
    """Checks the keepers have not had yet (not applied here and not exported)."""
    row = conn.execute(
        "SELECT COUNT(*) FROM staff_check WHERE applied = 0 AND exported_at IS NULL"
    ).fetchone()
    return int(row[0])


def checked_since(conn: sqlite3.Connection) -> dict[str, str]:
    """The latest day each service was checked at this desk (applied or waiting)."""
    return dict(conn.execute("SELECT service_id, MAX(day) FROM staff_check GROUP BY service_id"))


def waiting_checks(conn: sqlite3.Connection) -> list[tuple[int, Check]]:
    """(row id, check) for every check still waiting for the keepers, oldest first."""
    rows = conn.execute(
        "SELECT id, service_id, outcome, day, volunteer, note FROM staff_check"
        " WHERE applied = 0 AND exported_at IS NULL ORDER BY id"
    ).fetchall()
    return [(row[0], Check(*row[1:])) for row in rows]


def report_bytes(checks: list[Check], *, site: str, directory_version: str) -> bytes:
    """The report file the keepers import: JSON, one object per check."""
    document = {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "site": site,
        "directory_version": directory_version,
        "made_at": _now(),
        "checks": [
            {
                "service_id": c.service_id,
                "outcome": c.outcome,
                "day": c.day,
                "by": c.volunteer,
                "note": c.note,
            }
            for c in checks
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def mark_exported(conn: sqlite3.Connection, ids: list[int]) -> None:
    """Note that these checks went into a report (they stop counting as waiting)."""
    stamp = _now()
    with transaction(conn):
        conn.executemany(
            "UPDATE staff_check SET exported_at = ? WHERE id = ?", [(stamp, i) for i in ids]
        )
