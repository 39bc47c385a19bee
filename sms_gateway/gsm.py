"""GSM-7 and segment counting for the SMS line: the rules live in the core (directory/text/gsm.py),
because the core's one composer of a service's details as a text (directory/text/
details_message.py) fits the kiosk's "Text me this" and the SMS line's reply to the same budget.
"""

from __future__ import annotations

from directory.text.gsm import (
    GSM_CHARS,
    MAX_CHARS,
    SegmentCount,
    count_segments,
    encoding_of,
    fits,
    sanitise,
)

__all__ = [
    "GSM_CHARS",
    "MAX_CHARS",
    "SegmentCount",
    "count_segments",
    "encoding_of",
    "fits",
    "sanitise",
]
