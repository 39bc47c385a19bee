"""Wrong staff PINs in a row, in the state database, so that the wait they bring survives a
restart (kiosk/pin_guard.py decides the wait; this only keeps the count and the time)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from directory.db.connections import transaction


@dataclass(frozen=True)
class PinTries:
    """How many wrong PINs in a row, and when the last one was typed (Unix seconds)."""

    wrong: int = 0
    last_wrong: float = 0.0


def pin_tries(conn: sqlite3.Connection) -> PinTries:
    """The wrong PINs since the last right one (none: PinTries())."""
    row = conn.execute("SELECT wrong, last_wrong FROM pin_tries WHERE id = 1").fetchone()
    return PinTries(int(row[0]), float(row[1])) if row else PinTries()


def add_wrong_pin(conn: sqlite3.Connection, at: float) -> PinTries:
    """Count one more wrong PIN typed at `at`; return the new count (one transaction, so two
    kiosk processes sharing the database never lose a try)."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO pin_tries (id, wrong, last_wrong) VALUES (1, 1, ?)"
            " ON CONFLICT (id) DO UPDATE SET wrong = wrong + 1, last_wrong = excluded.last_wrong",
            (at,),
        )
        return pin_tries(conn)


def clear_pin_tries(conn: sqlite3.Connection) -> None:
    """The right PIN: the count starts again."""
    with transaction(conn):
        conn.execute("DELETE FROM pin_tries")


__all__ = ["PinTries", "add_wrong_pin", "clear_pin_tries", "pin_tries"]
