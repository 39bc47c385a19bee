"""Languages and gettext catalogues (Babel .po files, compiled in memory when no fresh .mo)."""

from __future__ import annotations

import gettext
import io
import threading
from pathlib import Path

# The seed project's six, plus Welsh (Wales has prisons) and Polish.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "pt": "Português",
    "de": "Deutsch",
    "el": "Ελληνικά",
    "ro": "Română",
    "cy": "Cymraeg",
    "pl": "Polski",
}
REQUIRED = ("en", "es", "pt", "de", "el", "ro")

_lock = threading.Lock()
_cache: dict[tuple[str, str, str], gettext.NullTranslations] = {}


def language_name(code: str) -> str:
    """A language's name in itself (its endonym)."""
    return LANGUAGES.get(code, code)


def load_translations(locale_dir: Path, domain: str, language: str) -> gettext.NullTranslations:
    """The catalogue for one language; English (the source strings) when there is none."""
    key = (str(locale_dir), domain, language)
    with _lock:
        if key in _cache:
            return _cache[key]
        folder = locale_dir / language / "LC_MESSAGES"
        po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
        result: gettext.NullTranslations
        if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as fh:
                result = gettext.GNUTranslations(fh)
        elif po.is_file():
            # Imported here: babel.messages is slow to import (docs/performance.md), and a front
            # end starting in English (or with compiled .mo files) never needs it.
            from babel.messages.mofile import write_mo
            from babel.messages.pofile import read_po

            with po.open("rb") as fh:
                catalog = read_po(fh, locale=language)
            buffer = io.BytesIO()
            write_mo(buffer, catalog)
            buffer.seek(0)
            result = gettext.GNUTranslations(buffer)
        else:
            result = gettext.NullTranslations()
        _cache[key] = result
        return result
