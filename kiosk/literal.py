"""Text shown exactly as written: the one way kiosk widgets get their words.

The directory reaches a kiosk from spreadsheets, HSDS packages and synced releases, so its
text is untrusted. Textual reads a plain `str` given to a Static or a Button as markup, where
`[@click=app.quit]` (or `[ @click=...]`, which `rich.markup.escape` does not escape) becomes a
tap that runs an action, `[$x]` crashes the page and `[link=...]` opens a link. Content objects
are never parsed, so every widget text is built here from Content: data and translated words
are always literal, and styles are applied by code, never by text.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

Line = str | Content

NEW_LINE = Content("\n")


def literal(text: str | Content) -> Content:
    """The text as it is written (no markup read)."""
    return text if isinstance(text, Content) else Content(text)


def bold(text: str) -> Content:
    """The text, literal, in bold."""
    return Content.styled(text, "bold")


def heading(text: str) -> Content:
    """A section heading: literal, bold and underlined (reads without colour)."""
    return Content.styled(text, "bold underline")


def lines(parts: Iterable[Line]) -> Content:
    """Lines joined with new lines; plain strings among them stay literal."""
    return NEW_LINE.join(literal(part) for part in parts)


def joined(separator: str, parts: Iterable[Line]) -> Content:
    """Parts joined with a separator; plain strings among them stay literal."""
    return Content(separator).join(literal(part) for part in parts)
