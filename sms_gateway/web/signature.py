"""Twilio webhook signatures, checked against the one configured public URL.

`RequestValidator.validate()` signs twice (with and without the port); against one known URL a
single `compute_signature` and a constant-time comparison is enough and half the cost.
"""

from __future__ import annotations

import hmac
import logging
import time
from collections.abc import Callable, Mapping, Sequence

from twilio.request_validator import RequestValidator


class FormFields:
    """A form as Twilio's validator reads it: every value of every field, in order."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        self._values: dict[str, list[str]] = {}
        for name, value in pairs:
            self._values.setdefault(name, []).append(value)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._values)

    def getall(self, name: str) -> list[str]:
        """All values of a field (the MultiDict protocol RequestValidator uses)."""
        return self._values[name]

    def get(self, name: str, default: str = "") -> str:
        """The first value of a field."""
        values = self._values.get(name)
        return values[0] if values else default

    def as_dict(self) -> Mapping[str, list[str]]:
        """Field name -> values."""
        return self._values


class SignatureChecker:
    """Checks X-Twilio-Signature for requests to one public URL."""

    def __init__(self, auth_token: str, url: str) -> None:
        self._validator = RequestValidator(auth_token)
        self.url = url

    def sign(self, fields: FormFields | Mapping[str, str], url: str | None = None) -> str:
        """The signature Twilio would send for these fields."""
        return str(self._validator.compute_signature(url or self.url, fields))

    def valid(self, fields: FormFields, signature: str | None, query: str = "") -> bool:
        """True when the signature matches the configured URL (plus any query string)."""
        if not signature:
            return False
        url = f"{self.url}?{query}" if query else self.url
        expected = self.sign(fields, url)
        return hmac.compare_digest(expected.encode(), signature.strip().encode())


class RejectionLog:
    """Log rejected signatures at most once a minute per source address, with a count.

    Anyone can post to the public URL, so one line per bad request would let a stranger fill
    the journal (and push out what matters). Behind the reverse proxy every request comes
    from 127.0.0.1, so there this is one line a minute in all.
    """

    def __init__(
        self,
        logger: logging.Logger,
        every: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sources: int = 4096,
    ) -> None:
        self._log = logger
        self._every = every
        self._clock = clock
        self._sources = sources
        self._seen: dict[str, list[float]] = {}  # source -> [time of last line, not logged]

    def note(self, source: str) -> None:
        """Count one rejected request from `source`; log it if its minute is up."""
        now = self._clock()
        key = source or "unknown"
        entry = self._seen.get(key)
        if entry is not None and now - entry[0] < self._every:
            entry[1] += 1
            return
        since = int(entry[1]) if entry is not None else 0
        self._log.warning(
            "rejected a request with a missing or wrong Twilio signature from %s"
            " (%d more from there since the last such line)",
            key,
            since,
        )
        self._seen.pop(key, None)
        self._seen[key] = [now, 0]
        if len(self._seen) > self._sources:  # forget the address heard from longest ago
            self._seen.pop(next(iter(self._seen)))
