"""Directory releases: a published copy of the content database, its manifest and signature.

A release is a plain folder that any web server, or a USB stick, can hold:

    manifest.json          version, built_at, published_at, schema_version, file, size, sha256,
                           and the row count of each main table
    manifest.json.sig      optional: base64 Ed25519 signature of manifest.json's exact bytes
    directory-<version>.db the content database itself

The signature covers the manifest and the manifest pins the database by size and sha256, so one
signature vouches for the whole release. Keys are raw 32-byte Ed25519 keys in base64.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from directory.db.connections import connect_content, distrust_schema
from directory.db.migrations import latest_version, migrate
from directory.errors import DirectoryError

Progress = Callable[[str, int, int], None]

FORMAT = "waypost-release/1"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.sig"
# Tables a usable directory must have; the first group is counted in the manifest.
COUNTED_TABLES = (
    "organization",
    "service",
    "location",
    "phone",
    "schedule",
    "category",
    "keyword",
    "translation",
    "place",
    "prison",
)
REQUIRED_TABLES = ("meta", "service_category", "category_label", *COUNTED_TABLES)
CHUNK = 1 << 16


class ReleaseError(DirectoryError):
    """A release or a database file is not usable; the text says why."""


@dataclass(frozen=True)
class Manifest:
    """What a release holds, pinned by size and sha256."""

    version: str
    built_at: str
    published_at: str
    schema_version: int
    file: str
    size: int
    sha256: str
    rows: dict[str, int] = field(default_factory=dict)
    format: str = FORMAT

    def to_bytes(self) -> bytes:
        """The manifest as stable, human-readable JSON (these exact bytes are signed)."""
        return (json.dumps(asdict(self), indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Parse and check a manifest; raise ReleaseError if anything is missing or odd."""
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ReleaseError(f"The release manifest is not valid JSON ({exc}).") from None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ReleaseError("The release manifest is not a Waypost release manifest.")
        text_fields = ("version", "built_at", "published_at", "file", "sha256")
        int_fields = ("schema_version", "size")
        for name in text_fields:
            if not isinstance(raw.get(name), str) or not raw[name]:
                raise ReleaseError(f"The release manifest has no valid {name!r}.")
        for name in int_fields:
            value = raw.get(name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ReleaseError(f"The release manifest has no valid {name!r}.")
        rows = raw.get("rows", {})
        if not isinstance(rows, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in rows.items()
        ):
            raise ReleaseError("The release manifest's row counts are not valid.")
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.db", raw["file"]):
            # The name is joined onto the release URL: never let it climb out of the folder.
            raise ReleaseError("The release manifest names an unsafe database file.")
        if not re.fullmatch(r"[0-9a-f]{64}", raw["sha256"]):
            raise ReleaseError("The release manifest's sha256 is not a hex digest.")
        return cls(**{k: raw[k] for k in (*text_fields, *int_fields)}, rows=rows)


@dataclass(frozen=True)
class DatabaseFacts:
    """What a checked content database file says about itself."""

    version: str
    built_at: str
    schema_version: int
    rows: dict[str, int]


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(Path(path).resolve()))}?mode={mode}"


def _b64_key(text: str, length: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != length:
        raise ReleaseError(f"The {what} is not a base64 Ed25519 key ({length} bytes).")
    return raw


def load_private_key(text: str) -> Ed25519PrivateKey:
    """The signing key from its base64 text."""
    return Ed25519PrivateKey.from_private_bytes(_b64_key(text, 32, "release signing key"))


def load_public_key(text: str) -> Ed25519PublicKey:
    """The verifying key from its base64 text."""
    return Ed25519PublicKey.from_public_bytes(_b64_key(text, 32, "release public key"))


def generate_signing_key() -> tuple[str, str]:
    """A new (private, public) key pair, each as base64 text."""
    private = Ed25519PrivateKey.generate()
    return (
        base64.b64encode(private.private_bytes_raw()).decode("ascii"),
        base64.b64encode(private.public_key().public_bytes_raw()).decode("ascii"),
    )


def public_key_for(private_text: str) -> str:
    """The base64 public key that matches a base64 signing key."""
    public = load_private_key(private_text).public_key()
    return base64.b64encode(public.public_bytes_raw()).decode("ascii")


def sign_manifest(manifest_bytes: bytes, private_text: str) -> bytes:
    """A detached signature (base64 text, one line) of the manifest's exact bytes."""
    signature = load_private_key(private_text).sign(manifest_bytes)
    return base64.b64encode(signature) + b"\n"


def verify_manifest(manifest_bytes: bytes, signature: bytes, public_text: str) -> None:
    """Raise ReleaseError unless the signature is the key's signature of these bytes."""
    key = load_public_key(public_text)
    try:
        raw = base64.b64decode(signature.strip(), validate=True)
        key.verify(raw, manifest_bytes)
    except (binascii.Error, ValueError, InvalidSignature):
        raise ReleaseError(
            "The release's signature does not match this site's release key;"
            " it was not made by the expected publisher, or it was altered."
        ) from None


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


SchemaObject = tuple[str, str, str]


@functools.cache
def expected_schema() -> frozenset[SchemaObject]:
    """(type, name, sql) of every object the content migrations create, and nothing else."""
    conn = sqlite3.connect(":memory:")
    try:
        migrate(conn, "content")
        return _schema(conn)
    finally:
        conn.close()


def _schema(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    # sqlite_stat1 and friends are SQLite's own (ANALYZE); everything else must be ours.
    rows = conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%'"
        " ESCAPE '\\'"
    )
    return frozenset((str(t), str(n), " ".join(str(q).split())) for t, n, q in rows)


def _check_schema(conn: sqlite3.Connection, shown: str) -> None:
    """Refuse a file whose tables, indexes, views or triggers differ from the migrations'."""
    found, expected = _schema(conn), expected_schema()
    if found == expected:
        return
    ours = {(t, n): q for t, n, q in expected}
    theirs = {(t, n): q for t, n, q in found}
    parts = [
        *(f"unexpected {t} {n}" for t, n in sorted(theirs.keys() - ours.keys())),
        *(f"missing {t} {n}" for t, n in sorted(ours.keys() - theirs.keys())),
        *(
            f"changed {t} {n}"
            for t, n in sorted(ours.keys() & theirs.keys())
            if ours[t, n] != theirs[t, n]
        ),
    ]
    raise ReleaseError(
        f"{shown} does not have this Waypost's directory schema ({', '.join(parts[:5])})."
    )


def check_database(path: Path) -> DatabaseFacts:
    """Open a content file read-only and check schema, tables, integrity and meta."""
    shown = Path(path).name
    try:
        conn = connect_content(Path(path))
    except sqlite3.Error as exc:
        raise ReleaseError(f"{shown} cannot be opened as a database ({exc}).") from None
    try:
        schema = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if schema != latest_version("content"):
            raise ReleaseError(
                f"{shown} has directory schema {schema}; this Waypost needs schema"
                f" {latest_version('content')}."
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise ReleaseError(f"{shown} is not a complete directory (no {', '.join(missing)}).")
        _check_schema(conn, shown)
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise ReleaseError(f"{shown} is damaged: {problems[0]}")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        if not meta.get("version") or not meta.get("built_at"):
            raise ReleaseError(f"{shown} has no version; it is not a finished directory build.")
        rows = {
            t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in COUNTED_TABLES
        }
    except sqlite3.DatabaseError as exc:
        raise ReleaseError(f"{shown} is not a readable Waypost directory ({exc}).") from None
    finally:
        conn.close()
    return DatabaseFacts(meta["version"], meta["built_at"], schema, rows)


def release_file_name(version: str) -> str:
    """The database's file name inside a release folder."""
    return "directory-" + re.sub(r"[^A-Za-z0-9._-]", "_", version) + ".db"


def _noop(step: str, done: int, total: int) -> None:
    return None


def _snapshot(source: Path, target: Path, progress: Progress) -> None:
    # The backup API copies a consistent snapshot even if a build swaps the file meanwhile.
    src = connect_content(source)
    dst = distrust_schema(sqlite3.connect(str(target)))
    try:

        def step(status: int, remaining: int, total: int) -> None:
            progress("copying", total - remaining, total)

        src.backup(dst, pages=1024, progress=step)
        dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        raise ReleaseError(f"Could not copy {source.name} ({exc}).") from None
    finally:
        dst.close()
        src.close()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.chmod(0o644)
    os.replace(tmp, path)


def publish(
    db_path: Path,
    out_dir: Path,
    signing_key: str | None = None,
    progress: Progress | None = None,
) -> Manifest:
    """Write a release of the content database into out_dir; sign it when a key is given."""
    report = progress or _noop
    db_path, out_dir = Path(db_path), Path(out_dir)
    if not db_path.is_file():
        raise ReleaseError(f"There is no directory database at {str(db_path)!r} to publish.")
    if signing_key is not None:
        load_private_key(signing_key)  # a bad key fails before any file is written
    check_database(db_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = _previous_file(out_dir)
    staging = out_dir / ".publishing.db.tmp"
    staging.unlink(missing_ok=True)
    try:
        _snapshot(db_path, staging, report)
        report("checking", 0, 1)
        facts = check_database(staging)
        report("checking", 1, 1)
        name = release_file_name(facts.version)
        manifest = Manifest(
            version=facts.version,
            built_at=facts.built_at,
            published_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            schema_version=facts.schema_version,
            file=name,
            size=staging.stat().st_size,
            sha256=file_sha256(staging),
            rows=facts.rows,
        )
        staging.chmod(0o644)
        os.replace(staging, out_dir / name)
    finally:
        staging.unlink(missing_ok=True)
    body = manifest.to_bytes()
    signature_path = out_dir / SIGNATURE_NAME
    if signing_key is not None:
        _write_atomic(signature_path, sign_manifest(body, signing_key))
    else:
        signature_path.unlink(missing_ok=True)  # a stale signature would fail every sync
    _write_atomic(out_dir / MANIFEST_NAME, body)
    # Keep the previous database a while: a site mid-download still finds the file it asked for.
    for old in out_dir.glob("directory-*.db"):
        if old.name not in (name, previous):
            old.unlink()
    return manifest


def _previous_file(out_dir: Path) -> str | None:
    try:
        return Manifest.from_bytes((out_dir / MANIFEST_NAME).read_bytes()).file
    except (OSError, ReleaseError):
        return None


__all__ = [
    "DatabaseFacts",
    "Manifest",
    "ReleaseError",
    "check_database",
    "generate_signing_key",
    "publish",
    "sign_manifest",
    "verify_manifest",
]
