"""The phones field volunteers write: "0808 808 2003 (helpline, free); 020 8812 3600 (office)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY = re.compile(r"^(?P<number>[+0-9][0-9 ()+-]*?[0-9])\s*(?:\((?P<description>[^()]*)\))?$")


_EU_116 = re.compile(r"^116\d{3}$")  # harmonised numbers of social value (116 000, 116 111...)
# National short codes missing from libphonenumber's short-number metadata, each cited in
# data/SOURCES.md: Greece's SOS 1056 for children (The Smile of the Child), 1018 suicide
# intervention line (Klimaka) and 10306 psychosocial support line (Ministry of Health).
_KNOWN_SHORT = {"GR": frozenset({"1056", "1018", "10306"})}


class PhoneError(ValueError):
    """A phone entry does not parse; the message says why in plain words."""


@dataclass(frozen=True)
class PhoneEntry:
    """One number with its description, normalised for display."""

    number: str
    description: str


def normalise_number(raw: str, country: str = "GB", home: str = "GB") -> str:
    """Check a number and format it for display: national style at home, else international."""
    compact = raw.strip()
    digits = re.sub(r"\D", "", compact)
    # Imported here: phonenumbers is slow to import (docs/performance.md) and readers of the
    # directory (the kiosk's start, the SMS line's) never check numbers.
    import phonenumbers

    if 3 <= len(digits) <= 6 and not compact.startswith("+"):
        # A short code (116 123, 111, 016 in Spain) only if it is one in the service's country,
        # or one of the EU-wide 116 numbers; "01234" is the start of a number, not a line.
        try:
            short = phonenumbers.parse(digits, country or "GB")
        except phonenumbers.NumberParseException as exc:
            raise PhoneError(f"{raw.strip()!r} is not a phone number") from exc
        if digits in _KNOWN_SHORT.get(country or "GB", ()):
            return compact
        if _EU_116.match(digits) or phonenumbers.is_valid_short_number_for_region(
            short, country or "GB"
        ):
            return compact
        raise PhoneError(f"{raw.strip()!r} is too short for a phone number in {country or 'GB'}")

    try:
        parsed = phonenumbers.parse(compact, country or "GB")
    except phonenumbers.NumberParseException as exc:
        raise PhoneError(f"{raw.strip()!r} is not a phone number") from exc
    if not phonenumbers.is_possible_number(parsed):
        raise PhoneError(f"{raw.strip()!r} has the wrong number of digits")
    if not phonenumbers.is_valid_number(parsed):
        raise PhoneError(f"{raw.strip()!r} is not a number in use in its country")
    at_home = phonenumbers.region_code_for_number(parsed) == home
    fmt = phonenumbers.PhoneNumberFormat
    style = fmt.NATIONAL if at_home else fmt.INTERNATIONAL
    return phonenumbers.format_number(parsed, style)


def parse_phones(text: str, country: str = "GB") -> list[PhoneEntry]:
    """Parse the phones field; raise PhoneError naming the entry that is wrong."""
    entries = []
    for raw in (part.strip() for part in text.split(";")):
        if not raw:
            continue
        match = _ENTRY.match(raw)
        if not match:
            raise PhoneError(
                f"{raw!r} should be a number, optionally followed by a description in brackets"
            )
        number = normalise_number(match.group("number"), country)
        entries.append(PhoneEntry(number, (match.group("description") or "").strip()))
    return entries


def format_phones(entries: list[PhoneEntry]) -> str:
    """Write phone entries back in the volunteer format."""
    return "; ".join(
        f"{e.number} ({e.description})" if e.description else e.number for e in entries
    )
