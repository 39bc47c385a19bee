"""The content database for a long-running gateway: opened lazily, reopened when swapped."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from directory.database import ContentDB, open_content
from directory.errors import ContentUnavailable

log = logging.getLogger(__name__)


class ContentSource:
    """Hands out the read-only directory; a missing file is retried, never fatal."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: ContentDB | None = None
        self._lock = threading.Lock()

    def get(self) -> ContentDB:
        """The open directory, refreshed if the file was swapped; raises ContentUnavailable."""
        db = self._db
        if db is None:
            with self._lock:
                if self._db is None:
                    self._db = open_content(self.path)
                    log.info("opened directory version %s", self._db.version)
                db = self._db
        try:
            if db.refresh():
                log.info("directory file changed; now version %s", db.version)
        except ContentUnavailable:
            log.exception("the new directory file is unreadable; keeping the old one")
        return db

    def close(self) -> None:
        """Close the directory if it is open."""
        if self._db is not None:
            self._db.close()
            self._db = None
