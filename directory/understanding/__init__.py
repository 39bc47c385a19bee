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

__all__ = ["PlaceMatch", "TopicMatch", "Understanding", "interpret", "suggest"]
