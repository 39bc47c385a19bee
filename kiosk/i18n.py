"""The kiosk's words in every language: gettext catalogues (domain `kiosk`) in kiosk/locale."""

from __future__ import annotations

from pathlib import Path

from directory.i18n import LANGUAGES, REQUIRED, load_translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "kiosk"


def kiosk_languages() -> list[str]:
    """The languages the kiosk offers: the required six, then any other with a catalogue."""
    extra = [
        code
        for code in LANGUAGES
        if code not in REQUIRED and (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    ]
    return [*REQUIRED, *extra]


class Translator:
    """Translates the kiosk's messages into one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._catalogue = load_translations(LOCALE_DIR, DOMAIN, language)

    def __call__(self, message: str) -> str:
        """The message in this language (English when the catalogue lacks it)."""
        return self._catalogue.gettext(message)

    def plural(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form for a count, in this language."""
        return self._catalogue.ngettext(singular, plural, count)
