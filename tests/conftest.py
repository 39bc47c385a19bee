"""Fixtures shared by every test package: real data, real database files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory import ContentDB, build, open_content
from tests.cups_fixture import cups_queue, printed  # noqa: F401  (shared fixtures)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The repository's real data folder (read-only: copy it before changing anything)."""
    return DATA


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content database built once per test session from the real data/ folder."""
    path = tmp_path_factory.mktemp("content") / "directory.db"
    build(DATA, path)
    return path


@pytest.fixture
def content(built_db: Path) -> Iterator[ContentDB]:
    """A read-only handle on the real directory."""
    db = open_content(built_db)
    yield db
    db.close()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ (gazetteers linked, not copied) for tests that edit files."""
    target = tmp_path / "data"
    target.mkdir()
    for item in DATA.iterdir():
        if item.name == "places":
            (target / "places").symlink_to(item)
        elif item.is_dir():
            shutil.copytree(item, target / item.name)
        else:
            shutil.copy2(item, target / item.name)
    return target


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    """A path for a fresh state database."""
    return tmp_path / "state.db"
