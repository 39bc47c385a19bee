"""The printouts' own words (gettext domain "printouts"), and hours in the card's language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from directory.text.hours import HoursError, Opening, parse_hours
from directory.text.i18n import load_translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "printouts"

Gettext = Callable[[str], str]


def _(message: str) -> str:
    """Mark a string for extraction; it is translated later, in the card's language."""
    return message


# Day abbreviations, Monday first, as the card prints them.
DAY_NAMES = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))


def translator(language: str) -> Gettext:
    """The gettext function for one language (English source strings when there is none)."""
    return load_translations(LOCALE_DIR, DOMAIN, language).gettext


def _days(days: tuple[int, ...], gettext: Gettext) -> str:
    names = [gettext(DAY_NAMES[d]) for d in days]
    if days == tuple(range(7)):
        return gettext("Every day")
    if len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


def hours_text(hours: str, gettext: Gettext) -> str:
    """Opening hours in the card's language; the raw text when it does not follow the grammar."""
    if not hours.strip():
        return ""
    try:
        openings: list[Opening] = parse_hours(hours)
    except HoursError:
        return hours
    groups: dict[tuple[int, ...], list[str]] = {}
    for o in openings:
        span = gettext("24 hours") if o.opens_at is None else f"{o.opens_at}–{o.closes_at}"
        groups.setdefault(o.days, []).append(span)
    parts = []
    for days, spans in groups.items():
        if days == tuple(range(7)) and spans == [gettext("24 hours")]:
            parts.append(gettext("24 hours, every day"))
        else:
            parts.append(f"{_days(days, gettext)} {', '.join(spans)}")
    return "; ".join(parts)
