"""Families saying a guide section was wrong: anonymous counts in the state database."""

from __future__ import annotations

import sqlite3
from datetime import date

from directory.db.connections import transaction
from directory.errors import DirectoryError

KINDS = ("prison", "nation", "stage")


def feedback_key(kind: str, subject: str, section: str) -> str:
    """The key a wrong-count is filed under: "prison:LWI:booking", "stage:court:scotland"."""
    return f"{kind}:{subject}:{section}"


def record_wrong(
    conn: sqlite3.Connection,
    kind: str,
    subject: str,
    section: str,
    channel: str,
    day: date | None = None,
) -> None:
    """Add one to the count of families who said this section was wrong (nothing else kept)."""
    with transaction(conn):
        add_wrong(conn, kind, subject, section, channel, day)


def add_wrong(
    conn: sqlite3.Connection,
    kind: str,
    subject: str,
    section: str,
    channel: str,
    day: date | None = None,
) -> None:
    """record_wrong inside a transaction the caller holds (the SMS line's, for one text)."""
    if kind not in KINDS:
        raise DirectoryError(f"Unknown guide kind {kind!r}.")
    today = (day or date.today()).isoformat()
    conn.execute(
        "INSERT INTO guide_wrong (kind, subject, section, channel, count, last_day)"
        " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (kind, subject, section, channel)"
        " DO UPDATE SET count = count + 1, last_day = excluded.last_day",
        (kind, subject, section, channel, today),
    )


def wrong_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Every section's wrong-count over all channels, by feedback_key."""
    return {
        feedback_key(kind, subject, section): int(total)
        for kind, subject, section, total in conn.execute(
            "SELECT kind, subject, section, SUM(count) FROM guide_wrong"
            " GROUP BY kind, subject, section"
        )
    }
