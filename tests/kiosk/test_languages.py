"""The kiosk's languages: complete catalogues, Welsh and Polish on screen, Greek typing."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from babel.messages.pofile import read_po
from textual.widgets import Button

from kiosk.app import KioskApp
from kiosk.i18n import LOCALE_DIR, Translator, kiosk_languages
from kiosk.screens.entry import EntryScreen
from kiosk.screens.results import ResultsScreen
from tests.kiosk.conftest import screen_text, settle

TRANSLATED = [code for code in kiosk_languages() if code != "en"]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Words that are the same in English and the language (checked by hand), so not left-over English.
SAME_AS_ENGLISH = {"Email", "Website", "Address", "Cost", "Phone", "Open", "Search", "Home"}


def _catalogue(code: str) -> dict[str, str]:
    with (LOCALE_DIR / code / "LC_MESSAGES" / "kiosk.po").open("rb") as fh:
        return {m.id: m.string for m in read_po(fh) if m.id and isinstance(m.id, str)}


def _template() -> set[str]:
    with (LOCALE_DIR / "kiosk.pot").open("rb") as fh:
        return {m.id for m in read_po(fh) if m.id and isinstance(m.id, str)}


def test_welsh_and_polish_are_offered() -> None:
    assert kiosk_languages()[:6] == ["en", "es", "pt", "de", "el", "ro"]
    assert {"cy", "pl"} <= set(kiosk_languages())


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_is_complete_and_keeps_placeholders(code: str) -> None:
    catalogue = _catalogue(code)
    missing = sorted(_template() - {k for k, v in catalogue.items() if v})
    assert not missing, missing
    for english, translated in catalogue.items():
        if english in _template():
            assert sorted(PLACEHOLDER.findall(english)) == sorted(
                PLACEHOLDER.findall(translated)
            ), english
            if len(english) > 8 and english not in SAME_AS_ENGLISH:
                assert translated != english, f"{code}: {english!r} left in English"
    if code == "ro":
        text = "".join(catalogue.values())
        assert "ş" not in text and "ţ" not in text  # cedilla forms, not comma-below


def test_english_catalogue_is_the_source_text() -> None:
    # The kiosk skips loading the English catalogue at start; that is only right while every
    # English msgstr is its msgid.
    assert all(not v or v == k for k, v in _catalogue("en").items())


@pytest.mark.parametrize(
    ("code", "welcome", "talk"),
    [("cy", "Croeso", "Angen siarad nawr?"), ("pl", "Witamy", "porozmawiać")],
)
async def test_welsh_and_polish_home_at_kiosk_size(
    make_app: Callable[..., KioskApp], code: str, welcome: str, talk: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        for name in ("Cymraeg", "Polski", "English", "Ελληνικά"):
            assert name in screen_text(app)
        await pilot.click(f"#lang-{code}")
        await settle(app, pilot)
        assert app.language == code
        text = screen_text(app)
        assert welcome in text and talk in text
        assert "Welcome" not in text and "Need to talk" not in text
        for button in app.screen.query(Button):
            assert button.region.height >= 3 and button.region.width >= 12, button.id
            assert button.region.bottom <= 30, button.id
        await pilot.click("#cat-housing")
        await settle(app, pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert Translator(code)("Somewhere else") in screen_text(app)


async def test_greek_letters_on_the_keypad(make_app: Callable[..., KioskApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#words")
        await settle(app, pilot)
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.query("#key-a") and not app.screen.query("#key-sigma")
        await pilot.click("#alphabet")
        await settle(app, pilot)
        assert app.screen.query("#key-sigma") and not app.screen.query("#key-a")
        for name in ("sigma", "tau", "epsilon", "gamma", "alpha", "sigma", "eta"):
            await pilot.click(f"#key-{name}")
        assert app.screen.typed == "ΣΤΕΓΑΣΗ"
        await pilot.click("#search")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen) and screen.results is not None
        assert screen.results.categories == ["housing"]


async def test_greek_keypad_first_when_the_kiosk_speaks_greek(
    make_app: Callable[..., KioskApp],
) -> None:
    app = make_app(default_language="el")
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#words")
        await settle(app, pilot)
        assert app.screen.query("#key-omega")
        assert str(app.screen.query_one("#alphabet", Button).label) == "ABC"
        await pilot.click("#back")
        await settle(app, pilot)
        await pilot.click("#elsewhere")
        await settle(app, pilot)
        assert app.screen.query("#key-a") and not app.screen.query("#alphabet")
