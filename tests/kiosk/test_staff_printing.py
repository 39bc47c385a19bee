"""Printing from the desk on a real CUPS queue (cups-pdf): sheets read back and their QR codes
scanned; the printer's state and a failed job in plain words."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from directory import open_content
from directory.guides import prison_guide
from directory.guides.assemble import Labels
from directory.lookup.centre import centre_service_ids
from kiosk.app import KioskApp
from kiosk.screens.staff.choose_services import ChooseServicesScreen
from kiosk.screens.staff.printing import PrintScreen
from printouts.centre import centre_card, service_card
from printouts.printer import printer_state
from printouts.visit_card import visit_card_text
from tests.kiosk.conftest import open_desk, screen_text, settle
from tests.kiosk.test_printing import pdf_text, scan_qr

pytestmark = [pytest.mark.cups, pytest.mark.xdist_group("cups")]


def _page_count(pdf: bytes) -> int:
    done = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    line = next(x for x in done.stdout.decode().splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


async def test_a_sheet_of_the_centres_cards_prints_with_readable_qr_codes(
    make_app: Callable[..., KioskApp],
    built_db: Path,
    cups_queue: tuple[str, Path],
    printed: Any,
) -> None:
    queue, folder = cups_queue
    app = make_app(printer=queue, sms_number="07700 900123")
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        await pilot.click("#desk-print")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PrintScreen)
        assert f"Printer {queue}: Ready" in screen_text(app)
        await pilot.click("#sheets-more")  # two sheets
        await pilot.click("#print-sheet")
        await settle(app, pilot)
        job = screen.last_job
        assert job.startswith(f"{queue}-"), screen.outcome
        assert f"Sent to the printer as job {job}." in screen_text(app)
    pdf = printed(folder, job)
    assert _page_count(pdf) == 4  # two sheets, each fronts then backs
    with open_content(built_db) as db:
        centre = centre_card(
            db, "LWI", language="en", centre_name="Lewes Visitor Centre", sms_number="07700 900123"
        )
        first = centre_service_ids(db, "LWI", "en")[0]
        service = service_card(
            db, first, language="en", centre_name="Lewes Visitor Centre", sms_number="07700 900123"
        )
    codes = scan_qr(pdf)
    assert centre.qr_payload in codes
    assert service.qr_payload in codes
    assert centre.title in pdf_text(pdf)


async def test_chosen_services_print_on_one_sheet(
    make_app: Callable[..., KioskApp],
    cups_queue: tuple[str, Path],
    printed: Any,
) -> None:
    queue, folder = cups_queue
    app = make_app(printer=queue, sms_number="07700 900123")
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        await pilot.click("#desk-print")
        await settle(app, pilot)
        await pilot.click("#print-choose")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ChooseServicesScreen) and screen.categories
        helplines = next(i for i, (key, _) in enumerate(screen.categories) if key == "helplines")
        await pilot.click(f"#category-{helplines}")
        await settle(app, pilot)
        assert screen.services
        await pilot.click("#tick-0")
        await pilot.click("#choose-print")
        await settle(app, pilot)
        job = screen.last_job
        assert job.startswith(f"{queue}-"), screen.outcome
        chosen = screen.services[0]
    pdf = printed(folder, job)
    assert chosen.name in pdf_text(pdf)
    assert scan_qr(pdf)


async def test_a_failed_job_says_why_in_plain_words(
    make_app: Callable[..., KioskApp], cups_queue: tuple[str, Path]
) -> None:
    app = make_app(printer="NoSuchQueue")
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        await pilot.click("#desk-print")
        await settle(app, pilot)
        assert "Printer NoSuchQueue: Not available" in screen_text(app)
        await pilot.click("#print-test")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PrintScreen) and screen.last_job == ""
        assert "The kiosk's printer does not exist." in screen.outcome


def test_cups_says_when_the_queue_is_paused(cups_queue: tuple[str, Path]) -> None:
    queue, _folder = cups_queue
    assert printer_state(queue).state == "ready"
    subprocess.run(["cupsdisable", queue], check=True)
    try:
        state = printer_state(queue)
        assert state.state == "paused", state
    finally:
        subprocess.run(["cupsenable", queue], check=True)
    assert printer_state(queue).state == "ready"


async def test_the_prisons_visit_card_prints_in_two_languages(
    make_app: Callable[..., KioskApp],
    built_db: Path,
    cups_queue: tuple[str, Path],
    printed: Any,
) -> None:
    queue, folder = cups_queue
    app = make_app(printer=queue)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_desk(app, pilot)
        await pilot.click("#desk-print")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PrintScreen)
        while screen.languages[1:] != ["cy"]:  # the second language button cycles
            await pilot.click("#sheet-lang-2")
            await settle(app, pilot)
        await pilot.click("#print-visit")
        await settle(app, pilot)
        job = screen.last_job
        assert job.startswith(f"{queue}-"), screen.outcome
    pdf = printed(folder, job)
    assert _page_count(pdf) == 4  # a sheet per language, fronts then backs
    with open_content(built_db) as db:
        english = visit_card_text(prison_guide(db, "LWI", "en"), Labels(db, "en"))
        welsh = visit_card_text(prison_guide(db, "LWI", "cy"), Labels(db, "cy"))
    assert english.qr_payload in scan_qr(pdf)
    text = pdf_text(pdf)
    assert english.title in text and welsh.back_heading in text
