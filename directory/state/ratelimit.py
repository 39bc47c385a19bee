"""Per-sender rate limit and loop guard for the SMS line: texts counted in a fixed window.

Call `count_text` inside `transaction(conn)`.
"""

from __future__ import annotations

import sqlite3


def count_text(
    conn: sqlite3.Connection, sender_hash: str, now: float, window_seconds: float
) -> int:
    """Count one text from this sender; return how many they sent in the current window."""
    row = conn.execute(
        "INSERT INTO sms_rate (sender_hash, window_start, count) VALUES (?, ?, 1)"
        " ON CONFLICT (sender_hash) DO UPDATE SET"
        " count = CASE WHEN window_start <= ? THEN 1 ELSE count + 1 END,"
        " window_start = CASE WHEN window_start <= ? THEN excluded.window_start"
        " ELSE window_start END"
        " RETURNING count",
        (sender_hash, now, now - window_seconds, now - window_seconds),
    ).fetchone()
    return int(row[0])


def prune_rates(conn: sqlite3.Connection, now: float, window_seconds: float) -> int:
    """Drop counters whose window has ended."""
    cur = conn.execute("DELETE FROM sms_rate WHERE window_start <= ?", (now - window_seconds,))
    return cur.rowcount
