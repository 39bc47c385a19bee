"""Anonymous daily usage counts: no sender, no message, only what and roughly where."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

from directory.database import transaction


def record_event(
    conn: sqlite3.Connection,
    channel: str,
    event: str,
    *,
    keyword: str = "",
    area: str = "",
    language: str = "",
    found: bool | None = None,
    segments: int = 0,
    day: date | None = None,
) -> None:
    """Add one to today's count for this event (area is an outward code at most)."""
    when = (day or datetime.now(UTC).date()).isoformat()
    area = area.split(" ")[0].upper()[:4]
    flag = -1 if found is None else int(found)
    with transaction(conn):
        conn.execute(
            "INSERT INTO usage_count (day, channel, event, keyword, area, language, found, count,"
            " segments) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)"
            " ON CONFLICT (day, channel, event, keyword, area, language, found)"
            " DO UPDATE SET count = count + 1, segments = segments + excluded.segments",
            (when, channel, event, keyword, area, language, flag, segments),
        )


def usage_rows(
    conn: sqlite3.Connection, first_day: date, last_day: date
) -> list[tuple[str, str, str, str, str, str, int, int, int]]:
    """All count rows between two days inclusive."""
    return conn.execute(
        "SELECT day, channel, event, keyword, area, language, found, count, segments"
        " FROM usage_count WHERE day BETWEEN ? AND ? ORDER BY day",
        (first_day.isoformat(), last_day.isoformat()),
    ).fetchall()
