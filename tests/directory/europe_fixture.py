"""A small directory with a few services in each UpFamilies country, a UK-only line and an
EU-wide one (fixture files, all marked as test entries), over the real categories and gazetteers
and the test directory's prisons (a frozen copy: a prison added to data/ near a capital must not
change what these tests see): for the coverage tests of search, the SMS line and the kiosk."""

from __future__ import annotations

import shutil
from pathlib import Path

from directory import build

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "europe"
DATA = HERE.parent.parent / "data"
PRISONS = HERE.parent / "fixtures" / "directory" / "prisons.csv"

# What each capital should be answered with: (text as a family writes it, country, the country's
# national test line, the local test service near it or None).
CAPITALS = (
    ("Madrid", "ES", "Test Familias ES", "Test Grupo Madrid"),
    ("Lisboa", "PT", "Test Famílias PT", None),
    ("Berlin", "DE", "Test Angehörige DE", "Test Berlin"),
    ("Athens", "GR", "Test Οικογένειες GR", None),
    ("Bucuresti", "RO", "Test Familii RO", "Test București"),
)
UK_ONLY = "Test UK Only"
EU_WIDE = "Test EU Network"


def make_data(target: Path) -> Path:
    """A data/ folder from the fixture files, the real categories, the test directory's prisons
    and the places."""
    target.mkdir(parents=True, exist_ok=True)
    for item in FIXTURES.iterdir():
        shutil.copy2(item, target / item.name)
    shutil.copy2(DATA / "categories.toml", target / "categories.toml")
    shutil.copy2(PRISONS, target / "prisons.csv")
    (target / "places").symlink_to(DATA / "places")
    return target


def build_europe_db(folder: Path) -> Path:
    """Build the fixture directory into folder/directory.db."""
    path = folder / "directory.db"
    build(make_data(folder / "data"), path)
    return path
