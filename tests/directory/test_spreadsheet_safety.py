"""Spreadsheets cannot attack the volunteer: no CSV cell runs as a formula, and every value
comes back unchanged on import; HSDS packages' own waypost_* files are checked row by row."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory import DataValidationError, open_content, open_state
from directory.building.builder import install_database
from directory.building.readback import read_sources
from directory.exchange.exporter import export_directory
from directory.exchange.importer import import_into
from directory.reports.usage_figures import build_report, report_csv
from directory.state.usage import record_event
from directory.text.formula import neutralise, restore
from tests.directory.exchange_fixture import build_fixture_db, sha
from waypost.cli import cli

ATTACKS = {
    "name": '=HYPERLINK("https://evil.example/","Test family helpline")',
    "description": "+cmd|' /C calc'!A0",
    "eligibility": "-2+3+cmd|' /C calc'!A0",
    "fees": "@SUM(1+1)*cmd|' /C calc'!A0",
    "notes": "\t=1+1",
    # A cell starting with CR is neutralised too (test_neutralise_and_restore_round_trip); the
    # CSV reader turns a CR inside a cell into a line feed, so it is not in the round trip.
    "application": "=cmd|' /C calc'!A0",
    "source": "'=already quoted",
}
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def master_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture directory with formulas in one service's cells and a +44 phone number."""
    path = build_fixture_db(tmp_path_factory.mktemp("formulas"))
    with open_content(path) as db:
        sources = read_sources(db)
    service = next(s for s in sources.services if s.ref == "test-helpline")
    for field, value in ATTACKS.items():
        setattr(service, field, value)
    organization = next(o for o in sources.organizations if o.ref == service.organization_ref)
    organization.name = "=1+1"
    service.assured_date = ""  # never checked: it is on the call list
    rebuilt = path.with_name("rebuilt.db")
    install_database(sources, rebuilt)
    return rebuilt


@pytest.fixture
def live(master_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "live.db"
    shutil.copy2(master_db, path)
    return path


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def _assert_safe(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            numeric = cell.startswith("-") and cell[1:].replace(".", "", 1).isdigit()
            assert numeric or not cell.startswith(DANGEROUS), cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-0.1234", "-0.1234"),
        ("-1+1", "'-1+1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'quoted", "''quoted"),
        ("'", "''"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_neutralise_and_restore_round_trip(value: str, cell: str) -> None:
    assert neutralise(value) == cell
    assert restore(cell) == value


def test_the_csv_export_neutralises_formulas_and_imports_back_unchanged(
    live: Path, tmp_path: Path
) -> None:
    with open_content(live) as db:
        export_directory(db, "csv", tmp_path / "sheet")
    for name in ("services.csv", "organizations.csv", "translations.csv"):
        _assert_safe(_cells((tmp_path / "sheet" / name).read_text(encoding="utf-8-sig")))
    services = _cells((tmp_path / "sheet" / "services.csv").read_text(encoding="utf-8-sig"))
    header = services[0]
    row = next(r for r in services if r[header.index("service_id")] == "test-helpline")
    assert row[header.index("name")] == "'" + ATTACKS["name"]
    assert row[header.index("source")] == "''=already quoted"
    before = sha(live)
    with open_content(live) as db:
        changes = import_into(db, tmp_path / "sheet", "Kim")
    assert changes.empty, changes.lines()
    assert sha(live) == before


def _service_row(sheet: Path) -> tuple[list[list[str]], list[str], list[str]]:
    rows = _cells(sheet.read_text(encoding="utf-8-sig"))
    header = rows[0]
    return rows, header, next(r for r in rows if r[header.index("service_id")] == "test-helpline")


def test_a_plus_phone_number_round_trips_through_the_sheet(live: Path, tmp_path: Path) -> None:
    with open_content(live) as db:
        export_directory(db, "csv", tmp_path / "sheet")
    sheet = tmp_path / "sheet" / "services.csv"
    rows, header, row = _service_row(sheet)
    row[header.index("phones")] = "'+34 912 34 56 78"  # as the export writes it
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    sheet.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    with open_content(live) as db:
        import_into(db, tmp_path / "sheet", "Kim")
    with open_content(live) as db:
        service = next(s for s in read_sources(db).services if s.ref == "test-helpline")
        export_directory(db, "csv", tmp_path / "again")
    assert [p.number for p in service.phones] == ["+34 912 34 56 78"]
    _, header, row = _service_row(tmp_path / "again" / "services.csv")
    assert row[header.index("phones")] == "'+34 912 34 56 78"
    before = sha(live)
    with open_content(live) as db:
        assert import_into(db, tmp_path / "again", "Kim").empty
    assert sha(live) == before


def test_the_stale_call_list_csv_neutralises_formulas(live: Path) -> None:
    result = CliRunner().invoke(cli, ["stale", "--format", "csv", "--db", str(live)])
    assert result.exit_code == 0, result.output
    rows = _cells(result.stdout)
    _assert_safe(rows)
    names = [r[3] for r in rows[1:]]
    assert "'" + ATTACKS["name"] in names
    assert "'=1+1" in [r[1] for r in rows[1:]]


def test_the_usage_report_csv_neutralises_formulas(state_path: Path) -> None:
    conn = open_state(state_path)
    for _ in range(6):
        record_event(conn, "sms", "search", keyword="housing", area="BN7", language="en",
                     found=True, segments=1, day=date(2026, 3, 2))  # fmt: skip
    report = build_report(
        conn, "2026-03", keyword_names={"housing": '=HYPERLINK("https://evil.example/","x")'}
    )
    conn.close()
    rows = _cells(report_csv(report))
    _assert_safe(rows)
    assert '\'=HYPERLINK("https://evil.example/","x")' in [r[2] for r in rows]


def _edit_csv(path: Path, change: dict[tuple[int, str], str], drop: str | None = None) -> None:
    """Change cells by (spreadsheet row, column); optionally drop a whole column."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    columns = [c for c in rows[0] if c != drop]
    for (number, column), value in change.items():
        rows[number - 2][column] = value
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def package(master_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("package")
    with open_content(master_db) as db:
        export_directory(db, "hsds", out)
    return out


BAD_ROWS = {
    "waypost_categories.csv": ({(2, "position"): "first", (3, "key"): "Not A Key!"}, None),
    "waypost_category_labels.csv": ({(2, "language"): "english", (3, "key"): "nowhere"}, None),
    "waypost_keywords.csv": ({(2, "keyword"): "", (3, "key"): "nowhere"}, None),
    "waypost_places.csv": ({(2, "latitude"): "north", (3, "longitude"): "999"}, None),
    "waypost_translations.csv": ({(2, "field"): "script"}, None),
    "waypost_prisons.csv": ({(2, "latitude"): "north"}, None),
}
EXPECTED = {
    ("waypost_categories.csv", 2, "position"),
    ("waypost_categories.csv", 3, "key"),
    ("waypost_category_labels.csv", 2, "language"),
    ("waypost_category_labels.csv", 3, "key"),
    ("waypost_keywords.csv", 2, "keyword"),
    ("waypost_keywords.csv", 3, "key"),
    ("waypost_places.csv", 2, "latitude"),
    ("waypost_places.csv", 3, "longitude"),
    ("waypost_translations.csv", 2, "field"),
    ("waypost_prisons.csv", 2, "latitude"),
}


def test_malformed_waypost_rows_are_reported_by_file_row_and_column(
    package: Path, live: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "package"
    shutil.copytree(package, broken)
    for name, (change, drop) in BAD_ROWS.items():
        _edit_csv(broken / name, change, drop)
    before = sha(live)
    with open_content(live) as db, pytest.raises(DataValidationError) as raised:
        import_into(db, broken, "Kim")
    found = {(i.file, i.row, i.column) for i in raised.value.issues}
    assert found >= EXPECTED, sorted(EXPECTED - found)
    assert sha(live) == before
    result = CliRunner().invoke(cli, ["import", str(broken), "--by", "Kim", "--db", str(live)])
    assert result.exit_code == 2
    assert "waypost_places.csv" in result.output and "Traceback" not in result.output


def test_a_waypost_file_without_a_column_is_reported_not_a_traceback(
    package: Path, live: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "package"
    shutil.copytree(package, broken)
    _edit_csv(broken / "waypost_places.csv", {}, drop="latitude")
    _edit_csv(broken / "waypost_categories.csv", {}, drop="position")
    with open_content(live) as db, pytest.raises(DataValidationError) as raised:
        import_into(db, broken, "Kim")
    found = {(i.file, i.row, i.column) for i in raised.value.issues}
    assert ("waypost_places.csv", 1, "latitude") in found
    assert ("waypost_categories.csv", 1, "position") in found
