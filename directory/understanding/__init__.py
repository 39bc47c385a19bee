"""Understanding what families write: topics, places, prisons, commands and distress in a text.

Shared by the SMS line and the kiosk's search words; read-only over the directory.
"""

from directory.understanding.interpret import (
    PlaceMatch,
    TopicMatch,
    Understanding,
    interpret,
    suggest,
)
from directory.understanding.search_words import TypedSearch, read_search

__all__ = [
    "PlaceMatch",
    "TopicMatch",
    "TypedSearch",
    "Understanding",
    "interpret",
    "read_search",
    "suggest",
]
