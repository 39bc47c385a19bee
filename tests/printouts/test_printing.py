"""Printing through a real CUPS daemon with a cups-pdf queue, and the printed file read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from directory import ContentDB
from directory.lookup.centre import centre_service_ids
from directory.lookup.services import get_service
from printouts.centre import centre_card, service_card
from printouts.printer import CARD_MEDIA, PrintError, print_pdf
from printouts.qr import dial_string
from printouts.sheet import sheet_pdf
from printouts.wallet_card import wallet_card_pdf
from waypost.cli import cli

pytestmark = [
    pytest.mark.cups,
    pytest.mark.xdist_group("cups"),
    pytest.mark.usefixtures("pdf_tools"),
]
SMS = "07700 900123"


def test_card_prints_at_card_size(
    content: ContentDB, cups_queue: tuple[str, Path], printed: Any, read_pdf: Any
):
    queue, folder = cups_queue
    detail = get_service(content, "prisoners-families-helpline", "el")
    pdf = wallet_card_pdf(detail, language="el", centre_name="Lewes", sms_number=SMS)
    job = print_pdf(pdf, printer=queue, media=CARD_MEDIA, title="Card test")
    assert job.startswith(f"{queue}-")
    out = printed(folder, job)
    sizes = read_pdf["sizes"](out)
    assert len(sizes) == 2
    for width, height in sizes:
        # Ghostscript rounds the page to whole points (0.35 mm), so allow half a millimetre.
        assert width == pytest.approx(85.60, abs=0.5) and height == pytest.approx(53.98, abs=0.5)
    assert detail.phones[0].number in read_pdf["text"](out, 1)
    # cups-pdf re-renders through Ghostscript, which keeps the Greek glyphs but not their text
    # layer; so compare the printed back with ours, pixel by pixel, and against an English back.
    english = wallet_card_pdf(detail, language="en", centre_name="Lewes", sms_number=SMS)
    ours, theirs = read_pdf["render"](pdf, 2), read_pdf["render"](out, 2)
    same = read_pdf["difference"](ours, theirs)
    assert same < 0.02
    assert read_pdf["difference"](read_pdf["render"](english, 2), theirs) > 2 * same
    (code,) = read_pdf["qr"](out, 1)
    assert all(f"TEL:{dial_string(p.number)};" in code for p in detail.phones[:2])


def test_greek_centre_sheet_with_one_command(
    content: ContentDB,
    built_db: Path,
    cups_queue: tuple[str, Path],
    printed: Any,
    read_pdf: Any,
    monkeypatch: pytest.MonkeyPatch,
):
    queue, folder = cups_queue
    monkeypatch.setenv("WAYPOST_CENTRE_PRISON", "LWI")
    monkeypatch.setenv("WAYPOST_CENTRE_NAME", "Lewes Visitor Centre")
    monkeypatch.setenv("WAYPOST_SMS_NUMBER", SMS)
    args = ["cards", "sheet", "--centre", "--lang", "el", "--print", "--printer", queue]
    result = CliRunner().invoke(cli, [*args, "--db", str(built_db)])
    assert result.exit_code == 0, result.output
    job = result.output.strip().rsplit(" ", 1)[1].rstrip(".")
    out = printed(folder, job)
    sizes = read_pdf["sizes"](out)
    assert len(sizes) == 2
    assert sizes[0] == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))
    common = {"language": "el", "centre_name": "Lewes Visitor Centre", "sms_number": SMS}
    cards = [centre_card(content, "LWI", **common)]
    cards += [service_card(content, s, **common) for s in centre_service_ids(content, "LWI", "el")]
    assert len(cards) == 10
    # 400 dpi: at 300, zbar misses one of the ten codes in the CUPS copy (the codes are fine:
    # every one decodes from our own PDF below, and from the printed one at 400 dpi).
    assert sorted(read_pdf["qr"](out, 1, 400)) == sorted(c.qr_payload for c in cards)
    ours = sheet_pdf(cards, language="el")
    for page in (1, 2):
        size = {"width": 420, "height": 594}
        difference = read_pdf["difference"](
            read_pdf["render"](ours, page, **size), read_pdf["render"](out, page, **size)
        )
        assert difference < 0.02, (page, difference)


def test_unknown_queue_is_a_clear_error(cups_queue: tuple[str, Path]):
    with pytest.raises(PrintError) as caught:
        print_pdf(b"%PDF-1.4\n%%EOF\n", printer="NoSuchQueue")
    assert str(caught.value).startswith("The printer is not available")
    assert caught.value.detail


def test_cli_print_error_is_one_line_exit_2(built_db: Path, cups_queue: tuple[str, Path]):
    args = ["cards", "card", "samaritans-helpline", "--print", "--printer", "NoSuchQueue"]
    result = CliRunner().invoke(cli, [*args, "--db", str(built_db)])
    assert result.exit_code == 2
    assert "The printer is not available" in result.output
    assert "Traceback" not in result.output
