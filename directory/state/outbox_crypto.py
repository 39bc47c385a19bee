"""Encryption at rest for queued texts: the number and the message, sealed with a key from
credentials.

The key is derived (HKDF-SHA256) from the site's hash key, a systemd credential that only the
processes that queue or send texts receive. A copy of state.db, a backup or a disk image then
holds no number or message in clear even for the minutes a text waits. Fernet authenticates as
well as encrypts, so a row altered in the file fails to open instead of sending a changed text.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from directory.errors import DirectoryError

PREFIX = "f1:"  # marks a sealed value (and its scheme, should it ever change)
INFO = b"waypost outbox v1"


class SealedTextUnreadable(DirectoryError):
    """A queued value cannot be opened: another site's key, or the row was altered."""


@lru_cache(maxsize=4)
def _fernet(hash_key: bytes) -> Fernet:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(hash_key)
    return Fernet(base64.urlsafe_b64encode(derived))


class OutboxCipher:
    """Seals and opens outbox values with the key derived from the hash key."""

    def __init__(self, hash_key: bytes) -> None:
        if not hash_key:
            raise ValueError("a non-empty hash key is required")
        self._fernet = _fernet(hash_key)

    def seal(self, value: str) -> str:
        """The value encrypted and authenticated, as text for a TEXT column."""
        return PREFIX + self._fernet.encrypt(value.encode()).decode("ascii")

    def open(self, stored: str) -> str:
        """The value back; a row queued before encryption (no prefix) is read as it is."""
        if not stored.startswith(PREFIX):
            return stored
        try:
            return self._fernet.decrypt(stored[len(PREFIX) :].encode("ascii")).decode()
        except InvalidToken:
            raise SealedTextUnreadable(
                "a queued text cannot be opened with this site's key"
            ) from None
