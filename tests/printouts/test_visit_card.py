"""The visit card (issue 15): wallet card and A4 sheet, any language, QR codes decoded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory import open_content
from directory.guides import prison_guide
from directory.guides.assemble import Labels
from printouts.visit_card import BOOKING_URL, visit_card_pdf, visit_sheet_pdf
from waypost.cli import cli

Helpers = dict[str, Callable[..., object]]


@pytest.mark.parametrize(
    ("language", "booking", "bring"),
    [
        ("en", "Booking a visit", "ID and what to bring"),
        ("ro", "Programarea vizitei", "Act de identitate"),
        ("el", "Κράτηση επίσκεψης", "Ταυτότητα και τι να φέρετε"),
        ("pl", "Rezerwacja wizyty", "Dokument tożsamości"),
    ],
)
def test_wallet_card_in_any_language_with_a_qr_that_decodes(
    built_db: Path, read_pdf: Helpers, language: str, booking: str, bring: str
) -> None:
    with open_content(built_db) as db:
        guide = prison_guide(db, "LWI", language)
        pdf = visit_card_pdf(guide, Labels(db, language), "Lewes Visitor Centre")
    sizes = read_pdf["sizes"](pdf)
    assert isinstance(sizes, list) and len(sizes) == 2
    for w, h in sizes:
        assert abs(w - 85.6) < 0.3 and abs(h - 53.98) < 0.3  # a CR80 card, front and back
    front, back = read_pdf["text"](pdf, 1), read_pdf["text"](pdf, 2)
    assert "HMP & YOI Lewes" in front and "01273 785271" in front and booking in front
    assert "14:00-15:30" in front
    assert bring in back and "0300 063 2100" in back and "Lewes Visitor Centre" in back
    codes = read_pdf["qr"](pdf, 1)
    assert codes == ["MECARD:N:HMP & YOI Lewes;TEL:01273785271;;"]


def test_a_prison_without_a_booking_line_gets_the_booking_site(
    built_db: Path, read_pdf: Helpers
) -> None:
    with open_content(built_db) as db:
        code = db.execute(
            "SELECT nomis FROM prison WHERE visits_phone IS NULL AND nomis NOT IN"
            " (SELECT prison FROM visitor_centre WHERE phone != '') LIMIT 1"
        ).fetchone()[0]
        guide = prison_guide(db, code, "de")
        pdf = visit_card_pdf(guide, Labels(db, "de"))
    assert read_pdf["qr"](pdf, 1) == [BOOKING_URL]
    assert "prison-visits" in read_pdf["text"](pdf, 1)  # the nation's booking text says how


def test_a4_sheet_of_ten_for_first_time_visitors(built_db: Path, read_pdf: Helpers) -> None:
    with open_content(built_db) as db:
        guide = prison_guide(db, "LWI", "es")
        pdf = visit_sheet_pdf(guide, Labels(db, "es"))
    assert len(read_pdf["sizes"](pdf)) == 2  # fronts, then backs for duplex
    codes = read_pdf["qr"](pdf, 1)
    assert len(codes) == 10 and set(codes) == {"MECARD:N:HMP & YOI Lewes;TEL:01273785271;;"}
    assert read_pdf["text"](pdf, 2).count("Ayuda con los gastos") == 10


def test_cli_writes_card_and_sheet(built_db: Path, tmp_path: Path, read_pdf: Helpers) -> None:
    card, sheet = tmp_path / "card.pdf", tmp_path / "sheet.pdf"
    args = ["prison", "HMP Lewes", "--lang", "cy", "--card", str(card), "--sheet", str(sheet)]
    result = CliRunner().invoke(cli, [*args, "--db", str(built_db)])
    assert result.exit_code == 0, result.output
    assert "Trefnu ymweliad" in read_pdf["text"](card.read_bytes(), 1)
    assert len(read_pdf["qr"](sheet.read_bytes(), 1)) == 10
