"""The kiosk's words in every language: gettext catalogues (domain `kiosk`) in kiosk/locale."""

from __future__ import annotations

import gettext
from pathlib import Path

from directory.text.i18n import LANGUAGES, REQUIRED, load_translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "kiosk"
# Staff mode (the volunteers' desk) has its own catalogues: its screens are for volunteers, in
# the languages a catalogue covers completely, not in whatever language a family left on.
STAFF_DOMAIN = "staff"
SOURCE_LANGUAGE = "en"  # the msgids are the English text


def kiosk_languages() -> list[str]:
    """The languages the kiosk offers: the required six, then any other with a catalogue."""
    extra = [
        code
        for code in LANGUAGES
        if code not in REQUIRED and (LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    ]
    return [*REQUIRED, *extra]


def staff_languages() -> list[str]:
    """The languages staff mode can be shown in: English, then each with a staff catalogue."""
    return [
        code
        for code in LANGUAGES
        if code == SOURCE_LANGUAGE
        or (LOCALE_DIR / code / "LC_MESSAGES" / f"{STAFF_DOMAIN}.po").is_file()
    ]


class Translator:
    """Translates the kiosk's messages (or, with domain "staff", staff mode's) into one language."""

    def __init__(self, language: str, domain: str = DOMAIN) -> None:
        self.language = language
        # English needs no catalogue (its msgstrs equal the msgids): reading and compiling a .po
        # is the slowest part of a start in English, so it is skipped.
        self._catalogue: gettext.NullTranslations = (
            gettext.NullTranslations()
            if language == SOURCE_LANGUAGE
            else load_translations(LOCALE_DIR, domain, language)
        )

    def __call__(self, message: str) -> str:
        """The message in this language (English when the catalogue lacks it)."""
        return self._catalogue.gettext(message)

    def plural(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form for a count, in this language."""
        return self._catalogue.ngettext(singular, plural, count)
