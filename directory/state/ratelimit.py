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


BURST_OK, BURST_WARN, BURST_SILENT = "ok", "warn", "silent"


def count_burst(
    conn: sqlite3.Connection, sender_hash: str, now: float, texts: int, seconds: float
) -> str:
    """Note one text; "warn" for the first text of a burst, "silent" for the rest, else "ok".

    A burst is `texts` or more texts within `seconds` (a 4th text within 30 s by default):
    faster than a person types, so a loop between two automatic senders, or someone flooding
    the line. The burst gets one "please wait" and then silence until it ends: a text that
    finds fewer than `texts` - 1 others in the `seconds` before it.
    """
    row = conn.execute(
        "SELECT recent, warned FROM sms_burst WHERE sender_hash = ?", (sender_hash,)
    ).fetchone()
    before = [float(t) for t in (row[0] if row else "").split(";") if t]
    recent = [t for t in before if now - t < seconds]
    burst = len(recent) >= texts - 1
    warned = bool(row[1]) if row and burst else False
    kept = [*recent, now][-(texts - 1) :] if texts > 1 else [now]
    conn.execute(
        "INSERT INTO sms_burst (sender_hash, recent, last_at, warned) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (sender_hash) DO UPDATE SET recent = excluded.recent,"
        " last_at = excluded.last_at, warned = excluded.warned",
        (sender_hash, ";".join(f"{t:.3f}" for t in kept), now, int(burst)),
    )
    if not burst:
        return BURST_OK
    return BURST_SILENT if warned else BURST_WARN


def prune_bursts(conn: sqlite3.Connection, now: float, seconds: float) -> int:
    """Forget senders whose last text is older than a burst."""
    return conn.execute("DELETE FROM sms_burst WHERE last_at <= ?", (now - seconds,)).rowcount
