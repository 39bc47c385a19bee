"""SMS sessions: the last search (for MORE and "INFO n") or a keyword waiting for its place.

A session holds the place as the gazetteer names it and its coordinates, never what the sender
typed, and of a postcode only its outward code. Call the change functions inside
`transaction(conn)`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from directory.state.privacy import outward_only


@dataclass(frozen=True)
class Session:
    """One sender's conversation state."""

    sender_hash: str
    language: str = "en"
    category: str | None = None
    pending: bool = False
    place_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    outcode: str | None = None
    country: str | None = None
    page_offset: int = 0
    has_more: bool = False
    result_ids: list[str] = field(default_factory=list)
    prison: str | None = None  # NOMIS code when the place names a prison
    guide: str | None = None  # the guide section last answered (a feedback key), for WRONG


_COLUMNS = (
    "language, category, pending, place_name, latitude, longitude, outcode, country,"
    " page_offset, has_more, result_ids, prison, guide"
)


def load_session(conn: sqlite3.Connection, sender_hash: str, now: float) -> Session | None:
    """The sender's session if it has not expired."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM sms_session WHERE sender_hash = ? AND expires_at > ?",
        (sender_hash, now),
    ).fetchone()
    if row is None:
        return None
    ids = [i for i in (row[10] or "").split(";") if i]
    return Session(
        sender_hash, row[0], row[1], bool(row[2]), row[3], row[4], row[5], row[6], row[7],
        int(row[8]), bool(row[9]), ids, row[11], row[12],
    )  # fmt: skip


def save_session(conn: sqlite3.Connection, session: Session, now: float, ttl: float) -> None:
    """Create or replace the sender's session, to expire `ttl` seconds from now."""
    conn.execute(
        f"INSERT OR REPLACE INTO sms_session (sender_hash, updated_at, expires_at, {_COLUMNS})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            session.sender_hash,
            now,
            now + ttl,
            session.language,
            session.category,
            int(session.pending),
            outward_only(session.place_name) if session.place_name else None,
            session.latitude,
            session.longitude,
            session.outcode,
            session.country,
            session.page_offset,
            int(session.has_more),
            ";".join(session.result_ids),
            session.prison,
            session.guide,
        ),
    )


def end_session(conn: sqlite3.Connection, sender_hash: str) -> None:
    """Forget the sender's session (e.g. on opt-out)."""
    conn.execute("DELETE FROM sms_session WHERE sender_hash = ?", (sender_hash,))


def prune_sessions(conn: sqlite3.Connection, now: float) -> int:
    """Delete expired sessions; return how many."""
    return conn.execute("DELETE FROM sms_session WHERE expires_at <= ?", (now,)).rowcount
