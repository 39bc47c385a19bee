"""Opening the two databases: content (read-only, swapped in whole) and state (WAL, per site)."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from directory.db.migrations import migrate
from directory.errors import ContentUnavailable

T = TypeVar("T")


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def distrust_schema(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Refuse functions and virtual tables called from a file's own views, triggers and defaults.

    A content file arrives from spreadsheets, HSDS packages and synced releases, so its schema is
    as untrusted as its rows: with trusted_schema OFF, SQL written into the file cannot call
    anything that is not marked harmless.
    """
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


def connect_content(path: str | os.PathLike[str], *, threads: bool = False) -> sqlite3.Connection:
    """A read-only connection to a content file, with its schema distrusted."""
    conn = sqlite3.connect(_uri(Path(path), "ro"), uri=True, check_same_thread=not threads)
    try:
        return distrust_schema(conn)
    except sqlite3.Error:
        conn.close()
        raise


class ContentDB:
    """A read-only handle on the content database.

    The file is replaced by atomic rename when it is rebuilt or synced; `refresh()` notices the
    new file and reopens, so long-running front ends pick it up without a restart.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._cache: dict[str, Any] = {}
        self._conn = self._connect()
        self._identity = self._stat()

    def _stat(self) -> tuple[int, int]:
        st = os.stat(self.path)
        return (st.st_ino, st.st_mtime_ns)

    def _connect(self) -> sqlite3.Connection:
        if not self.path.is_file():
            raise ContentUnavailable(
                f"The directory database {str(self.path)!r} does not exist. Run `waypost build`."
            )
        try:
            conn = connect_content(self.path, threads=True)
            rows = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise ContentUnavailable(
                f"{str(self.path)!r} is not a readable Waypost directory ({exc})."
            ) from exc
        if "version" not in rows:
            conn.close()
            raise ContentUnavailable(f"{str(self.path)!r} is not a complete Waypost directory.")
        self.meta = rows
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying read-only connection."""
        return self._conn

    @property
    def version(self) -> str:
        """The directory's version string (build time and content hash)."""
        return self.meta["version"]

    @property
    def built_at(self) -> str:
        """When the directory file was built, ISO 8601 UTC."""
        return self.meta.get("built_at", "")

    def execute(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> sqlite3.Cursor:
        """Run a read query."""
        return self._conn.execute(sql, params)

    def refresh(self) -> bool:
        """Reopen if the file was swapped; return True when it was."""
        try:
            identity = self._stat()
        except FileNotFoundError:
            return False  # keep serving the open file until a new one appears
        if identity == self._identity:
            return False
        with self._lock:
            new = self._connect()
            old, self._conn = self._conn, new
            self._identity = identity
            self._cache.clear()
            old.close()
        return True

    def cached(self, key: str, factory: Callable[[ContentDB], T]) -> T:
        """Memoise a value derived from this file's contents (cleared when the file changes)."""
        try:
            return self._cache[key]
        except KeyError:
            value = factory(self)
            self._cache[key] = value
            return value

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> ContentDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_content(path: str | os.PathLike[str]) -> ContentDB:
    """Open the content database read-only."""
    return ContentDB(path)


def connect_writable(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A writable connection in autocommit mode; callers use `transaction()`."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    distrust_schema(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# The WAL is cut back to this size after each checkpoint, so old pages (which may hold a
# number or a session that has since been erased) do not linger in a large WAL file.
STATE_JOURNAL_LIMIT = 1 << 20


def _state_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA synchronous = NORMAL")
    # Deleted and overwritten rows are zeroed on disk, not merely marked free: an erased
    # phone number cannot be read back from the file (or from a backup of it).
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute(f"PRAGMA journal_size_limit = {STATE_JOURNAL_LIMIT}")


def open_state(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open (and migrate) the state database: WAL, one connection per thread or request."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    conn = connect_writable(target)
    conn.execute("PRAGMA journal_mode = WAL")
    _state_pragmas(conn)
    migrate(conn, "state")
    return conn


def connect_state(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """A per-request connection to an already migrated state database (no migration check)."""
    conn = connect_writable(path)
    _state_pragmas(conn)
    return conn


def scrub_wal(conn: sqlite3.Connection) -> bool:
    """Copy the WAL into the database and empty it (after erasing personal data).

    The erased row's old version stays in the WAL until a checkpoint; TRUNCATE copies the
    current pages over it and cuts the WAL to nothing. Returns False when a reader still
    needed old pages (the next scrub, or the regular checkpoint, finishes the job).
    """
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return not busy


def state_writable(path: str | os.PathLike[str]) -> bool:
    """True when the state database can take a write lock right now."""
    try:
        conn = connect_writable(path)
        try:
            conn.execute("PRAGMA busy_timeout = 1000")
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return True
