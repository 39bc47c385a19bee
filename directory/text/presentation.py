"""How the directory's facts are said, the same way on every channel and in every language.

Opening hours in words, a distance in the unit of the place's country, when a person last
checked an entry, and a phone number with its description. The kiosk, the SMS line, the
printouts (and the phone pages and read-aloud after them) all say these things through
`Presentation`, so a family reads the same words on a screen, a text and a card. The words are
the core's own gettext domain ("directory", in directory/locale).
"""

from __future__ import annotations

import gettext
from datetime import date
from functools import cache
from pathlib import Path

from directory.text.hours import HoursError, Opening, parse_hours
from directory.text.i18n import LANGUAGES, load_translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "directory"
KM_PER_MILE = 1.609344
# Countries whose road signs (and families) measure distance in miles.
MILES_COUNTRIES = frozenset({"GB", "UK", "IM", "JE", "GG", "US"})
EVERY_DAY = tuple(range(7))


def N_(message: str) -> str:
    """Mark a string for extraction; it is translated in the reader's language later."""
    return message


DAY_NAMES = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
DAY_ABBREVIATIONS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
ALL_DAY = N_("24 hours")
OPEN_ALWAYS = N_("24 hours, every day")
EVERY_DAY_WORDS = N_("Every day")
DAY_RANGE = N_("{first} to {last}")
TIME_SPAN = N_("{start} to {end}")
CHECKED = N_("Checked {date}")
NOT_CHECKED = N_("Not yet checked: please confirm before you travel")
MILES = N_("{distance} miles")
KILOMETRES = N_("{distance} km")
AWAY = N_("{distance} away")
# Labels in a service's details as a text (directory/text/details_message.py).
TEL = N_("Tel")
HOURS = N_("Hours")

# Where a national service serves, by its coverage codes (directory/text/areas.py). Whole
# phrases, because languages join "across" and a country's name differently.
AREA_PHRASES: dict[frozenset[str], str] = {
    frozenset({"GB"}): N_("Across the UK"),
    frozenset({"GB-ENG"}): N_("Across England"),
    frozenset({"GB-WLS"}): N_("Across Wales"),
    frozenset({"GB-SCT"}): N_("Across Scotland"),
    frozenset({"GB-NIR"}): N_("Across Northern Ireland"),
    frozenset({"GB-ENG", "GB-WLS"}): N_("Across England and Wales"),
    frozenset({"GB-ENG", "GB-WLS", "GB-SCT"}): N_("Across England, Wales and Scotland"),
    frozenset({"GB", "IE"}): N_("Across the UK and Ireland"),
    frozenset({"IE"}): N_("Across Ireland"),
    frozenset({"ES"}): N_("Across Spain"),
    frozenset({"PT"}): N_("Across Portugal"),
    frozenset({"DE"}): N_("Across Germany"),
    frozenset({"GR"}): N_("Across Greece"),
    frozenset({"RO"}): N_("Across Romania"),
    frozenset({"EU"}): N_("Across the European Union"),
}
NATIONWIDE = N_("Nationwide")
# One line each: the catalogue test reads each marked string as one literal.
# fmt: off
PRISON_CLOSED = N_("{prison} is closed; people were moved to other prisons. The Prisoners' Families Helpline can tell you where.")  # noqa: E501
PRISON_CLOSED_SCOTLAND = N_("{prison} is closed; people were moved to other prisons. Families Outside can tell you where.")  # noqa: E501
PRISON_CLOSED_NI = N_("{prison} is closed; people were moved to other prisons. NIACRO can tell you where.")  # noqa: E501
# fmt: on
PRISON_CLOSED_ELSEWHERE = N_("{prison} is closed; people were moved to other prisons.")
VISITOR_CENTRE = N_("Visitors' centre: run by {operator}")


def uses_miles(country: str | None) -> bool:
    """Whether distances near a place in this country are given in miles."""
    return (country or "GB").upper() in MILES_COUNTRIES


def distance_value(km: float, country: str | None) -> tuple[float, str]:
    """The distance in the country's unit: (value, "mi" or "km")."""
    if uses_miles(country):
        return km / KM_PER_MILE, "mi"
    return km, "km"


class Presentation:
    """The directory's facts in words, for one language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"
        self._catalogue = _catalogue(self.language)

    def _(self, message: str) -> str:
        return self._catalogue.gettext(message)

    # -- opening hours -------------------------------------------------------------------------

    def hours_lines(self, text: str) -> list[str]:
        """One line per group of days ("Monday to Friday: 09:00 to 17:00"); [] when unknown.

        Text that does not follow the hours grammar is shown as the volunteer wrote it: better
        their own words than nothing.
        """
        openings = _openings(text)
        if openings is None:
            return [text.strip()] if text.strip() else []
        groups = _grouped(openings)
        names = [self._(d) for d in DAY_NAMES]
        lines = []
        for days, spans in groups.items():
            if days == EVERY_DAY:
                day_text = self._(EVERY_DAY_WORDS)
            elif len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
                day_text = self._(DAY_RANGE).format(first=names[days[0]], last=names[days[-1]])
            else:
                day_text = ", ".join(names[d] for d in days)
            span_text = ", ".join(
                self._(ALL_DAY)
                if s.opens_at is None
                else self._(TIME_SPAN).format(start=s.opens_at, end=s.closes_at)
                for s in spans
            )
            line = f"{day_text}: {span_text}"
            # Spanish, Portuguese, Romanian and Polish write day names in lower case; a line
            # starts with a capital all the same.
            lines.append(line[:1].upper() + line[1:])
        return lines

    def hours_short(self, text: str) -> str:
        """Hours for a card or a text: "Mon–Fri 09:00–17:00; Sat 10:00–13:00"."""
        openings = _openings(text)
        if openings is None:
            return text.strip()
        names = [self._(d) for d in DAY_ABBREVIATIONS]
        parts = []
        for days, spans in _grouped(openings).items():
            if days == EVERY_DAY and all(s.opens_at is None for s in spans):
                parts.append(self._(OPEN_ALWAYS))
                continue
            if days == EVERY_DAY:
                day_text = self._(EVERY_DAY_WORDS)
            elif len(days) > 2 and days == tuple(range(days[0], days[-1] + 1)):
                day_text = f"{names[days[0]]}–{names[days[-1]]}"
            else:
                day_text = ", ".join(names[d] for d in days)
            span_text = ", ".join(
                self._(ALL_DAY) if s.opens_at is None else f"{s.opens_at}–{s.closes_at}"
                for s in spans
            )
            parts.append(f"{day_text} {span_text}")
        return "; ".join(parts)

    # -- distance ------------------------------------------------------------------------------

    def number(self, value: float) -> str:
        """A distance's number: one decimal under 10, whole above, in the language's style."""
        from babel.numbers import format_decimal  # on first use: babel's data is slow to load

        pattern = "0" if value >= 10 else "0.0"
        return str(format_decimal(value, format=pattern, locale=_babel_locale(self.language)))

    def distance(self, km: float | None, country: str | None) -> str:
        """ "0.7 miles" in Britain, "1.2 km" elsewhere; "" when unknown."""
        if km is None:
            return ""
        value, unit = distance_value(km, country)
        return self._(MILES if unit == "mi" else KILOMETRES).format(distance=self.number(value))

    def distance_short(self, km: float | None, country: str | None) -> str:
        """ "0.7mi" or "1.2km", for a text message; "" when unknown."""
        if km is None:
            return ""
        value, unit = distance_value(km, country)
        return f"{self.number(value)}{unit}"

    def distance_away(self, km: float | None, country: str | None) -> str:
        """ "0.7 miles away"; "" when unknown."""
        if km is None:
            return ""
        return self._(AWAY).format(distance=self.distance(km, country))

    # -- when a person last checked it ---------------------------------------------------------

    def date(self, iso: str) -> str:
        """An ISO date in words ("3 March 2025"); the text as given when it is not a date."""
        try:
            when = date.fromisoformat(iso.strip())
        except ValueError:
            return iso
        from babel.dates import format_date  # on first use: babel's date data is slow to load

        return str(format_date(when, "long", locale=_babel_locale(self.language)))

    def checked(self, assured_date: str | None) -> str:
        """ "Checked 3 March 2025", or the plain warning that nobody has checked it yet."""
        if not assured_date:
            return self._(NOT_CHECKED)
        return self._(CHECKED).format(date=self.date(assured_date))

    # -- where a service serves ----------------------------------------------------------------

    def area_label(self, codes: list[str], place_area: str | None = None) -> str:
        """ "Across Scotland", "En toda España": where a national service serves.

        Never wider than the truth: a combination without a phrase of its own is named by the
        part that serves the family's place ("Across Spain" for a five-country project seen from
        Madrid), else by each part in turn.
        """
        key = frozenset(codes)
        if key in AREA_PHRASES:
            return self._(AREA_PHRASES[key])
        if place_area:
            from directory.text.areas import covering_codes

            for code in covering_codes(place_area):
                if code in key and frozenset({code}) in AREA_PHRASES:
                    return self._(AREA_PHRASES[frozenset({code})])
        parts = [
            self._(AREA_PHRASES[frozenset({c})]) for c in codes if frozenset({c}) in AREA_PHRASES
        ]
        return "; ".join(parts) if parts else self._(NATIONWIDE)

    def prison_closed(self, prison: str, area: str) -> str:
        """What every channel says instead of visit slots when a prison has closed."""
        message = {
            "GB-ENG": PRISON_CLOSED,
            "GB-WLS": PRISON_CLOSED,
            "GB-SCT": PRISON_CLOSED_SCOTLAND,
            "GB-NIR": PRISON_CLOSED_NI,
        }.get(area, PRISON_CLOSED_ELSEWHERE)
        return self._(message).format(prison=prison)

    def visitor_centre(self, operator: str) -> str:
        """ "Visitors' centre: run by Pact"."""
        return self._(VISITOR_CENTRE).format(operator=operator)

    # -- phones ---------------------------------------------------------------------------------

    def phone(self, number: str, description: str = "") -> str:
        """A number as it is dialled, with what it is for: "0808 808 2003 (helpline, free)"."""
        number = " ".join(number.split())
        return f"{number} ({description.strip()})" if description.strip() else number


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()  # the source strings are the English
    return load_translations(LOCALE_DIR, DOMAIN, language)


def _babel_locale(language: str) -> str:
    # British English: "3 March 2025", not "March 3, 2025".
    return "en_GB" if language == "en" else language


def _openings(text: str) -> list[Opening] | None:
    if not text.strip():
        return []
    try:
        return parse_hours(text)
    except HoursError:
        return None


def _grouped(openings: list[Opening]) -> dict[tuple[int, ...], list[Opening]]:
    groups: dict[tuple[int, ...], list[Opening]] = {}
    for opening in openings:
        groups.setdefault(opening.days, []).append(opening)
    return groups


@cache
def presentation(language: str) -> Presentation:
    """The shared `Presentation` for a language (its catalogue is loaded once)."""
    return Presentation(language)
