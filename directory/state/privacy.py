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
