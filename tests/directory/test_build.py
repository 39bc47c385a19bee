"""Building the directory: validation by file/row/column, atomic swap, idempotence."""

from __future__ import annotations

import csv
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from directory import DataValidationError, build, open_content
from directory.db.migrations import latest_version
from tests.conftest import FIXTURE_DATA


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _edit_services(data: Path, row_index: int, column: str, value: str) -> int:
    path = data / "services.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    rows[row_index][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return row_index + 2  # spreadsheet row number (the header is row 1)


def test_build_has_the_real_data(built_db: Path) -> None:
    db = open_content(built_db)
    counts = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("prison", "category", "organization", "service", "place", "keyword")
    }
    with (FIXTURE_DATA / "prisons.csv").open(encoding="utf-8") as fh:
        prisons_in_file = sum(1 for _ in csv.DictReader(fh))
    assert counts["prison"] == prisons_in_file >= 125
    assert counts["category"] == 15
    assert counts["service"] >= prisons_in_file + 20
    assert counts["place"] > 30_000
    assert db.execute("PRAGMA user_version").fetchone()[0] == latest_version("content")
    # every entry carries its source; seed data is unverified
    assert (
        db.execute("SELECT count(*) FROM service WHERE source IS NULL OR source = ''").fetchone()[0]
        == 0
    )
    langs = {r[0] for r in db.execute("SELECT DISTINCT language FROM category_label")}
    assert {"en", "es", "pt", "de", "el", "ro"} <= langs


def test_every_prison_has_coordinates_and_a_visiting_entry(built_db: Path) -> None:
    db = open_content(built_db)
    missing = db.execute("SELECT count(*) FROM prison WHERE latitude IS NULL").fetchone()[0]
    assert missing == 0
    visiting = db.execute(
        "SELECT count(*) FROM service s JOIN service_category c ON c.service_rowid = s.rowid"
        " WHERE s.ref LIKE 'prison-visits-%' AND c.category_key = 'visiting'"
    ).fetchone()[0]
    assert visiting == db.execute("SELECT count(*) FROM prison").fetchone()[0]


def test_build_is_idempotent(tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "a.db"
    first = build(data_dir, db)
    dump1 = list(sqlite3.connect(db).iterdump())
    second = build(data_dir, db)
    dump2 = list(sqlite3.connect(db).iterdump())
    assert first.split("-")[1] == second.split("-")[1]  # same content fingerprint
    strip = [line for line in dump1 if "built_at" not in line]
    assert strip == [line for line in dump2 if "built_at" not in line]


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("categories", "housing;spaceships", "not a category key"),
        ("phones", "0800 CALL NOW", "number"),
        ("hours", "Mondays 9 till 5", "not a day"),
        ("hours", "9 till 5", "days then times"),
        ("hours", "Mon-Fri 09:00-25:99", "impossible time"),
        ("postal_code", "BN99 9ZZZ", "UK postcode"),
        ("name", "", "required"),
        ("source", "", "required"),
        ("email", "not-an-email", "email"),
        ("url", "www example", "web address"),
        ("scope", "galactic", "local or national"),
        ("assured_date", "31/31/2020", "YYYY-MM-DD"),
        ("organization_id", "nobody", "organizations.csv"),
    ],
)
def test_bad_row_names_file_row_and_column_and_keeps_old_db(
    tmp_path: Path, data_copy: Path, built_db: Path, column: str, value: str, problem: str
) -> None:
    db = tmp_path / "directory.db"
    shutil.copy2(built_db, db)  # the live directory, built from the same data
    before = _digest(db)
    row = _edit_services(data_copy, 3, column, value)
    with pytest.raises(DataValidationError) as caught:
        build(data_copy, db)
    issues = caught.value.issues
    match = [i for i in issues if i.file == "services.csv" and i.row == row and i.column == column]
    assert match, [str(i) for i in issues]
    assert problem in match[0].problem
    assert f"row {row}" in str(caught.value) and repr(column) in str(caught.value)
    assert _digest(db) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_duplicate_service_id(tmp_path: Path, data_copy: Path) -> None:
    path = data_copy / "services.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        build(data_copy, tmp_path / "d.db")
    assert any(i.column == "service_id" and "twice" in i.problem for i in caught.value.issues)
    assert not (tmp_path / "d.db").exists()


def test_missing_column_is_reported(tmp_path: Path, data_copy: Path) -> None:
    path = data_copy / "organizations.csv"
    text = path.read_text(encoding="utf-8").replace(",description,", ",descr,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        build(data_copy, tmp_path / "d.db")
    assert any(i.row == 1 and i.column == "description" for i in caught.value.issues)


def test_open_content_is_read_only(built_db: Path) -> None:
    db = open_content(built_db)
    with pytest.raises(sqlite3.OperationalError):
        db.execute("DELETE FROM service")


def test_refresh_picks_up_a_rebuilt_file(tmp_path: Path, data_dir: Path, data_copy: Path) -> None:
    db_path = tmp_path / "directory.db"
    build(data_dir, db_path)
    db = open_content(db_path)
    before = db.execute("SELECT count(*) FROM service").fetchone()[0]
    path = data_copy / "services.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    dropped = lines[-1].split(",")[0]
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    translations = data_copy / "translations.csv"
    kept = [
        line
        for line in translations.read_text(encoding="utf-8").splitlines()
        if f",{dropped}," not in line
    ]
    translations.write_text("\n".join(kept) + "\n", encoding="utf-8")
    build(data_copy, db_path)
    assert db.refresh() is True
    assert db.execute("SELECT count(*) FROM service").fetchone()[0] == before - 1
    assert db.refresh() is False


def test_attribution_text_is_carried_into_the_directory(built_db: Path) -> None:
    from directory.lookup.services import attribution

    text = attribution(open_content(built_db))
    assert "Open Government Licence v3.0" in text and "GeoNames" in text and "CC BY 4.0" in text
