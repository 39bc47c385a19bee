"""When this site last synced its directory, from where, and whether the signature was checked.

Kept in the state database's meta table by whoever runs a sync (the timer's `waypost sync`, or
"Sync now" at the kiosk's desk), so the desk can show it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from directory.db.connections import transaction

KEYS = ("sync_at", "sync_from", "sync_signed", "sync_version", "sync_outcome")


@dataclass(frozen=True)
class LastSync:
    """The last sync attempt: when (UTC ISO), the source shown without credentials, and how."""

    at: str
    source: str
    signed: bool
    version: str
    outcome: str  # "installed", "up to date" or "failed"


def note_sync(
    conn: sqlite3.Connection,
    *,
    source: str,
    signed: bool,
    version: str,
    outcome: str,
    at: datetime | None = None,
) -> None:
    """Remember this sync attempt (replacing the last one)."""
    stamp = (at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    values = (stamp, source, "1" if signed else "0", version, outcome)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            list(zip(KEYS, values, strict=True)),
        )


def last_sync(conn: sqlite3.Connection) -> LastSync | None:
    """The last sync attempt noted here, or None if there has been none."""
    found = dict(
        conn.execute(
            f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(KEYS))})", KEYS
        ).fetchall()
    )
    if "sync_at" not in found:
        return None
    return LastSync(
        found["sync_at"],
        found.get("sync_from", ""),
        found.get("sync_signed") == "1",
        found.get("sync_version", ""),
        found.get("sync_outcome", ""),
    )
