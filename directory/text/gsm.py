"""GSM-7 sanitising and exact SMS segment counting.

One character outside GSM-7 switches a whole message to UCS-2 (70 characters a segment instead of
160), so every reply is mapped into GSM-7 where the language allows it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Encoding = Literal["GSM-7", "UCS-2"]

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")  # each takes two septets (escape + character)
GSM_CHARS = GSM_BASIC | GSM_EXTENDED
# One regex scan (at C speed) finds the first character outside a set: most replies are plain
# GSM-7 and need no loop per character.
_NOT_GSM = re.compile("[^" + re.escape("".join(sorted(GSM_CHARS))) + "]")
_NOT_BASIC = re.compile("[^" + re.escape("".join(sorted(GSM_BASIC))) + "]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

SINGLE_GSM, MULTI_GSM = 160, 153
SINGLE_UCS2, MULTI_UCS2 = 70, 67
MAX_CHARS = 1600  # Twilio's limit for one message body

# Typography that phones and translators produce, mapped to plain GSM-7.
_PUNCTUATION = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "`": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...", "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ",
    "\u200a": " ", "\u2002": " ", "\u2003": " ", "\u200b": "", "\u200c": "", "\u200d": "",
    "\u2060": "", "\ufeff": "", "\u00ad": "", "\u2022": "-", "\u00b7": "-", "\u2192": ">",
    "\u00d7": "x", "\u2116": "No", "\t": " ", "\u0387": ";", "\u037e": ";",
}  # fmt: skip

# Greek capitals that GSM-7 lacks, written with their Latin look-alikes.
_GREEK_LOOKALIKES = {
    "Α": "A", "Β": "B", "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ζ": "Z",
}  # fmt: skip

# Letters that do not decompose into a base letter plus accent.
_LETTERS = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "ø", "œ": "oe", "Œ": "OE", "ı": "i"}


@dataclass(frozen=True)
class SegmentCount:
    """How a text would travel: its encoding, segments and length in code units."""

    encoding: Encoding
    segments: int
    units: int


def _strip_accent(ch: str) -> str:
    if ch in _LETTERS:
        return _LETTERS[ch]
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base if base and all(c in GSM_CHARS for c in base) else ch


def sanitise(text: str, language: str = "en") -> str:
    """Map a reply into GSM-7 as far as the language allows (see SMS.md)."""
    if _NOT_GSM.search(text) is None:
        # Already GSM-7: no GSM character composes under NFC, and the Greek capitals in GSM-7
        # are what the Greek mapping would give, so the result would be the text itself.
        return text
    text = unicodedata.normalize("NFC", text)
    if language == "el":
        text = _greek(text)
    out: list[str] = []
    for ch in text:
        if ch in GSM_CHARS:
            out.append(ch)
        elif ch in _PUNCTUATION:
            out.append(_PUNCTUATION[ch])
        else:
            # Romanian ș ț ă â î, Spanish and Portuguese á í ó ú ã õ ç, Polish, Welsh: the base
            # letter reads fine; German ä ö ü ß and é ñ are GSM-7 and stay as they are.
            out.append(_strip_accent(ch))
    return "".join(out)


def _greek(text: str) -> str:
    upper = []
    for ch in text:
        if "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff":
            # Upper case without tonos: GSM-7 has only some Greek capitals.
            plain = "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
            )
            plain = plain.upper() if plain != "ς" else "Σ"
            upper.append("".join(_GREEK_LOOKALIKES.get(c, c) for c in plain))
        else:
            upper.append(ch)
    return "".join(upper)


def encoding_of(text: str) -> Encoding:
    """GSM-7 when every character is in the GSM-7 alphabet, else UCS-2."""
    return "GSM-7" if _NOT_GSM.search(text) is None else "UCS-2"


def _segments(units: int, single: int, multi: int) -> int:
    if units <= single:
        return 1 if units else 0
    return -(-units // multi)


def count_segments(text: str) -> SegmentCount:
    """Exact segment count: escapes and surrogate pairs are never split across segments."""
    # Every reply is counted, most more than once while a page is fitted to its budget: when
    # every character is one unit (basic GSM-7, or UCS-2 without surrogate pairs) nothing can
    # straddle a segment boundary and the count is arithmetic.
    if _NOT_BASIC.search(text) is None:
        units = len(text)
        return SegmentCount("GSM-7", _segments(units, SINGLE_GSM, MULTI_GSM), units)
    if _NOT_GSM.search(text) is None:
        single, multi, encoding, wide = SINGLE_GSM, MULTI_GSM, "GSM-7", GSM_EXTENDED
        units = len(text) + sum(text.count(ch) for ch in GSM_EXTENDED)
    else:
        if _ASTRAL.search(text) is None:
            units = len(text)
            return SegmentCount("UCS-2", _segments(units, SINGLE_UCS2, MULTI_UCS2), units)
        single, multi, encoding = SINGLE_UCS2, MULTI_UCS2, "UCS-2"
        wide = frozenset(ch for ch in text if ord(ch) > 0xFFFF)
        units = len(text) + sum(text.count(ch) for ch in wide)
    if units <= single:
        return SegmentCount(encoding, 1 if units else 0, units)  # type: ignore[arg-type]
    segments, used = 1, 0
    for ch in text:
        size = 2 if ch in wide else 1
        if used + size > multi:
            segments += 1
            used = 0
        used += size
    return SegmentCount(encoding, segments, units)  # type: ignore[arg-type]


def fits(text: str, segments: int) -> bool:
    """True when the text travels in at most this many segments."""
    return count_segments(text).segments <= segments
