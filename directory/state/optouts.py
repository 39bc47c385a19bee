"""SMS opt-outs by hashed sender: an opted-out sender gets nothing until they opt back in.

Call these inside `transaction(conn)`.
"""

from __future__ import annotations

import sqlite3
from typing import Literal

OptOutMethod = Literal["exact", "near", "carrier"]


def is_opted_out(conn: sqlite3.Connection, sender_hash: str) -> bool:
    """True when this sender has opted out."""
    row = conn.execute("SELECT 1 FROM sms_optout WHERE sender_hash = ?", (sender_hash,)).fetchone()
    return row is not None


def opt_out(conn: sqlite3.Connection, sender_hash: str, method: OptOutMethod, now: float) -> bool:
    """Record an opt-out; True when the sender was not opted out before."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO sms_optout (sender_hash, opted_out_at, method) VALUES (?, ?, ?)",
        (sender_hash, now, method),
    )
    return cur.rowcount == 1


def opt_in(conn: sqlite3.Connection, sender_hash: str) -> bool:
    """Remove an opt-out; True when the sender had opted out."""
    cur = conn.execute("DELETE FROM sms_optout WHERE sender_hash = ?", (sender_hash,))
    return cur.rowcount == 1
