"""Spreadsheet cells that cannot run as formulas (OWASP's CSV injection rule), and back again.

Excel and LibreOffice run a cell that starts with = + - @ (or a tab or carriage return before
one) as a formula, so `=HYPERLINK(...)` in a service name from an HSDS package would run on the
volunteer's computer. Every CSV Waypost writes puts an apostrophe before such a cell, which a
spreadsheet shows as plain text; a cell that already starts with an apostrophe gets one more,
so reading the file back (`restore`) gives every value exactly as it was, including phone
numbers written +44.

A plain negative number (a longitude such as -0.1234) is a number to a spreadsheet, never a
formula, and is left as it is so the coordinates stay numbers a volunteer can edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MARK = "'"
_NEGATIVE_NUMBER = re.compile(r"-\d+(\.\d+)?")


def neutralise(value: object) -> str:
    """The cell's text, safe to open in a spreadsheet."""
    text = "" if value is None else str(value)
    if text.startswith(MARK) or (
        text.startswith(TRIGGERS) and not _NEGATIVE_NUMBER.fullmatch(text)
    ):
        return MARK + text
    return text


def neutralise_row(row: Iterable[object]) -> list[str]:
    """Every cell of a row neutralised."""
    return [neutralise(cell) for cell in row]


def restore(text: str) -> str:
    """The value a neutralised cell stood for (cells that were not neutralised pass through)."""
    if text.startswith(MARK) and text[1:2] and text[1:].startswith((*TRIGGERS, MARK)):
        return text[1:]
    return text


__all__ = ["neutralise", "neutralise_row", "restore"]
