"""Backing up the state database with SQLite's online backup API, keeping the newest N copies.

The state db is live (WAL, written by the gateway or the kiosk while we copy), so a file copy
could tear. `sqlite3.Connection.backup()` takes a consistent snapshot page by page; the copy is
written beside its final name, checked, switched to a single-file journal and renamed into place,
so a half-written backup never carries a backup's name.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from directory.errors import DirectoryError

PREFIX = "state-"
SUFFIX = ".db"
# state-20250102T023000.123456Z.db: the stamp sorts in time order as plain text.
BACKUP_NAME = re.compile(r"^state-\d{8}T\d{6}\.\d{6}Z\.db$")


class BackupFailed(DirectoryError):
    """The backup could not be made; the previous backups were left alone."""


@dataclass(frozen=True)
class BackupResult:
    """The new backup file, the backups kept (newest first) and those removed."""

    path: Path
    kept: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def backup_name(when: datetime) -> str:
    """The file name of a backup taken at `when` (UTC, microseconds, sorts as text)."""
    stamp = when.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    return f"{PREFIX}{stamp}{SUFFIX}"


def list_backups(folder: Path) -> list[Path]:
    """Backups in `folder`, newest first; other files are ignored."""
    if not folder.is_dir():
        return []
    names = sorted((p.name for p in folder.iterdir() if BACKUP_NAME.match(p.name)), reverse=True)
    return [folder / name for name in names]


def _copy(source: Path, target: Path) -> None:
    # mode=rw: never create an empty state db when the path is wrong, but let WAL readers
    # take the shared-memory lock they need.
    uri = f"file:{quote(str(source.resolve()))}?mode=rw"
    src = sqlite3.connect(uri, uri=True)
    try:
        src.execute("PRAGMA busy_timeout = 10000")
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
            # A backup is one self-contained file: no -wal beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
            (result,) = dst.execute("PRAGMA quick_check").fetchone()
            if result != "ok":
                raise BackupFailed(f"The backup copy failed its check ({result}).")
        finally:
            dst.close()
    finally:
        src.close()


def backup_state(
    source: Path, folder: Path, keep: int = 14, now: datetime | None = None
) -> BackupResult:
    """Copy the state db into `folder` as a dated file, then delete all but the newest `keep`."""
    if keep < 1:
        raise BackupFailed("Keep at least one backup (--keep 1 or more).")
    if not source.is_file():
        raise BackupFailed(f"There is no state database at {str(source)!r} to back up.")
    # Backups hold the outbox (phone numbers not yet texted): owner-only, like the state db.
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    final = folder / backup_name(now or datetime.now(UTC))
    partial = folder / f".{final.name}.partial"
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        _copy(source, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, final)
    except sqlite3.Error as exc:
        raise BackupFailed(f"Could not back up {str(source)!r}: {exc}.") from exc
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    backups = list_backups(folder)
    kept, removed = backups[:keep], backups[keep:]
    for old in removed:
        old.unlink(missing_ok=True)
    return BackupResult(path=final, kept=kept, removed=removed)
