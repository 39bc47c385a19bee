"""The printouts' own words (gettext domain "printouts").

Facts said the same way on every channel (hours, distances, "checked on") come from the core's
`directory.text.presentation`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from directory.text.i18n import load_translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "printouts"

Gettext = Callable[[str], str]


def _(message: str) -> str:
    """Mark a string for extraction; it is translated later, in the card's language."""
    return message


def translator(language: str) -> Gettext:
    """The gettext function for one language (English source strings when there is none)."""
    return load_translations(LOCALE_DIR, DOMAIN, language).gettext
