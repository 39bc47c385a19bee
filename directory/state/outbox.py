"""The outbox of texts to send (e.g. the kiosk's "Text me this"): core change functions.

A number is held only until its message is sent or abandoned; then it is erased. Senders are
also recorded as keyed hashes so that opt-outs can be honoured without keeping the number.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from directory.db.connections import scrub_wal, transaction
from directory.state.privacy import hash_sender, normalise_msisdn


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class OutgoingText:
    """A message claimed for sending."""

    id: int
    to_number: str
    sender_hash: str
    body: str
    language: str
    attempts: int


def enqueue_text(
    conn: sqlite3.Connection,
    to_number: str,
    body: str,
    *,
    hash_key: bytes,
    language: str = "en",
    origin: str = "kiosk",
    now: datetime | None = None,
) -> int:
    """Queue a text; return its outbox id. The number is kept only until it is sent."""
    moment = now or _now()
    number = normalise_msisdn(to_number)
    with transaction(conn):
        cur = conn.execute(
            "INSERT INTO outbox (created_at, to_number, sender_hash, body, language, origin,"
            " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                _iso(moment),
                number,
                hash_sender(number, hash_key),
                body,
                language,
                origin,
                _iso(moment),
            ),
        )
        return int(cur.lastrowid or 0)


def claim_due(
    conn: sqlite3.Connection,
    limit: int = 10,
    now: datetime | None = None,
    lease_seconds: int = 120,
) -> list[OutgoingText]:
    """Claim queued texts that are due, marking them 'sending' with a lease so two senders
    never send the same one; a lease that expires (a crashed sender) is claimed again."""
    moment = now or _now()
    with transaction(conn):
        rows = conn.execute(
            "SELECT id, to_number, sender_hash, body, language, attempts FROM outbox"
            " WHERE status IN ('queued', 'sending') AND next_attempt_at <= ?"
            " AND to_number IS NOT NULL ORDER BY id LIMIT ?",
            (_iso(moment), limit),
        ).fetchall()
        lease = _iso(moment + timedelta(seconds=lease_seconds))
        conn.executemany(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?"
            " WHERE id = ?",
            [(lease, r[0]) for r in rows],
        )
    return [OutgoingText(r[0], r[1], r[2], r[3], r[4], r[5] + 1) for r in rows]


def mark_sent(
    conn: sqlite3.Connection,
    outbox_id: int,
    provider_sid: str,
    segments: int,
    now: datetime | None = None,
) -> None:
    """Record a sent text and erase its number and body."""
    with transaction(conn):
        conn.execute(
            "UPDATE outbox SET status = 'sent', provider_sid = ?, segments = ?, finished_at = ?,"
            " to_number = NULL, body = NULL WHERE id = ?",
            (provider_sid, segments, _iso(now or _now()), outbox_id),
        )
    scrub_wal(conn)


def mark_failed(
    conn: sqlite3.Connection,
    outbox_id: int,
    code: str,
    message: str,
    now: datetime | None = None,
) -> None:
    """Abandon a text for good (e.g. Twilio 21610 opted out, 21211 invalid): erase the number."""
    with transaction(conn):
        conn.execute(
            "UPDATE outbox SET status = 'failed', error_code = ?, error_message = ?,"
            " finished_at = ?, to_number = NULL, body = NULL WHERE id = ?",
            (code, message[:200], _iso(now or _now()), outbox_id),
        )
    scrub_wal(conn)


def retry_later(
    conn: sqlite3.Connection,
    outbox_id: int,
    delay_seconds: float,
    message: str,
    now: datetime | None = None,
) -> None:
    """Put a text back in the queue after a network error, to try again after a delay."""
    moment = (now or _now()) + timedelta(seconds=delay_seconds)
    with transaction(conn):
        conn.execute(
            "UPDATE outbox SET status = 'queued', next_attempt_at = ?, error_message = ?"
            " WHERE id = ?",
            (_iso(moment), message[:200], outbox_id),
        )


def outbox_status(conn: sqlite3.Connection, outbox_id: int) -> str | None:
    """The status of one queued text ('queued', 'sending', 'sent', 'failed'), or None."""
    row = conn.execute("SELECT status FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
    return row[0] if row else None


def outbox_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many texts are in each status (queued, sending, sent, failed), for the staff desk."""
    return {
        status: int(count)
        for status, count in conn.execute("SELECT status, COUNT(*) FROM outbox GROUP BY status")
    }
