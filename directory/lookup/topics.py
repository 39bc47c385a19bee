"""Which topics to offer: near a place, for a prison, and the example every channel shows.

The SMS line, the kiosk and the printouts all say "text e.g. HOUSING BN7"; the rule for what
the example is, and for the order topics come in, lives here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from directory.db.connections import ContentDB
from directory.lookup.categories import list_categories
from directory.lookup.keywords import primary_keyword
from directory.lookup.search import search_services
from directory.models import Place

# The area in every example query: the demo centre's (HMP Lewes) outward code, which every
# family near the first kiosk recognises.
EXAMPLE_AREA = "BN7"
EXAMPLE_CATEGORY = "housing"
# What a family asking about a prison needs next, in this order.
PRISON_TOPICS = ("visiting", "travel", "money")
# How many nearby services are looked at to see which topics have help close by.
NEARBY_SAMPLE = 40


@dataclass(frozen=True)
class NearbyTopics:
    """Category keys with services near a place (all categories when there are none)."""

    keys: list[str]
    found: bool  # False when nothing was near and `keys` is every category


def category_order(db: ContentDB, language: str = "en") -> list[str]:
    """Category keys in the directory's display order."""
    return [c.key for c in list_categories(db, language)]


def example_query(
    db: ContentDB, language: str, *, category: str = EXAMPLE_CATEGORY, area: str = EXAMPLE_AREA
) -> str:
    """The example text a family can send, e.g. "HOUSING BN7", in the language's keyword."""
    return f"{primary_keyword(db, category, language)} {area}"


def topics_near(db: ContentDB, near: Place, language: str) -> NearbyTopics:
    """The categories of the services nearest a place, in category order."""
    found = search_services(db, near=near, language=language, limit=NEARBY_SAMPLE, national_limit=0)
    keys: list[str] = []
    for result in found.local:
        keys.extend(k for k in result.categories if k not in keys)
    order = category_order(db, language)
    if not keys:
        return NearbyTopics(keys=order, found=False)
    return NearbyTopics(keys=sorted(keys, key=order.index), found=True)
