"""The pages' words in every language (gettext domain `web` in web/locale), and which language
a request wants: ?lang=, then the browser's Accept-Language, then the site's default."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from directory.text.i18n import LANGUAGES, load_translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "web"

Translate = Callable[[str], str]


def translator(language: str) -> Translate:
    """gettext for one language (English, the msgids, needs no catalogue)."""
    if language == "en":
        return lambda message: message
    return load_translations(LOCALE_DIR, DOMAIN, language).gettext


def from_accept_language(header: str) -> str | None:
    """The first supported language the browser asks for, by its q-values; None if none."""
    wanted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        code = tag.strip().lower().split("-")[0]
        if code in LANGUAGES and quality > 0:
            wanted.append((-quality, index, code))
    return min(wanted)[2] if wanted else None
