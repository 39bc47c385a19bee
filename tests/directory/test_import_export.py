"""The spreadsheet round trip: export, edit as Excel would, dry-run, import, or reject."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory import DataValidationError, open_content
from directory.exchange.exporter import export_directory
from directory.exchange.importer import import_into
from directory.exchange.spreadsheet import EXPORT_COLUMNS, spreadsheet_date
from directory.lookup.services import get_service
from tests.directory.exchange_fixture import build_fixture_db, sha
from waypost.cli import cli


@pytest.fixture(scope="module")
def master_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("exchange"))


@pytest.fixture(scope="module")
def exported(master_db: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    return export_rows(master_db, tmp_path_factory.mktemp("exported"))


@pytest.fixture
def rows(exported: list[dict[str, str]]) -> list[dict[str, str]]:
    return [dict(r) for r in exported]


@pytest.fixture
def live(master_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "live" / "directory.db"
    path.parent.mkdir()
    shutil.copy2(master_db, path)
    return path


def export_rows(db_path: Path, out: Path) -> list[dict[str, str]]:
    with open_content(db_path) as db:
        export_directory(db, "csv", out)
    text = (out / "services.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def write_sheet(path: Path, rows: list[dict[str, str]], sep: str = ",", bom: bool = True) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, EXPORT_COLUMNS, delimiter=sep, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8")
    return path


def run_import(db_path: Path, source: Path, dry_run: bool = False, by: str = "Tess") -> object:
    with open_content(db_path) as db:
        return import_into(db, source, by, dry_run=dry_run)


def by_id(rows: list[dict[str, str]], ref: str) -> dict[str, str]:
    return next(r for r in rows if r["service_id"] == ref)


def test_export_has_every_service_with_managed_columns(live: Path, tmp_path: Path) -> None:
    rows = export_rows(live, tmp_path / "out")
    with open_content(live) as db:
        count = db.execute("SELECT count(*) FROM service").fetchone()[0]
    assert len(rows) == count
    lewes = by_id(rows, "lewes-visitor-centre")
    assert lewes["categories"] == "visiting;children"
    assert lewes["hours"] == "Sat 13:00-16:00; Sun 13:00-16:00"
    assert lewes["phones"] == "020 7946 0123 (centre); 0113 496 0456 (office)"
    assert lewes["organization_name"] == "Sussex Prisoners' Families"
    assert len(lewes["service_uuid"]) == 36
    assert (tmp_path / "out" / "services.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_unedited_export_imports_as_no_change(live: Path, tmp_path: Path) -> None:
    export_rows(live, tmp_path / "out")
    before = sha(live)
    changes = run_import(live, tmp_path / "out")
    assert changes.empty  # type: ignore[attr-defined]
    assert sha(live) == before


def test_excel_style_edits_apply_with_metadata(live: Path, tmp_path: Path) -> None:
    rows = export_rows(live, tmp_path / "out")
    lewes = by_id(rows, "lewes-visitor-centre")
    lewes["name"] = "Lewes visitors' centre"
    lewes["assured_date"] = "23/10/2026"  # what Excel shows in a UK locale
    lewes["latitude"] = lewes["latitude"].replace(".", ",")  # decimal comma, semicolon file
    new = {c: "" for c in EXPORT_COLUMNS} | {
        "service_id": "brighton-food-bank",
        "organization_id": "sussex-families",
        "name": "Brighton food bank",
        "categories": "essentials",
        "phones": "0121 496 0001 (food bank)",
        "hours": "Tue,Thu 10:00-12:00",
        "postal_code": "BN2 1AA",
        "city": "Brighton",
        "source": "Volunteer phone call",
        "assured_date": "46300",  # an Excel serial day number: 2026-10-05
    }
    kept = [r for r in rows if r["service_id"] != "brighton-housing-advice"] + [new]
    sheet = write_sheet(tmp_path / "edited.csv", kept, sep=";")
    before = sha(live)
    preview = run_import(live, sheet, dry_run=True)
    assert sha(live) == before
    lines = "\n".join(preview.lines())  # type: ignore[attr-defined]
    assert "+ add service brighton-food-bank" in lines
    assert "- remove service brighton-housing-advice" in lines
    assert "name: 'Lewes visitor centre' -> \"Lewes visitors' centre\"" in lines
    assert "assured_date: '2026-03-02' -> '2026-10-23'" in lines
    assert "latitude" not in lines  # 50,8716 is the same number as 50.8716
    run_import(live, sheet, by="Tess Volunteer")
    assert sha(live) != before
    with open_content(live) as db:
        assert get_service(db, "lewes-visitor-centre").name == "Lewes visitors' centre"
        food = get_service(db, "brighton-food-bank")
        assert food.assured_date == "2026-10-05"
        assert [p.number for p in food.phones] == ["0121 496 0001"]
        assert food.latitude is not None and 50.8 < food.latitude < 50.9  # BN2's centroid
        assert (
            db.execute(
                "SELECT count(*) FROM service WHERE ref = 'brighton-housing-advice'"
            ).fetchone()[0]
            == 0
        )
        meta = db.execute(
            "SELECT last_action_type, field_name, previous_value, replacement_value, updated_by"
            " FROM metadata ORDER BY rowid"
        ).fetchall()
    assert (
        "update",
        "name",
        "Lewes visitor centre",
        "Lewes visitors' centre",
        "Tess Volunteer",
    ) in meta
    assert ("create", "*", "(empty)", "brighton-food-bank", "Tess Volunteer") in meta
    assert ("delete", "*", "brighton-housing-advice", "(empty)", "Tess Volunteer") in meta


def test_earlier_metadata_is_kept_across_imports(live: Path, tmp_path: Path) -> None:
    rows = export_rows(live, tmp_path / "out")
    for name in ("First", "Second"):
        by_id(rows, "test-helpline")["name"] = name
        run_import(live, write_sheet(tmp_path / f"{name}.csv", rows), by=name)
    with open_content(live) as db:
        meta = db.execute(
            "SELECT previous_value, replacement_value FROM metadata WHERE field_name = 'name'"
            " ORDER BY rowid"
        ).fetchall()
    assert meta == [("Test family helpline", "First"), ("First", "Second")]


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("phones", "0121 496 00", "is not a number in use"),
        ("phones", "1214960001", "dropped the leading 0"),
        ("phones", "01234", "too short for a phone number in GB"),
        ("service_area", "GB-XYZ", "is not an area code"),
        ("service_area", "GB-SCT", "a local service serves around its location"),
        ("postal_code", "BN99 ZZZ9", "is not a UK postcode"),
        ("hours", "Mon-Fri 9-5", "is not a time span"),
        ("categories", "housing;cash", "is not a category key"),
        ("url", "www.example.org", "should start with https://"),
        ("email", "centre.example.org", "is not an email address"),
        ("name", "", "is required"),
        ("assured_date", "31/31/2026", "is not a date"),
        ("status", "open", "must be one of"),
        ("organization_id", "nobody", "is not an organization_id"),
    ],
)
def test_bad_cells_are_reported_by_row_and_column_and_change_nothing(
    live: Path, tmp_path: Path, rows: list[dict[str, str]], column: str, value: str, problem: str
) -> None:
    index = next(i for i, r in enumerate(rows) if r["service_id"] == "lewes-visitor-centre")
    rows[index][column] = value
    sheet = write_sheet(tmp_path / "bad.csv", rows)
    before = sha(live)
    with pytest.raises(DataValidationError) as caught:
        run_import(live, sheet)
    assert sha(live) == before
    issues = [(i.file, i.row, i.column) for i in caught.value.issues if problem in i.problem]
    assert issues == [("bad.csv", index + 2, column)], caught.value.issues


def test_duplicate_ids_are_reported(live: Path, tmp_path: Path) -> None:
    rows = export_rows(live, tmp_path / "out")
    copy = dict(by_id(rows, "test-helpline"))
    copy["service_uuid"] = ""
    sheet = write_sheet(tmp_path / "dup.csv", [*rows, copy])
    with pytest.raises(DataValidationError) as caught:
        run_import(live, sheet)
    found = [(i.row, i.column) for i in caught.value.issues if "used twice" in i.problem]
    assert found == [(len(rows) + 2, "service_id")]


def test_a_new_postcode_moves_the_service(live: Path, tmp_path: Path) -> None:
    rows = export_rows(live, tmp_path / "out")
    row = by_id(rows, "brighton-housing-advice")
    row["postal_code"], row["city"] = "LS1 4AP", "Leeds"
    run_import(live, write_sheet(tmp_path / "moved.csv", rows))
    with open_content(live) as db:
        lat = db.execute(
            "SELECT l.latitude FROM service s JOIN service_at_location a ON a.service_id = s.id"
            " JOIN location l ON l.id = a.location_id WHERE s.ref = 'brighton-housing-advice'"
        ).fetchone()[0]
    assert 53.7 < lat < 53.9  # Leeds, not Brighton (50.8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-23", "2026-11-23"),
        ("2026-11-23 00:00:00", "2026-11-23"),
        ("2026-11-23T00:00", "2026-11-23"),
        ("23/11/2026", "2026-11-23"),
        ("23.11.2026", "2026-11-23"),
        ("3/4/26", "2026-04-03"),
        ("11/23/2026", "2026-11-23"),  # month first only when day first is impossible
        ("46349", "2026-11-23"),
        ("46349.0", "2026-11-23"),
        ("", ""),
        ("next week", None),
        ("31/31/2026", None),
    ],
)
def test_spreadsheet_dates(text: str, expected: str | None) -> None:
    assert spreadsheet_date(text) == expected


def test_not_utf8_is_one_clear_problem(live: Path, tmp_path: Path) -> None:
    rows = export_rows(live, tmp_path / "out")
    sheet = write_sheet(tmp_path / "x.csv", rows, bom=False)
    sheet.write_bytes(sheet.read_bytes().replace(b"'", "\u2019".encode("cp1252")))
    with pytest.raises(DataValidationError) as caught:
        run_import(live, sheet)
    assert [str(i) for i in caught.value.issues] == [
        "x.csv: is not UTF-8 text: in your spreadsheet, save as 'CSV UTF-8'"
    ]


def test_cli_dry_run_and_rejection(live: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "cli-out"
    result = runner.invoke(cli, ["export", "--format", "csv", str(out), "--db", str(live)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((out / "services.csv").read_text("utf-8-sig"))))
    by_id(rows, "test-helpline")["fees"] = "Free from landlines and mobiles"
    sheet = write_sheet(tmp_path / "s.csv", rows)
    before = sha(live)
    result = runner.invoke(cli, ["import", str(sheet), "--dry-run", "--db", str(live)])
    assert result.exit_code == 0, result.output
    assert "~ change service test-helpline" in result.output
    assert "Dry run: 0 service(s) added, 1 changed, 0 removed." in result.output
    assert sha(live) == before
    by_id(rows, "test-helpline")["phones"] = "12345678901234"
    result = runner.invoke(
        cli, ["import", str(write_sheet(tmp_path / "b.csv", rows)), "--db", str(live)]
    )
    assert result.exit_code == 2
    assert "column 'phones'" in result.output and "Traceback" not in result.output
    assert sha(live) == before
    result = runner.invoke(cli, ["import", str(sheet), "--by", "Kim", "--db", str(live)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(live)
    assert conn.execute("SELECT updated_by FROM metadata").fetchall() == [("Kim",)]
    conn.close()
