"""The content database for a long-running front end: opened lazily, replaced when swapped.

`ContentDB.refresh()` closes the old connection while it swaps in the new one, which would
break a request reading it on another thread. So the source never refreshes or closes a handle
that requests may hold: when the file changes it opens a new `ContentDB` and hands that out
from then on; the old one is closed when the last request holding it lets it go.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from directory.db.connections import ContentDB, open_content
from directory.errors import ContentUnavailable

log = logging.getLogger(__name__)

_Identity = tuple[int, int]


class ContentSource:
    """Hands out the read-only directory; a missing or broken new file is never fatal."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: ContentDB | None = None
        self._identity: _Identity | None = None
        self._rejected: _Identity | None = None
        self._lock = threading.Lock()

    def _stat(self) -> _Identity | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None  # being replaced, or gone: keep serving the open file
        return (st.st_ino, st.st_mtime_ns)

    def get(self) -> ContentDB:
        """The open directory, reopened if the file was swapped; raises ContentUnavailable."""
        identity = self._stat()
        db = self._db
        if db is not None and (identity is None or identity in (self._identity, self._rejected)):
            return db
        with self._lock:
            if self._db is not None and self._identity == identity:
                return self._db
            try:
                fresh = open_content(self.path)
            except ContentUnavailable:
                if self._db is None:
                    raise
                self._rejected = identity  # log once per broken file, not once per text
                log.exception("the new directory file is unreadable; keeping the old one")
                return self._db
            if self._db is not None:
                log.info("directory file changed; now version %s", fresh.version)
            else:
                log.info("opened directory version %s", fresh.version)
            # The old handle is not closed here: requests on other threads may be reading it.
            self._db, self._identity = fresh, identity
            return fresh

    def close(self) -> None:
        """Close the directory if it is open (at shutdown, when no request is running)."""
        if self._db is not None:
            self._db.close()
            self._db = None
            self._identity = None
