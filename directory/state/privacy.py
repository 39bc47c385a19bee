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


def outward_only(text: str) -> str:
    """The text with every full UK postcode cut to its outward code ("BN7 1EA" -> "BN7")."""
    return _FULL_POSTCODE.sub(lambda m: m.group(1).upper(), text)
