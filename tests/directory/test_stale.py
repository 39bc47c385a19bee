"""`waypost stale` and `waypost verify`: the volunteers' call list."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from directory import ServiceNotFound, open_content
from directory.reports.staleness import months_before, stale_services, verify_service
from printouts.call_list import call_list_pdf
from tests.directory.exchange_fixture import build_fixture_db, sha
from waypost.cli import cli

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def master_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("stale"))


@pytest.fixture
def live(master_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "live.db"
    shutil.copy2(master_db, path)
    return path


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 23), 6, date(2026, 5, 23)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2026, 1, 15), 13, date(2024, 12, 15)),
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


def _ids(groups: list) -> set[str]:  # type: ignore[type-arg]
    return {s.service_id for g in groups for s in g.services}


@pytest.mark.parametrize(
    ("months", "lewes", "helpline"),
    [(6, True, True), (9, False, True), (24, False, False)],
)
def test_stale_by_age(master_db: Path, months: int, lewes: bool, helpline: bool) -> None:
    # Lewes was checked 2026-03-02, the helpline 2025-01-15, Brighton never.
    with open_content(master_db) as db:
        ids = _ids(stale_services(db, months, today=TODAY))
    assert ("lewes-visitor-centre" in ids) is lewes
    assert ("test-helpline" in ids) is helpline
    assert "brighton-housing-advice" in ids


def test_grouped_by_organisation_never_checked_first(master_db: Path) -> None:
    with open_content(master_db) as db:
        groups = stale_services(db, 6, today=TODAY)
    names = [g.name for g in groups]
    assert names == sorted(names, key=str.casefold)
    sussex = next(g for g in groups if g.organization_id == "sussex-families")
    assert [s.service_id for s in sussex.services] == [
        "brighton-housing-advice",  # never checked
        "lewes-visitor-centre",  # checked 2026-03-02
    ]
    assert sussex.services[0].phones[0].number == "0121 496 0789"
    hmpps = next(g for g in groups if g.organization_id == "hmpps")
    assert len(hmpps.services) == 125


def test_verify_marks_checked_today_and_records_it(live: Path) -> None:
    with open_content(live) as db:
        previous = verify_service(db, "test-helpline", "Ann Caller", today=TODAY)
    assert previous == "2025-01-15"
    with open_content(live) as db:
        assert "test-helpline" not in _ids(stale_services(db, 6, today=TODAY))
        row = db.execute(
            "SELECT assured_date, assured_by FROM service WHERE ref = 'test-helpline'"
        ).fetchone()
        meta = db.execute(
            "SELECT field_name, previous_value, replacement_value, updated_by FROM metadata"
        ).fetchall()
    assert row == ("2026-11-23", "Ann Caller")
    assert meta == [
        ("assured_date", "2025-01-15", "2026-11-23", "Ann Caller"),
        ("assured_by", "Bob Checker", "Ann Caller", "Ann Caller"),
    ]


def test_verify_unknown_service_changes_nothing(live: Path) -> None:
    before = sha(live)
    with open_content(live) as db, pytest.raises(ServiceNotFound):
        verify_service(db, "no-such-service", "Ann", today=TODAY)
    assert sha(live) == before


def test_call_list_pdf_reads_back(master_db: Path) -> None:
    with open_content(master_db) as db:
        groups = stale_services(db, 6, today=TODAY)
    pdf = call_list_pdf(groups, 6, TODAY, "Lewes visitor centre")
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 5  # 128 services at about 20 a page
    for expected in (
        "Sussex Prisoners' Families",
        "Brighton housing advice",
        "0121 496 0789",
        "never checked",
        "last checked 15 January 2025 by Bob Checker",
        "HMP & YOI Lewes: visits",
    ):
        assert expected in text
    fonts = {str(f) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert fonts and all("Helvetica" not in str(p) for p in fonts)


def test_cli_stale_csv_and_verify(live: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["stale", "--months", "6", "--format", "csv", "--db", str(live)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {"brighton-housing-advice", "test-helpline"} <= {r["service_id"] for r in rows}
    result = runner.invoke(
        cli, ["verify", "brighton-housing-advice", "--by", "Kim", "--db", str(live)]
    )
    assert result.exit_code == 0 and "never checked before" in result.output
    result = runner.invoke(cli, ["stale", "--format", "pdf", "--db", str(live)])
    assert result.exit_code == 2 and "-o" in result.output
    out = tmp_path / "list.pdf"
    result = runner.invoke(cli, ["stale", "--format", "pdf", "-o", str(out), "--db", str(live)])
    assert result.exit_code == 0 and out.read_bytes().startswith(b"%PDF")
    result = runner.invoke(cli, ["verify", "nope", "--db", str(live)])
    assert result.exit_code == 2 and "no service with the id 'nope'" in result.output


def test_cli_stale_table_lists_open_prisons_missing_a_visits_line(
    live: Path, tmp_path: Path
) -> None:
    # The screen table ends with the open prisons a volunteer still has to find a visits line or
    # street for; a closed prison (Dartmoor) is not on it, nor one with both (Lewes).
    result = CliRunner().invoke(
        cli,
        ["stale", "--db", str(live), "--state-db", str(tmp_path / "state.db")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "open prison(s) missing a visits phone or street line" in result.output
    prison_rows = result.output.split("open prison(s) missing")[1].splitlines()
    codes = {line.split("│")[1].strip() for line in prison_rows if line.count("│") > 2}
    assert {"DE-BTE", "RO-BRA"} <= codes  # the test directory's Tegel and Rahova have no line
    assert "DAI" not in codes and "LWI" not in codes
