"""The outbox of texts to send (e.g. the kiosk's "Text me this"): core change functions.

A number is held only until its message is sent, abandoned or too old (`erase_stale`); then it
is erased. While queued, the number and the message are encrypted (outbox_crypto), so a copy
of state.db or a backup holds no number in clear. Senders are also recorded as keyed hashes so
that opt-outs and the per-number cap work without keeping the number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from directory.db.connections import scrub_wal, transaction
from directory.errors import DirectoryError
from directory.state.outbox_crypto import OutboxCipher, SealedTextUnreadable
from directory.state.privacy import hash_sender

STALE_SECONDS = 3600  # a text not sent within an hour is erased, not sent late
# The UK's +44 numbering plan also serves the Crown Dependencies (phonenumbers gives their
# mobiles, e.g. 07911 123456, the regions GG, JE and IM): "GB" accepts all four.
PLUS_44 = frozenset({"GB", "GG", "JE", "IM"})


class NumberRefused(DirectoryError):
    """The number is not a mobile number in a country this site texts."""


class TextLimitReached(DirectoryError):
    """A cap on texts was reached; `which` is "number" (per day) or "origin" (per hour)."""

    def __init__(self, which: str) -> None:
        self.which = which
        super().__init__(f"Too many texts ({which} limit); try again later.")


@dataclass(frozen=True)
class TextCaps:
    """How many texts may be queued: to one number in a day, from one origin in an hour."""

    per_number_per_day: int = 3
    per_origin_per_hour: int = 30


def mobile_number(typed: str, regions: Sequence[str] = ("GB",)) -> str:
    """The number in E.164 if it is a valid mobile number of one of `regions`, else raise.

    A number typed without a country code is read as the first region's.
    """
    import phonenumbers  # on first use: slow to import, and only texting needs it

    try:
        parsed = phonenumbers.parse(typed, regions[0] if regions else "GB")
    except phonenumbers.NumberParseException:
        raise NumberRefused("That is not a phone number.") from None
    kinds = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    allowed = set(regions) | (PLUS_44 if "GB" in regions else set())
    if (
        not phonenumbers.is_valid_number(parsed)
        or phonenumbers.number_type(parsed) not in kinds
        or phonenumbers.region_code_for_number(parsed) not in allowed
    ):
        raise NumberRefused("That is not a mobile number this site can text.")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


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
    regions: Sequence[str] = ("GB",),
    caps: TextCaps | None = None,
    now: datetime | None = None,
) -> int:
    """Queue a text to a mobile number of `regions`, within the caps; return its outbox id.

    Raises NumberRefused or TextLimitReached. The number and the text are stored encrypted, and
    only until the text is sent or erase_stale() drops it.
    """
    moment = now or _now()
    number = mobile_number(to_number, regions)
    sender = hash_sender(number, hash_key)
    caps = caps or TextCaps()
    cipher = OutboxCipher(hash_key)
    with transaction(conn):
        (to_number_today,) = conn.execute(
            "SELECT count(*) FROM outbox WHERE sender_hash = ? AND created_at > ?",
            (sender, _iso(moment - timedelta(days=1))),
        ).fetchone()
        if to_number_today >= caps.per_number_per_day:
            raise TextLimitReached("number")
        (from_origin,) = conn.execute(
            "SELECT count(*) FROM outbox WHERE origin = ? AND created_at > ?",
            (origin, _iso(moment - timedelta(hours=1))),
        ).fetchone()
        if from_origin >= caps.per_origin_per_hour:
            raise TextLimitReached("origin")
        cur = conn.execute(
            "INSERT INTO outbox (created_at, to_number, sender_hash, body, language, origin,"
            " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                _iso(moment),
                cipher.seal(number),
                sender,
                cipher.seal(body),
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
    *,
    hash_key: bytes,
) -> list[OutgoingText]:
    """Claim queued texts that are due, marking them 'sending' with a lease so two senders
    never send the same one; a lease that expires (a crashed sender) is claimed again.

    A text whose provider id is already recorded was accepted by the provider before its
    sender stopped: it is finished as sent, never sent twice.
    """
    moment = now or _now()
    cipher = OutboxCipher(hash_key)
    claimed: list[OutgoingText] = []
    with transaction(conn):
        conn.execute(
            "UPDATE outbox SET status = 'sent', finished_at = ?, to_number = NULL, body = NULL"
            " WHERE status = 'sending' AND provider_sid IS NOT NULL",
            (_iso(moment),),
        )
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
        for r in rows:
            try:
                number, body = cipher.open(r[1]), cipher.open(r[3] or "")
            except SealedTextUnreadable:
                conn.execute(
                    "UPDATE outbox SET status = 'failed', error_code = 'unreadable',"
                    " finished_at = ?, to_number = NULL, body = NULL WHERE id = ?",
                    (_iso(moment), r[0]),
                )
                continue
            claimed.append(OutgoingText(r[0], number, r[2], body, r[4], r[5] + 1))
    return claimed


def record_provider_id(conn: sqlite3.Connection, outbox_id: int, provider_sid: str) -> None:
    """Note at once that the provider accepted the text, before anything else can fail."""
    with transaction(conn):
        conn.execute("UPDATE outbox SET provider_sid = ? WHERE id = ?", (provider_sid, outbox_id))


def erase_stale(
    conn: sqlite3.Connection, max_age_seconds: float = STALE_SECONDS, now: datetime | None = None
) -> int:
    """Erase (number and text) every unsent text older than the limit; return how many.

    A text that waited that long would arrive too late to help, and its number must not wait
    in the database (and its backups) for a sender that may never come.
    """
    moment = now or _now()
    with transaction(conn):
        cur = conn.execute(
            "UPDATE outbox SET status = 'failed', error_code = 'expired',"
            " error_message = 'not sent in time; erased', finished_at = ?,"
            " to_number = NULL, body = NULL"
            " WHERE status IN ('queued', 'sending') AND provider_sid IS NULL AND created_at < ?",
            (_iso(moment), _iso(moment - timedelta(seconds=max_age_seconds))),
        )
        erased = cur.rowcount
    if erased:
        scrub_wal(conn)
    return erased


def waiting_too_long(
    conn: sqlite3.Connection, max_wait_seconds: float, now: datetime | None = None
) -> int:
    """How many texts have waited longer than `max_wait_seconds` unsent (a stuck sender)."""
    moment = now or _now()
    (count,) = conn.execute(
        "SELECT count(*) FROM outbox WHERE status IN ('queued', 'sending') AND created_at < ?",
        (_iso(moment - timedelta(seconds=max_wait_seconds)),),
    ).fetchone()
    return int(count)


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
