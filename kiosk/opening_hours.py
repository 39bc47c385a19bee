"""Opening hours and visit times in words, in the family's language."""

from __future__ import annotations

from collections.abc import Callable

from directory.text.hours import HoursError, Opening, parse_hours

Translate = Callable[[str], str]


def day_names(_: Translate) -> list[str]:
    """Monday..Sunday in the language."""
    return [
        _("Monday"),
        _("Tuesday"),
        _("Wednesday"),
        _("Thursday"),
        _("Friday"),
        _("Saturday"),
        _("Sunday"),
    ]


def _days(days: tuple[int, ...], _: Translate) -> str:
    names = day_names(_)
    if days == tuple(range(7)):
        return _("Every day")
    if len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
        return _("{first} to {last}").format(first=names[days[0]], last=names[days[-1]])
    return ", ".join(names[d] for d in days)


def _span(opening: Opening, _: Translate) -> str:
    if opening.opens_at is None:
        return _("24 hours")
    return _("{start} to {end}").format(start=opening.opens_at, end=opening.closes_at)


def hours_in_words(text: str, _: Translate) -> list[str]:
    """One line per group of days ("Monday to Friday: 09:00 to 17:00"); [] when unknown."""
    if not text.strip():
        return []
    try:
        openings = parse_hours(text)
    except HoursError:
        return [text]  # better the volunteer's own words than nothing
    groups: dict[tuple[int, ...], list[str]] = {}
    for opening in openings:
        groups.setdefault(opening.days, []).append(_span(opening, _))
    lines = [f"{_days(days, _)}: {', '.join(spans)}" for days, spans in groups.items()]
    # Spanish, Portuguese, Romanian and Polish write day names in lower case; a line starts
    # with a capital all the same.
    return [line[:1].upper() + line[1:] for line in lines]
