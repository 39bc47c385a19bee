"""`waypost sync`: fetch a published release, verify it, and swap it in atomically.

Fetching uses the standard library (urllib) rather than an HTTP client package: one GET at a
time, streamed to disk, is all a site needs, and the core stays free of extra dependencies. The
URL may be http(s), file://, or a plain folder path (a release copied onto a USB stick).

The current database is never touched until the new file has passed every check: on any failure
the temporary file is deleted and the site keeps serving what it had.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import urljoin, urlsplit

from directory.db.migrations import latest_version
from directory.db.write_lock import DEFAULT_WAIT, content_writer
from directory.releases.publish import (
    CHUNK,
    MANIFEST_NAME,
    Manifest,
    Progress,
    ReleaseError,
    check_database,
    verify_manifest,
)
from directory.releases.trust import (
    UntrustedSource,
    check_network_url,
    opener,
    record_release,
    recorded_release,
    shown,
)

MANIFEST_LIMIT = 1 << 20
USER_AGENT = "waypost-sync/1"


class SyncError(ReleaseError):
    """The release could not be fetched or failed a check; the current directory is unchanged."""


class ReleaseNotNewer(SyncError):
    """The release is the same as, or older than, the directory this site already has."""

    def __init__(self, message: str, *, same: bool) -> None:
        self.same = same
        super().__init__(message)


@dataclass(frozen=True)
class SyncResult:
    """What a successful sync installed."""

    version: str
    built_at: str
    previous_version: str | None
    size: int
    signed: bool


def manifest_url(source: str) -> str:
    """The manifest's URL for a release given as a folder URL, a manifest URL or a local path.

    Network addresses must be https (http only to this machine itself); a folder on this
    machine, such as a USB stick, is read directly.
    """
    scheme = urlsplit(source).scheme.lower()
    if scheme in ("http", "https"):
        try:
            check_network_url(source)
        except UntrustedSource as exc:
            raise SyncError(str(exc)) from None
    elif scheme != "file":
        if scheme and len(scheme) > 1:
            raise SyncError(f"Cannot sync from {shown(source)!r}: use https or a folder.")
        source = Path(source).resolve().as_uri()
    if source.endswith(".json"):
        return source
    return source.rstrip("/") + "/" + MANIFEST_NAME


def _open(url: str, timeout: float) -> IO[bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    return opener().open(request, timeout=timeout)


def _missing(exc: urllib.error.URLError) -> bool:
    if isinstance(exc, urllib.error.HTTPError):
        return exc.code in (404, 410)
    return isinstance(exc.reason, FileNotFoundError)


def _fetch_small(url: str, timeout: float, what: str) -> bytes | None:
    """A small file's bytes, or None when the server says it does not exist."""
    try:
        with _open(url, timeout) as response:
            data = response.read(MANIFEST_LIMIT + 1)
    except UntrustedSource as exc:
        raise SyncError(f"The {what} at {shown(url)} redirects elsewhere: {exc}") from None
    except urllib.error.URLError as exc:
        if _missing(exc):
            return None
        raise SyncError(_network_problem(url, exc, what)) from None
    except (http.client.HTTPException, OSError) as exc:
        raise SyncError(_network_problem(url, exc, what)) from None
    if len(data) > MANIFEST_LIMIT:
        raise SyncError(f"The {what} at {shown(url)} is far too large to be a release {what}.")
    return data


def _network_problem(url: str, exc: BaseException, what: str) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        reason = f"the server answered HTTP {exc.code}"
    elif isinstance(exc, urllib.error.URLError):
        reason = str(exc.reason)
    elif isinstance(exc, http.client.IncompleteRead):
        reason = "the connection closed before the whole file arrived"
    else:
        reason = str(exc) or type(exc).__name__
    return f"Could not fetch the {what} from {shown(url)}: {reason}."


def _current(db_path: Path) -> tuple[str, str] | None:
    """(built_at, version) of the installed directory, or None if there is no usable one."""
    if not db_path.is_file():
        return None
    try:
        facts = check_database(db_path)
    except ReleaseError:
        return None  # a broken current file should be replaced, not defended
    return (facts.built_at, facts.version)


def _refuse_older_than_recorded(manifest: Manifest, recorded: tuple[str, str] | None) -> None:
    # Holds even when the installed file is missing or broken: deleting it must not open the
    # door to an old release (with old numbers) that an attacker kept a valid signature of.
    if recorded is not None and (manifest.built_at, manifest.version) < recorded:
        raise ReleaseNotNewer(
            f"The release (version {manifest.version}, built {manifest.built_at}) is older than"
            f" version {recorded[1]} (built {recorded[0]}), which this site installed before;"
            " it was refused.",
            same=False,
        )


def _refuse_unless_newer(manifest: Manifest, current: tuple[str, str] | None) -> None:
    if current is None:
        return
    offered = (manifest.built_at, manifest.version)
    if offered == current:
        raise ReleaseNotNewer(
            f"This site already has directory version {manifest.version}; nothing to do.",
            same=True,
        )
    if offered < current:
        raise ReleaseNotNewer(
            f"The release (version {manifest.version}, built {manifest.built_at}) is older than"
            f" this site's directory (version {current[1]}, built {current[0]}); it was refused.",
            same=False,
        )


def _download(url: str, target: Path, manifest: Manifest, timeout: float, report: Progress) -> None:
    digest = hashlib.sha256()
    done = 0
    report("downloading", 0, manifest.size)
    try:
        with _open(url, timeout) as response, open(target, "wb") as out:
            length = getattr(response, "headers", {}).get("Content-Length")
            if length is not None and length.isdigit() and int(length) != manifest.size:
                raise SyncError(
                    f"The server offers {int(length)} bytes but the manifest says"
                    f" {manifest.size}; the release is incomplete or mixed up."
                )
            while chunk := response.read(CHUNK):
                done += len(chunk)
                if done > manifest.size:
                    raise SyncError("The database file is larger than its manifest says.")
                digest.update(chunk)
                out.write(chunk)
                report("downloading", done, manifest.size)
            out.flush()
            os.fsync(out.fileno())
    except UntrustedSource as exc:
        raise SyncError(f"The database at {shown(url)} redirects elsewhere: {exc}") from None
    except urllib.error.URLError as exc:
        raise SyncError(_network_problem(url, exc, "database")) from None
    except (http.client.HTTPException, OSError) as exc:
        # Network drops and local write failures (a full disk) alike leave the old file in place.
        raise SyncError(_network_problem(url, exc, "database")) from None
    if done != manifest.size:
        raise SyncError(
            f"The download stopped after {done} of {manifest.size} bytes; the file is incomplete."
        )
    if digest.hexdigest() != manifest.sha256:
        raise SyncError("The downloaded database does not match the manifest's sha256 checksum.")


def _check_download(path: Path, manifest: Manifest) -> None:
    try:
        facts = check_database(path)
    except ReleaseError as exc:
        raise SyncError(f"The downloaded database was refused: {exc}") from None
    if (facts.version, facts.built_at) != (manifest.version, manifest.built_at):
        raise SyncError("The downloaded database's version differs from its manifest.")
    if manifest.rows and facts.rows != manifest.rows:
        raise SyncError("The downloaded database's row counts differ from its manifest.")


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync(
    source: str,
    db_path: Path,
    *,
    public_key: str | None = None,
    allow_unsigned: bool = False,
    state_path: Path | None = None,
    progress: Progress | None = None,
    timeout: float = 30.0,
    wait: float = DEFAULT_WAIT,
) -> SyncResult:
    """Fetch the release at source, verify it and swap it in at db_path; else change nothing.

    Without public_key a release is refused unless allow_unsigned says, explicitly, that an
    unsigned one is acceptable. With state_path, the release installed is recorded there and a
    release older than the last one recorded is refused, whatever the installed file says.
    """
    if public_key is None and not allow_unsigned:
        raise SyncError(
            "This site has no release_public_key, so it cannot check who made a release;"
            " set release_public_key (from `waypost release-key`) in the [release] settings."
        )
    try:
        return _sync(source, Path(db_path), public_key, state_path, progress, timeout, wait)
    except SyncError:
        raise
    except ReleaseError as exc:  # a bad manifest or signature: same promise, same error type
        raise SyncError(str(exc)) from None


def _sync(
    source: str,
    db_path: Path,
    public_key: str | None,
    state_path: Path | None,
    progress: Progress | None,
    timeout: float,
    wait: float,
) -> SyncResult:
    report = progress or (lambda step, done, total: None)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    url = manifest_url(source)
    body = _fetch_small(url, timeout, "manifest")
    if body is None:
        raise SyncError(f"There is no release manifest at {shown(url)}.")
    if public_key is not None:
        signature = _fetch_small(url + ".sig", timeout, "signature")
        if signature is None:
            raise SyncError(
                "The release is not signed, but this site only accepts signed releases"
                " (release_public_key is set)."
            )
        verify_manifest(body, signature, public_key)
    manifest = Manifest.from_bytes(body)
    if manifest.schema_version != latest_version("content"):
        raise SyncError(
            f"The release has directory schema {manifest.schema_version}; this Waypost reads"
            f" schema {latest_version('content')}. Update Waypost or the publisher first."
        )
    with content_writer(db_path, "sync", wait):
        current = _current(db_path)
        _refuse_unless_newer(manifest, current)
        if state_path is not None:
            _refuse_older_than_recorded(manifest, recorded_release(state_path))
        free = shutil.disk_usage(db_path.parent).free
        if free < manifest.size * 1.1:
            raise SyncError(f"Not enough disk space for the {manifest.size}-byte directory.")
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{db_path.name}.", suffix=".sync", dir=db_path.parent
        )
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            _download(urljoin(url, manifest.file), tmp, manifest, timeout, report)
            report("checking", 0, 1)
            _check_download(tmp, manifest)
            report("checking", 1, 1)
            tmp.chmod(0o644)
            os.replace(tmp, db_path)
            _fsync_dir(db_path.parent)
        finally:
            tmp.unlink(missing_ok=True)
        if state_path is not None:
            record_release(state_path, manifest.built_at, manifest.version)
    return SyncResult(
        version=manifest.version,
        built_at=manifest.built_at,
        previous_version=current[1] if current else None,
        size=manifest.size,
        signed=public_key is not None,
    )


__all__ = ["ReleaseNotNewer", "SyncError", "SyncResult", "manifest_url", "sync"]
