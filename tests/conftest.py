"""Fixtures shared by every test package: the test directory, real database files.

Behaviour tests run on tests/fixtures/directory, a frozen copy of data/ (with the real
gazetteers): a volunteer's edit to data/ cannot break them. The real data/ folder is tested for
its invariants only, in tests/data.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory import ContentDB, build, open_content
from tests.cups_fixture import cups_queue, printed  # noqa: F401  (shared fixtures)

ROOT = Path(__file__).resolve().parent.parent
REAL_DATA = ROOT / "data"
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "directory"


def assemble_data(target: Path) -> Path:
    """A data/ folder from the test directory's files, with the real gazetteers linked."""
    target.mkdir(parents=True, exist_ok=True)
    for item in FIXTURE_DATA.iterdir():
        if item.is_dir():
            shutil.copytree(item, target / item.name)
        elif item.suffix in (".csv", ".toml", ".txt"):
            shutil.copy2(item, target / item.name)
    (target / "places").symlink_to(REAL_DATA / "places")
    return target


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test directory's data folder (read-only: use data_copy to change anything)."""
    return assemble_data(tmp_path_factory.mktemp("fixture") / "data")


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    """The repository's real data/ folder, for invariant tests only."""
    return REAL_DATA


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """A content database built once per test session from the test directory."""
    path = tmp_path_factory.mktemp("content") / "directory.db"
    build(data_dir, path)
    return path


@pytest.fixture
def content(built_db: Path) -> Iterator[ContentDB]:
    """A read-only handle on the test directory."""
    db = open_content(built_db)
    yield db
    db.close()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the test directory (gazetteers linked, not copied)."""
    return assemble_data(tmp_path / "data")


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    """A path for a fresh state database."""
    return tmp_path / "state.db"
