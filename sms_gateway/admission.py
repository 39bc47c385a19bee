"""Before a text is read: claim its MessageSid, count it, and see whether it may be answered.

This runs first, in a short transaction of its own, so that a flood is counted (and silenced)
before any text is parsed or any place is guessed. Every reply the line can send, including
a near-miss START's confirmation and the "unavailable" and error replies, goes through it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from directory.state.dedup import claim_message, seen_message, store_reply
from directory.state.optouts import is_opted_out
from directory.state.ratelimit import BURST_OK, BURST_SILENT, BURST_WARN, count_burst, count_text
from directory.state.sms_sessions import load_session
from sms_gateway.settings import GatewaySettings
from sms_gateway.twiml import EMPTY

# Exact opt keywords carriers and Twilio honour (any case): still read during a flood, so
# STOP always works. Anything else sent during a flood is not read at all.
OPT_WORDS = frozenset(
    {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "START", "YES", "UNSTOP"}
)


@dataclass(frozen=True)
class Admission:
    """What the first transaction learnt about a text that was not a duplicate."""

    sender_hash: str
    count: int  # texts from this sender in the rate window, this one included
    burst: str  # BURST_OK, BURST_WARN (the burst's one "please wait") or BURST_SILENT
    opted_out: bool
    pending: bool  # the sender's conversation waits for a place
    limit: int

    @property
    def please_wait(self) -> bool:
        """This text gets the one "please wait" of its burst or of its rate window."""
        return self.burst == BURST_WARN or (self.burst == BURST_OK and self.count == self.limit + 1)

    @property
    def quiet(self) -> bool:
        """No reply at all: past the rate limit, or further into a burst."""
        return self.burst == BURST_SILENT or self.count > self.limit + 1

    @property
    def limited(self) -> bool:
        """Either of the above: only a "please wait", or nothing."""
        return self.please_wait or self.quiet


@dataclass(frozen=True)
class Duplicate:
    """A MessageSid seen before: its stored reply (EMPTY while it is still being handled)."""

    twiml: str


def admit(
    conn: sqlite3.Connection,
    settings: GatewaySettings,
    message_sid: str,
    sender_hash: str,
    now: float,
) -> Admission | Duplicate:
    """Claim and count one text; call inside `transaction(conn)`."""
    if message_sid and not claim_message(conn, message_sid, now):
        seen = seen_message(conn, message_sid)
        return Duplicate((seen.reply if seen else None) or EMPTY)
    count = count_text(conn, sender_hash, now, settings.rate_limit_window_seconds)
    burst = count_burst(conn, sender_hash, now, settings.burst_texts, settings.burst_seconds)
    session = load_session(conn, sender_hash, now)
    return Admission(
        sender_hash=sender_hash,
        count=count,
        burst=burst,
        opted_out=is_opted_out(conn, sender_hash),
        pending=session is not None and session.pending,
        limit=settings.rate_limit_count,
    )


def unread(admission: Admission, body: str) -> bool:
    """True when the text is not even parsed: the sender gets silence and the text is lost."""
    return admission.quiet and body.strip().upper() not in OPT_WORDS


def finish_silently(conn: sqlite3.Connection, message_sid: str) -> None:
    """Store the silence a text got, for its retried deliveries."""
    if message_sid:
        store_reply(conn, message_sid, EMPTY)


__all__ = ["BURST_SILENT", "Admission", "Duplicate", "admit", "finish_silently", "unread"]
