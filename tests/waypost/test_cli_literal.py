"""The command line prints the directory's text literally: never read as rich markup or emoji
codes, and never a terminal escape sequence (issue 11; waypost/terminal.py).

The commands run through the real `waypost` command group on a directory built from the test
directory with markup in every kind of text (tests/hostile_fixture.py), plus rich's own tags
(`[bold red]x[/]`), an emoji code and a terminal hyperlink escape in organisations' names, a
prison's name, a visitor centre's operator and a town.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from directory import build
from tests.hostile_fixture import PRISON_NAME, TAGS, hostile_data, rewrite_csv
from waypost.cli import cli

RICH = "[bold red]x[/]"
EMOJI = ":smiley:"
ESCAPE = "\x1b]8;;file:///etc/passwd\x1b\\here\x1b]8;;\x1b\\"
SHOWN_ESCAPE = ESCAPE.replace("\x1b", "\ufffd")
ORGANISATION = f"{RICH} {EMOJI} {ESCAPE}"
OPERATOR = f"Pact {RICH} [/]"
TOWN = f"Zqzbury {RICH}"
PRISON = f"{PRISON_NAME} {ESCAPE}"
EVERY_TAG = (*TAGS, RICH)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-hostile")
    data = hostile_data(folder / "data")
    with (data / "places" / "uk_places.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow([TOWN, "50.879", "-0.01", "town", "East Sussex", "5000"])

    def organisation(index: int, row: dict[str, str]) -> None:
        row["name"] = f"{row['name']} {ORGANISATION}"

    def operator(index: int, row: dict[str, str]) -> None:
        if index == 0:
            row["operator"] = OPERATOR

    def prison(index: int, row: dict[str, str]) -> None:
        if row["nomis"] == "LWI":
            row["display_name"] = PRISON

    rewrite_csv(data / "organizations.csv", organisation)
    rewrite_csv(data / "prisons.csv", prison)
    rewrite_csv(data / "visitor_centres.csv", operator)
    path = folder / "directory.db"
    build(data, path)
    return path


def run(*args: str) -> Result:
    # Wide enough that no table cell wraps a tag over two lines.
    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "400"})
    assert result.exit_code == 0, (result.output, result.exception)
    return result


def assert_literal(output: str, *expected: str) -> None:
    assert "\x1b" not in output
    for text in expected:
        assert text in output, (text, output[:3000])


def test_search_prints_names_towns_and_organisations_literally(hostile_db: Path) -> None:
    result = run("search", "--db", str(hostile_db), "--near", TOWN, "--limit", "30")
    assert_literal(result.output, f"Near {TOWN}", *EVERY_TAG, EMOJI, SHOWN_ESCAPE)


def test_stats_prints_operators_literally(hostile_db: Path) -> None:
    result = run("stats", "--db", str(hostile_db))
    assert_literal(result.output, OPERATOR)


def test_stale_prints_the_call_list_literally(hostile_db: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    result = run("stale", "--months", "0", "--db", str(hostile_db), "--state-db", str(state))
    assert_literal(result.output, *EVERY_TAG, EMOJI, SHOWN_ESCAPE)


def test_the_prison_guide_prints_literally(hostile_db: Path) -> None:
    result = run("prison", "LWI", "--db", str(hostile_db))
    assert_literal(result.output, PRISON.replace("\x1b", "\ufffd"))


def exported_with(hostile_db: Path, tmp_path: Path, column: str, value: str) -> Path:
    """The directory exported to a spreadsheet whose first service has `value` in `column`."""
    sheet = tmp_path / "sheet"
    run("export", str(sheet), "--db", str(hostile_db))

    def change(index: int, row: dict[str, str]) -> None:
        if index == 0:
            row[column] = value

    rewrite_csv(sheet / "services.csv", change)
    return sheet


def test_the_import_report_prints_literally(hostile_db: Path, tmp_path: Path) -> None:
    renamed = f"Renamed {RICH} {ESCAPE}"
    sheet = exported_with(hostile_db, tmp_path, "name", renamed)
    result = run("import", str(sheet), "--dry-run", "--by", "Kim", "--db", str(hostile_db))
    assert_literal(result.output, renamed.replace("\x1b", "\ufffd"))


def test_an_import_problem_prints_literally(hostile_db: Path, tmp_path: Path) -> None:
    wrong = f"{RICH}{ESCAPE}"
    sheet = exported_with(hostile_db, tmp_path, "status", wrong)
    result = CliRunner().invoke(
        cli, ["import", str(sheet), "--by", "Kim", "--db", str(hostile_db)], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 2, result.output
    assert_literal(result.output, "services.csv, row 2, column 'status'", RICH)
