"""The phones field volunteers write: "0808 808 2003 (helpline, free); 020 8812 3600 (office)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ENTRY = re.compile(r"^(?P<number>[+0-9][0-9 ()+-]*?[0-9])\s*(?:\((?P<description>[^()]*)\))?$")


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
    if 3 <= len(digits) <= 6 and not compact.startswith("+"):
        return compact  # short codes such as 116 123 or 111
    # Imported here: phonenumbers is slow to import (docs/performance.md) and readers of the
    # directory (the kiosk's start, the SMS line's) never check numbers.
    import phonenumbers

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
