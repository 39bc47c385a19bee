"""Every CSV Waypost writes is formula-neutral, and its reader gives the values back: the guide
files of a spreadsheet export and the HSDS data package, besides the sheet itself (see
test_spreadsheet_safety.py for the sheet, the call list and the usage report)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from directory import open_content
from directory.building.builder import install_database
from directory.building.readback import read_sources
from directory.exchange.exporter import export_directory
from directory.exchange.importer import import_into
from directory.lookup.services import get_service
from directory.text.phones import parse_phones
from tests.directory.exchange_fixture import build_fixture_db, sha

ROOT = Path(__file__).resolve().parents[2]
LINK = '=HYPERLINK("https://evil.example/","Visits booking")'
LABEL = "@SUM(1+1)*cmd|' /C calc'!A0"
PHONE = "+33 1 42 53 71 85"  # the test directory's COPE office, written internationally
HSDS_PHONE = "+34 912 34 56 78"
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
NEGATIVE = re.compile(r"-\d+(\.\d+)?")


@pytest.fixture(scope="module")
def attacked_db(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test directory with a formula in a service name, a guide text and a guide label."""
    with open_content(built_db) as db:
        sources = read_sources(db)
    service = next(s for s in sources.services if s.ref == "cope-network")
    assert [p.number for p in service.phones] == [PHONE]
    service.name = LINK
    guides = sources.guides
    first = guides.sections[0]
    guides.sections[0] = dataclasses.replace(first, text=LINK)
    guides.labels[("sources", "en")] = LABEL
    path = tmp_path_factory.mktemp("attacked") / "directory.db"
    install_database(sources, path)
    return path


@pytest.fixture
def live(attacked_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "live.db"
    shutil.copy2(attacked_db, path)
    return path


@pytest.fixture
def hsds_live(tmp_path: Path) -> Path:
    """The exchange fixture (the HSDS tests' own) with a formula name and a +44 phone number."""
    path = build_fixture_db(tmp_path / "hsds")
    with open_content(path) as db:
        sources = read_sources(db)
    service = next(s for s in sources.services if s.ref == "test-helpline")
    service.name = LINK
    service.phones = parse_phones(HSDS_PHONE)
    assert service.phones[0].number.startswith("+")
    live = tmp_path / "live.db"
    install_database(sources, live)
    return live


def _cells(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _assert_safe(path: Path) -> list[list[str]]:
    rows = _cells(path)
    for row in rows:
        for cell in row:
            assert NEGATIVE.fullmatch(cell) or not cell.startswith(DANGEROUS), (path.name, cell)
    return rows


def test_exported_guide_files_are_formula_neutral_and_import_back_unchanged(
    live: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sheet"
    with open_content(live) as db:
        written = export_directory(db, "csv", out)
    guide_files = [p for p in written if p.parent.name == "guides"]
    assert {p.name for p in guide_files} >= {"nations.csv", "labels.csv", "stages.csv"}
    cells = {name: _assert_safe(out / "guides" / name) for name in ("nations.csv", "labels.csv")}
    assert "'" + LINK in [row[3] for row in cells["nations.csv"]]
    assert ["sources", "en", "'" + LABEL] in cells["labels.csv"]
    services = _assert_safe(out / "services.csv")
    assert any("'" + PHONE in cell for row in services for cell in row)
    before = sha(live)
    with open_content(live) as db:
        assert import_into(db, out, "Kim").empty
    assert sha(live) == before  # the guides read back equal: nothing was written
    with open_content(live) as db:
        guides = read_sources(db).guides
    assert guides.sections[0].text == LINK and guides.labels[("sources", "en")] == LABEL


def test_the_hsds_package_is_formula_neutral_and_imports_back_unchanged(
    hsds_live: Path, tmp_path: Path
) -> None:
    live = hsds_live
    out = tmp_path / "package"
    with open_content(live) as db:
        written = export_directory(db, "hsds", out)
    tables = [p for p in written if p.suffix == ".csv"]
    assert len(tables) > 10
    cells = {p.name: _assert_safe(p) for p in tables}
    assert "'" + LINK in [cell for row in cells["services.csv"] for cell in row]
    assert "'" + HSDS_PHONE in [cell for row in cells["phones.csv"] for cell in row]
    # The JSON form is for programs, not spreadsheets: its values stay bare.
    services = json.loads((out / "services.json").read_text(encoding="utf-8"))
    assert LINK in [s["name"] for s in services]
    before = sha(live)
    with open_content(live) as db:
        assert import_into(db, out, "Kim").empty
        assert import_into(db, out / "services.json", "Kim").empty
    assert sha(live) == before
    with open_content(live) as db:
        service = get_service(db, "test-helpline", "en")
    assert service.name == LINK and [p.number for p in service.phones] == [HSDS_PHONE]


WRITERS = re.compile(r"csv\.(writer|DictWriter)\(")


def test_every_csv_writer_in_the_project_neutralises_its_cells() -> None:
    """A new CSV writer that forgets the one helper is caught here, not in a volunteer's Excel."""
    packages = ("directory", "kiosk", "printouts", "waypost", "web", "sms_gateway")
    writers = [
        path
        for package in packages
        for path in sorted((ROOT / package).rglob("*.py"))
        if WRITERS.search(path.read_text(encoding="utf-8"))
    ]
    assert len(writers) >= 5, writers
    forgetful = [
        str(path.relative_to(ROOT))
        for path in writers
        if "neutralise_row(" not in path.read_text(encoding="utf-8")
    ]
    assert forgetful == []
