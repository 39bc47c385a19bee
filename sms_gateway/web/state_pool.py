"""Open state-database connections, lent to one request at a time and kept for the next.

Opening a connection and setting its PRAGMAs was a large share of the request path
(docs/performance.md). A connection is still never used by two requests at once: it is taken
out of the pool for the whole request and put back only when the request is done with it.

The pool's connections never checkpoint the WAL themselves: with SQLite's automatic
checkpoint, every ~1000 pages one unlucky text paid for copying the WAL back and syncing it
(the p99 of a commit; docs/performance.md). A `Checkpointer` thread does it
instead, off the request path; SQLite releases the GIL while it works.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from directory.db.connections import connect_state

log = logging.getLogger(__name__)

MAX_IDLE = 8  # more than the requests in hand at once on one event loop and its thread pool


class StatePool:
    """A small pool of open connections to one (already migrated) state database."""

    def __init__(self, path: Path, max_idle: int = MAX_IDLE) -> None:
        self.path = path
        self._max_idle = max_idle
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        """A connection for this request alone; returned to the pool afterwards.

        A connection that saw an exception is closed rather than kept: whatever went wrong
        (a half-finished statement, a lost file) does not reach the next request.
        """
        with self._lock:
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = connect_state(self.path)
            conn.execute("PRAGMA wal_autocheckpoint = 0")  # the Checkpointer's job
        try:
            yield conn
        except BaseException:
            conn.close()
            raise
        self._give_back(conn)

    def _give_back(self, conn: sqlite3.Connection) -> None:
        if conn.in_transaction:  # never hand on a transaction left open
            conn.close()
            return
        with self._lock:
            if not self._closed and len(self._idle) < self._max_idle:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        """Close the idle connections; ones still lent out are closed when they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


CHECKPOINT_SECONDS = 0.5


class Checkpointer:
    """A daemon thread that copies the WAL back into the state database every half second."""

    def __init__(self, path: Path, every: float = CHECKPOINT_SECONDS) -> None:
        self.path = path
        self._every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start checkpointing (once)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="state-checkpointer", daemon=True
            )
            self._thread.start()

    def _run(self) -> None:
        conn = connect_state(self.path)
        try:
            while not self._stop.wait(self._every):
                try:
                    # PASSIVE: never waits for, or blocks, the requests writing meanwhile.
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    log.exception("could not checkpoint the state database")
        finally:
            conn.close()

    def stop(self) -> None:
        """Stop the thread and wait for it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
