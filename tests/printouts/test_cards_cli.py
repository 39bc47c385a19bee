"""`waypost cards`: files written, read back, and clear one-line errors with exit status 2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from waypost.cli import cli

pytestmark = pytest.mark.usefixtures("pdf_tools")
SMS = "07700 900123"


@pytest.fixture
def centre(monkeypatch: pytest.MonkeyPatch) -> None:
    """A configured centre: HMP Lewes, with an SMS number."""
    monkeypatch.setenv("WAYPOST_CENTRE_PRISON", "LWI")
    monkeypatch.setenv("WAYPOST_CENTRE_NAME", "Lewes Visitor Centre")
    monkeypatch.setenv("WAYPOST_SMS_NUMBER", SMS)


def run(built_db: Path, *args: str) -> Any:
    """Invoke `waypost` with the test directory."""
    return CliRunner().invoke(cli, [*args, "--db", str(built_db)])


@pytest.mark.parametrize(
    ("args", "pages", "width"),
    [
        (["cards", "card", "samaritans-helpline", "--lang", "pt"], 2, 85.6),
        (["cards", "card", "--centre", "--lang", "ro"], 2, 85.6),
        (["cards", "sheet", "childline", "--lang", "de"], 2, 210),
        (["cards", "sheet", "childline", "samaritans-helpline", "--no-backs"], 1, 210),
        (["cards", "poster", "--lang", "el", "--lang", "en"], 1, 210),
        (["cards", "calibrate", "--layout", "cr80-guillotine", "--offset-x", "1"], 1, 210),
    ],
)
def test_commands_write_pdfs(
    built_db: Path,
    centre: None,
    tmp_path: Path,
    args: list[str],
    pages: int,
    width: float,
    read_pdf: Any,
):
    target = tmp_path / "out.pdf"
    result = run(built_db, *args, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"Saved {target}" in result.output
    sizes = read_pdf["sizes"](target.read_bytes())
    assert len(sizes) == pages
    assert sizes[0][0] == pytest.approx(width, abs=0.1)


def test_one_service_sheet_has_ten_copies(built_db: Path, tmp_path: Path, read_pdf: Any):
    target = tmp_path / "ten.pdf"
    assert run(built_db, "cards", "sheet", "childline", "-o", str(target)).exit_code == 0
    codes = read_pdf["qr"](target.read_bytes(), 1)
    assert len(codes) == 10 and len(set(codes)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cards", "card", "no-such-service"], "no service with the id"),
        (["cards", "card"], "SERVICE_ID"),
        (["cards", "sheet"], "SERVICE_ID"),
        (["cards", "sheet", "--centre"], "centre prison"),
        (["cards", "poster"], "SMS number"),
    ],
)
def test_clear_errors(
    built_db: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
):
    for name in ("WAYPOST_CENTRE_PRISON", "WAYPOST_SMS_NUMBER", "WAYPOST_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    result = run(built_db, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_three_poster_languages_refused(built_db: Path, centre: None):
    result = run(built_db, "cards", "poster", "--lang", "en", "--lang", "el", "--lang", "ro")
    assert result.exit_code == 2 and "one or two languages" in result.output
