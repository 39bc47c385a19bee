"""With pages_url set, every QR code opens a phone page, and that page answers."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from directory import open_content
from directory.lookup.services import helplines
from kiosk.app import KioskApp
from kiosk.settings import KioskSettings
from kiosk.widgets.qr_code import QRCode
from printouts.centre import service_card
from printouts.poster import poster_column, poster_pdf
from printouts.sheet import sheet_pdf
from printouts.wallet_card import card_pdf
from tests.printouts.conftest import decode_qr

PAGES = "https://help.example.org"


def answers(client: TestClient, url: str) -> int:
    """The status our own pages give for a QR code's address (its path and query)."""
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == PAGES
    return client.get(f"{parts.path}?{parts.query}").status_code


@pytest.fixture
def service_id(built_db: Path) -> str:
    with open_content(built_db) as db:
        return helplines(db, "en", limit=1)[0].service_id


@pytest.mark.parametrize("language", ["en", "ro"])
def test_wallet_card_and_sheet_codes_open_the_service_page(
    built_db: Path, client: TestClient, service_id: str, language: str
) -> None:
    with open_content(built_db) as db:
        card = service_card(db, service_id, language=language, pages_url=PAGES)
    assert card.qr_payload == f"{PAGES}/s/{service_id}?lang={language}"
    [scanned] = decode_qr(card_pdf(card, language), 1)
    assert scanned == card.qr_payload
    assert answers(client, scanned) == 200
    sheet = sheet_pdf([card] * 3)
    assert decode_qr(sheet, 1) == [card.qr_payload] * 3


def test_without_pages_url_the_card_still_saves_a_contact(built_db: Path, service_id: str) -> None:
    with open_content(built_db) as db:
        card = service_card(db, service_id, language="en")
    assert card.qr_payload and card.qr_payload.startswith("MECARD:")


def test_the_poster_code_opens_the_home_page_in_its_language(
    built_db: Path, client: TestClient
) -> None:
    with open_content(built_db) as db:
        columns = [poster_column(db, "el", "BN7 1EA", pages=True)]
    pdf = poster_pdf(columns, sms_number="+447700900123", pages_url=PAGES)
    [scanned] = decode_qr(pdf, 1, dpi=150)
    assert scanned == f"{PAGES}/?lang=el"
    assert answers(client, scanned) == 200


async def test_the_kiosk_code_opens_the_same_page(
    built_db: Path, tmp_path: Path, client: TestClient, service_id: str
) -> None:
    settings = KioskSettings(
        db=built_db, state_db=tmp_path / "kiosk.db", centre_prison="LWI", pages_url=PAGES
    )
    app = KioskApp(settings, tick_seconds=3600)
    async with app.run_test(size=(80, 30)) as pilot:
        from kiosk.screens.detail import DetailScreen

        await app.push_screen(DetailScreen(service_id))
        for _ in range(20):
            await pilot.pause(0.05)
            if app.screen.query(QRCode):
                break
        code = app.screen.query_one(QRCode)
        assert code.payload == f"{PAGES}/s/{service_id}?lang=en"
        assert answers(client, code.payload) == 200
