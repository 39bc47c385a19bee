"""Printing a wallet card from the kiosk on a real CUPS queue (cups-pdf), read back and scanned."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from directory import open_content
from directory.lookup.categories import category_label
from kiosk.app import KioskApp
from kiosk.i18n import Translator
from kiosk.screens.detail import DetailScreen
from kiosk.widgets.notice import Notice
from printouts.wallet_card import contact_payload
from tests.kiosk.conftest import settle

pytestmark = [pytest.mark.cups, pytest.mark.xdist_group("cups")]


def pdf_text(pdf: bytes) -> str:
    """Every page's text (pdftotext), whitespace collapsed."""
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def scan_qr(pdf: bytes) -> list[str]:
    """Render the card's front at 300 dpi and decode its QR codes with zbarimg."""
    with tempfile.TemporaryDirectory() as folder:
        source, stem = Path(folder) / "card.pdf", Path(folder) / "front"
        source.write_bytes(pdf)
        render = ["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1"]
        subprocess.run([*render, str(source), str(stem)], check=True)
        done = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", f"{stem}.png"],
            capture_output=True,
        )
    return [line for line in done.stdout.decode("utf-8").splitlines() if line]


async def test_tap_print_a_wallet_card_in_spanish(
    make_app: Callable[..., KioskApp],
    built_db: Path,
    cups_queue: tuple[str, Path],
    printed: Any,
) -> None:
    queue, folder = cups_queue
    app = make_app(printer=queue, sms_number="07700 900123")
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#lang-es")
        await settle(app, pilot)
        await pilot.click("#cat-helplines")
        await settle(app, pilot)
        await pilot.click(f"#{app.screen.query('.result').first().id}")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DetailScreen) and screen.detail is not None
        detail = screen.detail
        await pilot.click("#print")
        await settle(app, pilot)
        notice = screen.query_one(Notice).text
        assert Translator("es")("Your card is printing. Please collect it from the printer.") in (
            notice
        )
        assert "printing" not in notice  # in Spanish, not English
        job = screen.print_job
        assert job.startswith(f"{queue}-")
        assert app.is_running and app.errors_recovered == 0
    pdf = printed(folder, job)
    text = pdf_text(pdf)
    assert detail.name in text
    # The card carries the service's categories in the card's language, read from the directory
    # (Spanish: cups-pdf's Ghostscript pass keeps Latin text extractable, not Greek).
    with open_content(built_db) as db:
        label = category_label(db, detail.categories[0], "es")
    assert label in text, (label, text)
    expected = contact_payload(detail.name, [p.number for p in detail.phones], detail.url)
    assert expected is not None
    assert expected in scan_qr(pdf)
    assert any(p.number.replace(" ", "") in expected for p in detail.phones)
