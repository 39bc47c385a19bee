"""The usage counts one text adds: its events, written once the reply (and its cost) is known."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from directory.state.usage import add_event
from sms_gateway.gsm import count_segments

# The event for a reply that no other event describes (e.g. "nothing more to show").
REPLY_EVENT = "reply"


@dataclass(frozen=True)
class _Event:
    event: str
    keyword: str
    area: str
    language: str
    found: bool | None


@dataclass
class Tally:
    """Events noted while a text is answered; the first carries the reply's segments."""

    language: str
    events: list[_Event] = field(default_factory=list)

    def add(
        self,
        event: str,
        *,
        keyword: str = "",
        area: str = "",
        language: str = "",
        found: bool | None = None,
    ) -> None:
        """Note an event (counted only when the text's transaction commits)."""
        self.events.append(_Event(event, keyword, area, language or self.language, found))

    def write(self, conn: sqlite3.Connection, reply: str | None) -> None:
        """Add the events to today's counts, inside the caller's transaction.

        Every reply costs segments, so a reply without an event of its own is counted as
        "reply"; the segments go on the first event so that summing them over all events
        gives the segments sent.
        """
        segments = count_segments(reply).segments if reply else 0
        events = self.events
        if reply and not events:
            events = [_Event(REPLY_EVENT, "", "", self.language, None)]
        for i, e in enumerate(events):
            add_event(
                conn, "sms", e.event, keyword=e.keyword, area=e.area, language=e.language,
                found=e.found, segments=segments if i == 0 else 0,
            )  # fmt: skip
