"""Keyed hashing of phone numbers: senders are stored only as HMAC-SHA256 digests."""

from __future__ import annotations

import hashlib
import hmac
import re


def normalise_msisdn(number: str) -> str:
    """Digits with a leading + kept, so "+44 7700 900123" and "+447700900123" hash the same."""
    number = number.strip()
    digits = re.sub(r"\D", "", number)
    return ("+" if number.startswith("+") else "") + digits


def hash_sender(number: str, key: bytes) -> str:
    """The keyed hash that stands in for a phone number everywhere in the state database."""
    if not key:
        raise ValueError("a non-empty hash key is required")
    digest = hmac.new(key, normalise_msisdn(number).encode(), hashlib.sha256).hexdigest()
    return digest[:40]


# A full UK postcode (outward code, space or not, inward code): with a sender's hash it narrows
# a family down to a street, so the state database keeps only the outward code (BN7, not BN7 1EA).
_FULL_POSTCODE = re.compile(
    r"\b([A-Z]{1,2}[0-9][0-9A-Z]?)[ \t]*[0-9][ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE
)


def _postcode(match: re.Match[str]) -> str:
    return re.sub(r"\s+", "", match.group(0)).upper()


def outward_only(text: str, only_from: str | None = None) -> str:
    """The text with full UK postcodes cut to their outward code ("BN7 1EA" -> "BN7").

    With only_from, just the postcodes that appear in that text (what a sender typed), so a
    service's own address in a reply keeps its full postcode.
    """
    chosen = (
        None if only_from is None else {_postcode(m) for m in _FULL_POSTCODE.finditer(only_from)}
    )
    if chosen is not None and not chosen:
        return text

    def cut(match: re.Match[str]) -> str:
        if chosen is not None and _postcode(match) not in chosen:
            return match.group(0)
        return match.group(1).upper()

    return _FULL_POSTCODE.sub(cut, text)
