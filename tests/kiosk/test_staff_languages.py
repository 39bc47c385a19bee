"""Staff mode's own catalogues: complete, no English left, in step with the code; Welsh too."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kiosk.app import KioskApp
from kiosk.i18n import LOCALE_DIR, STAFF_DOMAIN, kiosk_languages, staff_languages
from tests.kiosk.conftest import PIN, screen_text, settle

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
STAFF_SCREENS = Path(__file__).resolve().parents[2] / "kiosk" / "screens" / "staff"
SAME_AS_ENGLISH = {"Printer {queue}: {state}"}


def _catalogue(code: str) -> dict[str, str]:
    with (LOCALE_DIR / code / "LC_MESSAGES" / f"{STAFF_DOMAIN}.po").open("rb") as fh:
        return {m.id: m.string for m in read_po(fh) if m.id and isinstance(m.id, str)}


def _template() -> set[str]:
    with (LOCALE_DIR / f"{STAFF_DOMAIN}.pot").open("rb") as fh:
        return {m.id for m in read_po(fh) if m.id and isinstance(m.id, str)}


def test_the_template_holds_every_message_the_staff_screens_use() -> None:
    used = {str(m[2]) for m in extract_from_dir(str(STAFF_SCREENS), keywords={"_": None})}
    assert used == _template()


def test_every_kiosk_language_is_offered_for_staff_mode() -> None:
    assert set(staff_languages()) == set(kiosk_languages())


@pytest.mark.parametrize("code", [c for c in staff_languages() if c != "en"])
def test_staff_catalogue_is_complete_and_keeps_placeholders(code: str) -> None:
    catalogue = _catalogue(code)
    missing = sorted(_template() - {k for k, v in catalogue.items() if v})
    assert not missing, missing
    for english in _template():
        translated = catalogue[english]
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(translated))
        if len(english) > 8 and english not in SAME_AS_ENGLISH:
            assert translated != english, f"{code}: {english!r} left in English"
    if code == "ro":
        text = "".join(catalogue.values())
        assert "ş" not in text and "ţ" not in text  # cedilla forms, not comma-below


async def test_the_desk_in_welsh_and_back_to_english(
    make_app: Callable[..., KioskApp],
) -> None:
    app = make_app(staff_language="cy")
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f12")
        await pilot.pause()
        await pilot.press(*PIN, "enter")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Desg staff" in text and "Argraffu cardiau a phosteri" in text
        assert "Print cards" not in text
        await pilot.click("#desk-health")
        await settle(app, pilot)
        assert "Fersiwn y cyfeiriadur" in screen_text(app)
        await pilot.click("#back")
        await settle(app, pilot)
        # The language button names the next staff language in itself.
        while app.staff is not None and app.staff.language != "en":
            await pilot.click("#desk-language")
            await settle(app, pilot)
        assert "Print cards and posters" in screen_text(app)
