"""Schema migrations: numbered .sql files per database, applied in order (PRAGMA user_version)."""

from __future__ import annotations

import sqlite3
from importlib import resources
from typing import Literal

Kind = Literal["content", "state"]


def _scripts(kind: Kind) -> list[tuple[int, str, str]]:
    folder = resources.files("directory.db.migrations").joinpath(kind)
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql"):
            number = int(name.split("_", 1)[0])
            found.append((number, name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"{kind} migrations must be numbered 1..N without gaps: {numbers}")
    return found


def latest_version(kind: Kind) -> int:
    """The schema version a fully migrated database of this kind has."""
    return len(_scripts(kind))


def migrate(conn: sqlite3.Connection, kind: Kind) -> int:
    """Apply the migrations this database lacks; return its new schema version.

    Safe when several processes open a fresh database at once: a migration that lost the race
    rolls back and the version is read again.
    """
    for number, _name, sql in _scripts(kind):
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if number <= current:
            continue
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                continue  # another connection applied it first
            raise
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
