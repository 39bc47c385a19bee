"""The kiosk in the five UpFamilies countries: a family picks its language, types the capital on
the keypad and gets that country's services, never a UK-only line (fixture directory)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.app import KioskApp
from kiosk.screens.results import ResultsScreen
from tests.directory.europe_fixture import CAPITALS, UK_ONLY, build_europe_db
from tests.kiosk.conftest import screen_text, settle


@pytest.fixture(scope="module")
def europe_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_europe_db(tmp_path_factory.mktemp("europe-kiosk"))


async def tap_keys(pilot: object, text: str) -> None:
    for char in text:
        await pilot.click(f"#key-{char.lower()}")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("language", "typed", "country", "words", "label"),
    [
        ("es", "MADRID", "ES", "toda España", "En toda España"),
        ("pt", "LISBOA", "PT", "todo Portugal", "Em todo o Portugal"),
        ("de", "BERLIN", "DE", "ganz Deutschland", "In ganz Deutschland"),
        ("el", "ATHENS", "GR", "όλη την Ελλάδα", "Σε όλη την Ελλάδα"),
        ("ro", "BUCURESTI", "RO", "toată România", "În toată România"),
    ],
)
async def test_a_capital_typed_on_the_keypad_gets_its_countrys_services(
    make_app: Callable[..., KioskApp],
    europe_db: Path,
    language: str,
    typed: str,
    country: str,
    words: str,
    label: str,
) -> None:
    national = {c: n for _t, c, n, _l in CAPITALS}
    app = make_app(db=europe_db)
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(app, pilot)
        await pilot.click(f"#lang-{language}")
        await settle(app, pilot)
        await pilot.click("#elsewhere")
        await settle(app, pilot)
        await tap_keys(pilot, typed)
        await pilot.click("#search")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen) and screen.results is not None
        assert screen.results.place is not None and screen.results.place.country == country
        names = [r.name for r in screen.results.national]
        assert national[country] in names and UK_ONLY not in names
        assert not {n for c, n in national.items() if c != country} & set(names)
        assert any(words in r.description for r in screen.results.national)
        text = screen_text(app)
        assert label in text
        uk = {"es": "todo el Reino Unido", "pt": "todo o Reino Unido", "de": "Königreich"}
        assert uk.get(language, "Regatul Unit") not in text
