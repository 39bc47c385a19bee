"""A small real directory for the import/export and staleness tests (fixture files + real
prisons and gazetteers), built once per module and copied per test."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from directory import build

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "exchange"
DATA = HERE.parent.parent / "data"  # the real gazetteers
PRISONS = HERE.parent / "fixtures" / "directory" / "prisons.csv"


def make_data(target: Path) -> Path:
    """A data/ folder from the fixture files, with the test directory's prisons and real places."""
    target.mkdir(parents=True, exist_ok=True)
    for item in FIXTURES.iterdir():
        shutil.copy2(item, target / item.name)
    shutil.copy2(PRISONS, target / "prisons.csv")
    (target / "places").symlink_to(DATA / "places")
    return target


def build_fixture_db(folder: Path) -> Path:
    """Build the fixture directory into folder/directory.db."""
    path = folder / "directory.db"
    build(make_data(folder / "data"), path)
    return path


def sha(path: Path) -> str:
    """The file's SHA-256, to prove it is byte-for-byte unchanged."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
