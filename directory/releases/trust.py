"""What a site trusts when it syncs: which addresses, and the newest release it has installed.

A release changes the helpline numbers every kiosk and text shows, so it must come over a
channel nobody can tamper with on the way (https, or the machine itself) and must never take
the site back to an older directory, even when the installed file is missing or broken. The last
installed release is recorded in the state database, which outlives the content file.
"""

from __future__ import annotations

import ipaddress
import sqlite3
import urllib.request
from http.client import HTTPMessage
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit, urlunsplit

from directory.db.connections import open_state, transaction
from directory.errors import DirectoryError

RECORD_KEY = "release_installed"


class UntrustedSource(DirectoryError):
    """A release address this site will not fetch from (plain http to another machine)."""


def shown(url: str) -> str:
    """The URL without credentials, query or fragment: safe to print."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def is_loopback(host: str | None) -> bool:
    """True for this machine's own addresses (localhost, 127.0.0.0/8, ::1)."""
    if not host:
        return False
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_network_url(url: str) -> None:
    """Raise UntrustedSource unless url is https, or http to this machine itself (tests)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "https" and parts.hostname:
        return
    if scheme == "http" and is_loopback(parts.hostname):
        return
    raise UntrustedSource(
        f"Releases are fetched over https only; {shown(url)!r} is not an https address."
    )


class _HttpsOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to another address this site would accept in the first place."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_network_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def opener() -> urllib.request.OpenerDirector:
    """A urllib opener that refuses redirects to plain http (or to other schemes)."""
    return urllib.request.build_opener(_HttpsOnlyRedirects())


def recorded_release(state_path: Path) -> tuple[str, str] | None:
    """(built_at, version) of the last release this site installed, or None if none was."""
    if not Path(state_path).is_file():
        return None
    conn = open_state(state_path)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (RECORD_KEY,)).fetchone()
    finally:
        conn.close()
    if row is None:
        return None
    built_at, _, version = str(row[0]).partition(" ")
    return (built_at, version) if version else None


def record_release(state_path: Path, built_at: str, version: str) -> None:
    """Remember the release just installed (a later sync refuses anything older)."""
    conn = open_state(state_path)
    try:
        with transaction(conn):
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (RECORD_KEY, f"{built_at} {version}"),
            )
    except sqlite3.Error as exc:
        raise DirectoryError(
            "The new directory is installed, but recording it in the state database failed"
            f" ({exc})."
        ) from None
    finally:
        conn.close()


__all__ = [
    "UntrustedSource",
    "check_network_url",
    "is_loopback",
    "opener",
    "record_release",
    "recorded_release",
    "shown",
]
