"""The hours grammar volunteers write ("Mon-Fri 09:00-17:00; Sat 10:00-13:00") and its HSDS form."""

from __future__ import annotations

import re
from dataclasses import dataclass

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
ICAL = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_INDEX = {d.lower(): i for i, d in enumerate(DAYS)}
_NAMED = {
    "daily": tuple(range(7)),
    "weekdays": tuple(range(5)),
    "weekends": (5, 6),
}
_SPAN = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


class HoursError(ValueError):
    """The hours text does not follow the grammar; the message says why in plain words."""


@dataclass(frozen=True)
class Opening:
    """One weekly opening: days (0 = Monday) and a span, or all day."""

    days: tuple[int, ...]
    opens_at: str | None  # "09:00"; None means all day
    closes_at: str | None

    @property
    def byday(self) -> str:
        """The iCal BYDAY value, e.g. "MO,TU,WE"."""
        return ",".join(ICAL[d] for d in self.days)


def _parse_days(spec: str) -> tuple[int, ...]:
    spec = spec.strip().lower()
    if spec in _NAMED:
        return _NAMED[spec]
    days: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            start, _, end = part.partition("-")
            a, b = _DAY_INDEX.get(start.strip()[:3]), _DAY_INDEX.get(end.strip()[:3])
            if a is None or b is None or len(start.strip()) > 3 or len(end.strip()) > 3:
                raise HoursError(f"{part!r} is not a day range like Mon-Fri")
            days.extend(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        else:
            index = _DAY_INDEX.get(part)
            if index is None:
                raise HoursError(f"{part!r} is not a day: use Mon Tue Wed Thu Fri Sat Sun")
            days.append(index)
    return tuple(sorted(set(days)))


def _parse_span(text: str) -> tuple[str, str]:
    match = _SPAN.match(text.strip())
    if not match:
        raise HoursError(f"{text.strip()!r} is not a time span like 09:00-17:00")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if not (0 <= h1 <= 24 and 0 <= h2 <= 24 and m1 < 60 and m2 < 60):
        raise HoursError(f"{text.strip()!r} has an impossible time")
    return f"{h1:02d}:{m1:02d}", f"{h2:02d}:{m2:02d}"


def parse_hours(text: str) -> list[Opening]:
    """Parse the hours grammar; raise HoursError with a plain explanation if it does not fit."""
    openings: list[Opening] = []
    for entry in (e.strip() for e in text.split(";")):
        if not entry:
            continue
        if entry.lower() in ("24 hours", "24h", "24/7"):
            openings.append(Opening(tuple(range(7)), None, None))
            continue
        match = re.match(r"^([A-Za-z][A-Za-z,\s-]*?)\s+(\d.*|24 hours)$", entry)
        if not match:
            raise HoursError(f"{entry!r} should be days then times, like Mon-Fri 09:00-17:00")
        days = _parse_days(match.group(1))
        times = match.group(2).strip()
        if times.lower() == "24 hours":
            openings.append(Opening(days, None, None))
            continue
        for span in times.split(","):
            opens, closes = _parse_span(span)
            openings.append(Opening(days, opens, closes))
    return openings


def _days_text(days: tuple[int, ...]) -> str:
    if days == tuple(range(7)):
        return "Daily"
    if len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
        return f"{DAYS[days[0]]}-{DAYS[days[-1]]}"
    return ",".join(DAYS[d] for d in days)


def format_hours(openings: list[Opening]) -> str:
    """Write openings back in the grammar, grouping spans that share the same days."""
    groups: dict[tuple[int, ...], list[str]] = {}
    for o in openings:
        span = "24 hours" if o.opens_at is None else f"{o.opens_at}-{o.closes_at}"
        groups.setdefault(o.days, []).append(span)
    parts = []
    for days, spans in groups.items():
        if spans == ["24 hours"] and days == tuple(range(7)):
            parts.append("24 hours")
        else:
            parts.append(f"{_days_text(days)} {', '.join(spans)}")
    return "; ".join(parts)
