"""MessageSid de-duplication for the SMS line: an atomic claim, and the reply a retry gets.

Call these inside `transaction(conn)`, together with the rest of the message's changes, so that a
message is either handled once in full or not at all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from directory.state.privacy import outward_only

KEEP_SECONDS = 24 * 3600


@dataclass(frozen=True)
class SeenMessage:
    """A MessageSid already received; `reply` is None while its first delivery is in hand."""

    reply: str | None


def seen_message(conn: sqlite3.Connection, message_sid: str) -> SeenMessage | None:
    """The stored outcome of a MessageSid, or None if it is new."""
    row = conn.execute(
        "SELECT reply FROM sms_message WHERE message_sid = ?", (message_sid,)
    ).fetchone()
    return SeenMessage(row[0]) if row else None


def claim_message(conn: sqlite3.Connection, message_sid: str, now: float) -> bool:
    """Record a MessageSid; False when it was already there (a retry or a replay)."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO sms_message (message_sid, received_at) VALUES (?, ?)",
        (message_sid, now),
    )
    return cur.rowcount == 1


def store_reply(conn: sqlite3.Connection, message_sid: str, reply: str, typed: str = "") -> None:
    """Keep the reply sent for a MessageSid, for retried deliveries.

    A full postcode the sender typed (`typed`, their text), echoed back in the reply, is kept
    as its outward code only: a retried delivery, which is rare, gets "near BN7" where the
    first one said "near BN7 1EA". Services' own addresses keep their postcodes.
    """
    conn.execute(
        "UPDATE sms_message SET reply = ? WHERE message_sid = ?",
        (outward_only(reply, only_from=typed), message_sid),
    )


def prune_messages(conn: sqlite3.Connection, now: float, keep_seconds: int = KEEP_SECONDS) -> int:
    """Forget MessageSids (and their replies) older than `keep_seconds`; return how many."""
    cur = conn.execute("DELETE FROM sms_message WHERE received_at < ?", (now - keep_seconds,))
    return cur.rowcount
