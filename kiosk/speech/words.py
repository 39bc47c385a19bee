"""What the kiosk says: a screen's text turned into words that a voice reads well.

A screen shows "0808 808 3444", "09:00" and "2.4 km away"; read as written, a voice says
"eight hundred and eight thousand..." or "nine zero zero". Phone numbers are spoken digit by
digit in their groups, times as hours and minutes, and distances with their units in words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

from kiosk.speech.voices import DIGITS, PLUS

Translate = Callable[[str], str]

# A phone number as the kiosk shows it: digits in groups of 2 to 5, optionally after a +.
PHONE = re.compile(r"(?<![\w.,:])(\+?\d{2,5}(?: \d{2,5}){1,4}|\+?\d{6,13})(?![\w:])")
TIME = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DISTANCE = re.compile(r"\b(\d+(?:[.,]\d+)?)\s?(km|mi)\b")
# espeak-ng reads [[...]] as phoneme codes even in plain-text mode: never from directory data.
PHONEMES = re.compile(r"\[\[|\]\]")
# Drawn symbols (arrows, bullets, emoji) carry no words; a voice would name them or stumble.
PAUSE_MARKS = {"·": ", ", "▸": "", "▲": "", "▼": "", "•": ", ", "|": ", "}


def phone_in_words(number: str, language: str) -> str:
    """A phone number digit by digit, its groups apart: "oh eight oh eight, eight oh eight"."""
    digits = DIGITS.get(language, DIGITS["en"])
    plus = PLUS.get(language, PLUS["en"])
    groups: list[str] = []
    for chunk in number.split():
        prefix = ""
        if chunk.startswith("+"):
            prefix, chunk = plus + " ", chunk[1:]
        for group in _groups(chunk):
            groups.append(prefix + " ".join(digits[int(d)] for d in group))
            prefix = ""
    return ", ".join(groups)


# An unspaced number is said in the groups people write it in: 0808 808 3444, 020 7946 0000.
GROUP_SIZES = {6: (3, 3), 7: (3, 4), 8: (4, 4), 9: (3, 3, 3), 10: (3, 3, 4), 11: (4, 3, 4)}


def _groups(run: str) -> list[str]:
    if len(run) <= 5:
        return [run]
    sizes = GROUP_SIZES.get(len(run)) or (
        *(3,) * ((len(run) - 4) // 3),
        len(run) - 3 * ((len(run) - 4) // 3),
    )
    out, start = [], 0
    for size in sizes:
        out.append(run[start : start + size])
        start += size
    return out


def speakable(text: str, language: str, _: Translate) -> str:
    """Plain text made ready for a voice: numbers, times, distances and symbols in words."""
    text = PHONEMES.sub(" ", text)
    text = PHONE.sub(lambda m: phone_in_words(m.group(1), language), text)
    text = ISO_DATE.sub(lambda m: _date(m, language), text)
    text = TIME.sub(_time, text)
    text = DISTANCE.sub(lambda m: _distance(m, _), text)
    out = []
    for char in text:
        if char in PAUSE_MARKS:
            out.append(PAUSE_MARKS[char])
        elif unicodedata.category(char) in {"So", "Sk", "Co", "Cn"}:
            continue
        else:
            out.append(char)
    return " ".join("".join(out).split()).replace(" ,", ",")


def _date(match: re.Match[str], language: str) -> str:
    from babel.dates import format_date

    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return match.group(0)
    return format_date(day, format="long", locale="en_GB" if language == "en" else language)


def _time(match: re.Match[str]) -> str:
    hours, minutes = int(match.group(1)), match.group(2)
    return str(hours) if minutes == "00" else f"{hours} {minutes}"


def _distance(match: re.Match[str], _: Translate) -> str:
    amount = match.group(1)
    unit = _("kilometres") if match.group(2) == "km" else _("miles")
    return f"{amount} {unit}"


def script(lines: list[str], language: str, _: Translate) -> str:
    """Lines of a screen as one text to speak, each line a sentence (a short pause after it)."""
    spoken = [speakable(line, language, _) for line in lines]
    return "\n".join(_sentence(line) for line in spoken if line)


def _sentence(line: str) -> str:
    return line if line[-1] in ".!?:;,…" else line + "."
