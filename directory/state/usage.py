"""Anonymous daily usage counts: no sender, no message, only what and roughly where.

Days are kept only until the month's report is made (`roll_up_reported`); then months.

Event names the monthly report (directory/usage_report.py) relies on; keep them stable:

- sms: "search" (keyword = category key, area = outward code, language, found, segments),
  "prison" and "place_only" (the other answers to a question about a place). These three are
  the report's "SMS conversations". "more" is a follow-up, not a new conversation. "optout"
  and "distress" are counted on their own. Segments are summed over every sms event.
  The other sms events: "details" (a result's full entry), "ask_place" (a keyword without a
  place), "place_not_found", "not_understood", "menu", "optin", "rate_limited" (the one
  "please wait"), "reply" (any other reply, e.g. nothing more to show), "error" and
  "unavailable" (the generic replies when something broke). Every reply's segments are
  recorded once, on the first event of its text, so the sum over all sms events is what
  was sent. "session" (language) is counted once per conversation, on its first text: the
  report's languages count conversations, so one family texting ten times counts once.
- sms, guides (issue 15): "guide" (keyword = section or stage key; found = written from a
  source, not just "ask the visitor centre"), "guide_ask" (a section word with no prison) and
  "wrong" (WRONG; found = there was an answer to count it against, in guide_wrong).
- kiosk: "search", "view", "print", "text" (keyword = category key, language), and "session"
  (language): one per family session, when the kiosk resets for the next family (idle or after
  an error), in the language the family ended in; never for staff at the desk. The report's
  languages count these, as they count the SMS line's conversations: not searches or taps.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from typing import TypedDict, Unpack

from directory.db.connections import transaction


class EventFields(TypedDict, total=False):
    """What a count says besides its channel and event; `add_event` gives each its default."""

    keyword: str
    area: str
    language: str
    found: bool | None
    segments: int
    day: date | None


def record_event(
    conn: sqlite3.Connection, channel: str, event: str, **fields: Unpack[EventFields]
) -> None:
    """Add one to today's count for this event (area is an outward code at most)."""
    with transaction(conn):
        add_event(conn, channel, event, **fields)


def add_event(
    conn: sqlite3.Connection,
    channel: str,
    event: str,
    *,
    keyword: str = "",
    area: str = "",
    language: str = "",
    found: bool | None = None,
    segments: int = 0,
    day: date | None = None,
) -> None:
    """Like `record_event`, inside a transaction the caller already holds."""
    when = (day or datetime.now(UTC).date()).isoformat()
    area = area.split(" ")[0].upper()[:4]
    flag = -1 if found is None else int(found)
    conn.execute(
        "INSERT INTO usage_count (day, channel, event, keyword, area, language, found, count,"
        " segments) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)"
        " ON CONFLICT (day, channel, event, keyword, area, language, found)"
        " DO UPDATE SET count = count + 1, segments = segments + excluded.segments",
        (when, channel, event, keyword, area, language, flag, segments),
    )


def usage_rows(
    conn: sqlite3.Connection, first_day: date, last_day: date
) -> list[tuple[str, str, str, str, str, str, int, int, int]]:
    """All count rows between two days inclusive."""
    return conn.execute(
        "SELECT day, channel, event, keyword, area, language, found, count, segments"
        " FROM usage_count WHERE day BETWEEN ? AND ? ORDER BY day",
        (first_day.isoformat(), last_day.isoformat()),
    ).fetchall()


def event_counts(
    conn: sqlite3.Connection, channel: str, event: str, first_day: date
) -> dict[str, int]:
    """Total counts per keyword for one channel's event since a day (e.g. kiosk tile views)."""
    return dict(
        conn.execute(
            "SELECT keyword, SUM(count) FROM usage_count WHERE channel = ? AND event = ?"
            " AND day >= ? AND keyword != '' GROUP BY keyword",
            (channel, event, first_day.isoformat()),
        ).fetchall()
    )


REPORTED_KEY = "usage_reported_through"


def roll_up_reported(conn: sqlite3.Connection, month: str) -> int:
    """After the report for `month` (YYYY-MM): its days and every earlier day become months.

    Daily rows are only needed to draw a month's report by week; once it is made, a day's
    rare events (one text about one topic from one area) say more about a family than the
    report ever shows. Each month keeps one row per event, topic, area and language, dated the
    first of the month. Returns how many daily rows were folded in.
    """
    year, number = (int(part) for part in month.split("-"))
    following = date(year + number // 12, number % 12 + 1, 1)
    through = (following - timedelta(days=1)).isoformat()
    with transaction(conn):
        folded = conn.execute(
            "SELECT count(*) FROM usage_count WHERE day <= ? AND substr(day, 9, 2) != '01'",
            (through,),
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO usage_count (day, channel, event, keyword, area, language, found,"
            " count, segments)"
            " SELECT substr(day, 1, 8) || '01', channel, event, keyword, area, language, found,"
            " SUM(count), SUM(segments) FROM usage_count"
            " WHERE day <= ? AND substr(day, 9, 2) != '01'"
            " GROUP BY substr(day, 1, 8), channel, event, keyword, area, language, found"
            " ON CONFLICT (day, channel, event, keyword, area, language, found) DO UPDATE SET"
            " count = count + excluded.count, segments = segments + excluded.segments",
            (through,),
        )
        conn.execute(
            "DELETE FROM usage_count WHERE day <= ? AND substr(day, 9, 2) != '01'", (through,)
        )
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)",
            (REPORTED_KEY, through),
        )
    return int(folded)
