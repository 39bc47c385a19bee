"""Words typed into a search box, read as the SMS line reads a text: one rule for every screen.

The kiosk's search words and the phone pages' search box both turn what a family typed into a
directory search here, so "visits brixton" finds the same services on both.
"""

from __future__ import annotations

from dataclasses import dataclass

from directory.db.connections import ContentDB
from directory.models import Place
from directory.understanding.interpret import interpret


@dataclass(frozen=True)
class TypedSearch:
    """What to search for: a place (None when nothing names one), a topic and the free words."""

    place: Place | str | None
    category: str | None
    text: str | None


def read_search(
    db: ContentDB,
    text: str | None,
    *,
    language: str,
    category: str | None = None,
    near: Place | str | None = None,
) -> TypedSearch:
    """Read typed words: "visits brixton" is visiting near HMP Brixton, "dinero Leeds" money near
    Leeds, and the words that named no topic or place are the words searched for.

    A place the family chose (`near`) and a topic they tapped (`category`) come first: the text
    only fills what they left open.
    """
    place = near or None
    if not text:
        return TypedSearch(place, category, text)
    understood = interpret(db, text, language_hint=language)
    if understood.place is not None and place is None:
        place = understood.place.place
    if understood.topic and category is None:
        category = understood.topic
    if understood.topic or understood.place:
        text = " ".join(understood.rest) or None
    return TypedSearch(place, category, text)
