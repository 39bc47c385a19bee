"""One writer at a time for a content file: build, import, verify and sync all replace it whole.

Each writer reads the current file, works out a new one and renames it over the old. Two at once
would each start from the same old file and the last rename would silently undo the other's
work, so every writer holds one lock (an flock on a file beside the database) from its first
read to its rename. A second writer waits a bounded time, then gives up with a clear message.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from directory.errors import DirectoryError

DEFAULT_WAIT = 60.0
POLL = 0.1


class WriterBusy(DirectoryError):
    """Another program is changing the directory file; this one waited and gave up."""


def lock_path(db_path: Path) -> Path:
    """The lock file every writer of db_path takes."""
    db_path = Path(db_path)
    return db_path.with_name(f".{db_path.name}.lock")


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""
    what, _, pid = text.partition(" ")
    if not what.isidentifier() or not pid.isdigit():
        return ""
    return f" (`waypost {what}`, process {pid})"


@contextlib.contextmanager
def content_writer(db_path: Path, what: str, wait: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the directory file's writer lock; wait up to `wait` seconds, then raise WriterBusy."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # Group-writable: on a kiosk the timers and a volunteer share the waypost group.
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o660)
    except OSError as exc:
        raise DirectoryError(
            f"Cannot take the directory's writer lock {str(path)!r} ({exc.strerror});"
            " run this as the user that owns the directory."
        ) from None
    try:
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WriterBusy(
                        f"Another program{_holder(fd)} is changing the directory"
                        f" {str(Path(db_path))!r}; waited {wait:g} s. Nothing was changed:"
                        " try again when it has finished."
                    ) from None
                time.sleep(POLL)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{what} {os.getpid()}\n".encode(), 0)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


__all__ = ["DEFAULT_WAIT", "WriterBusy", "content_writer", "lock_path"]
