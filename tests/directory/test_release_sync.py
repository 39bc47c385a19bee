"""Publishing releases and syncing them to a site, with every failure injected over real HTTP."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from directory import open_content
from directory.releases.publish import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Manifest,
    ReleaseError,
    check_database,
    generate_signing_key,
    publish,
    sign_manifest,
)
from directory.releases.sync import ReleaseNotNewer, SyncError, sync

OLD = ("2026-01-10T09:00:00Z", "20260110-old")
NEW = ("2026-03-01T12:00:00Z", "20260301-new")
OLDER = ("2025-12-01T12:00:00Z", "20251201-older")


@dataclass
class Served:
    """What the test server answers: exact bytes per path, and paths whose body it cuts off."""

    files: dict[str, bytes] = field(default_factory=dict)
    cut_after: dict[str, int] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)


class _Handler(BaseHTTPRequestHandler):
    served: Served

    def do_GET(self) -> None:
        path = self.path.split("?")[0].lstrip("/")
        self.served.requests.append(path)
        body = self.served.files.get(path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        cut = self.served.cut_after.get(path)
        self.wfile.write(body if cut is None else body[:cut])
        if cut is not None:
            self.wfile.flush()
            self.close_connection = True  # drop mid-body, as a failing link would

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def server() -> Iterator[tuple[str, Served]]:
    served = Served()
    handler = type("Handler", (_Handler,), {"served": served})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/release/", served
    finally:
        httpd.shutdown()
        httpd.server_close()


def _directory(built_db: Path, target: Path, when: tuple[str, str]) -> Path:
    """A real directory file with a chosen build time and version."""
    shutil.copyfile(built_db, target)
    conn = sqlite3.connect(target)
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'built_at'", (when[0],))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'version'", (when[1],))
    conn.close()
    return target


@pytest.fixture
def keys() -> tuple[str, str]:
    return generate_signing_key()


@pytest.fixture
def site(tmp_path: Path, built_db: Path) -> Path:
    """A site's current directory, at the OLD version."""
    (tmp_path / "site").mkdir()
    return _directory(built_db, tmp_path / "site" / "directory.db", OLD)


def _release(
    built_db: Path, tmp_path: Path, when: tuple[str, str], key: str | None
) -> dict[str, bytes]:
    source = _directory(built_db, tmp_path / f"source-{when[1]}.db", when)
    out = tmp_path / f"out-{when[1]}"
    publish(source, out, signing_key=key)
    return {f"release/{p.name}": p.read_bytes() for p in out.iterdir()}


def _serve(served: Served, files: dict[str, bytes]) -> Manifest:
    served.files.update(files)
    return Manifest.from_bytes(files[f"release/{MANIFEST_NAME}"])


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".directory.db.lock")


def test_publish_writes_manifest_database_and_signature(
    built_db: Path, tmp_path: Path, keys: tuple[str, str]
) -> None:
    manifest = publish(built_db, tmp_path / "out", signing_key=keys[0])
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == sorted([MANIFEST_NAME, SIGNATURE_NAME, manifest.file])
    raw = json.loads((tmp_path / "out" / MANIFEST_NAME).read_bytes())
    db_bytes = (tmp_path / "out" / manifest.file).read_bytes()
    assert raw["sha256"] == hashlib.sha256(db_bytes).hexdigest()
    assert raw["size"] == len(db_bytes)
    facts = check_database(built_db)
    assert raw["version"] == facts.version
    assert raw["rows"] == facts.rows
    assert raw["rows"]["service"] > 50
    assert raw["schema_version"] == facts.schema_version


def test_publish_unsigned_removes_a_stale_signature(
    built_db: Path, tmp_path: Path, keys: tuple[str, str]
) -> None:
    publish(built_db, tmp_path / "out", signing_key=keys[0])
    publish(built_db, tmp_path / "out")
    assert not (tmp_path / "out" / SIGNATURE_NAME).exists()


def test_publish_refuses_a_file_that_is_not_a_directory(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ReleaseError):
        publish(junk, tmp_path / "out")
    assert not (tmp_path / "out" / MANIFEST_NAME).exists()


def test_signed_release_syncs_and_an_open_reader_sees_it_after_refresh(
    built_db: Path, tmp_path: Path, site: Path, server: tuple[str, Served], keys: tuple[str, str]
) -> None:
    url, served = server
    manifest = _serve(served, _release(built_db, tmp_path, NEW, keys[0]))
    reader = open_content(site)
    assert reader.version == OLD[1]
    steps: list[tuple[str, int, int]] = []
    result = sync(url, site, public_key=keys[1], progress=lambda *a: steps.append(a))
    assert (result.version, result.previous_version, result.signed) == (NEW[1], OLD[1], True)
    assert hashlib.sha256(site.read_bytes()).hexdigest() == manifest.sha256
    assert ("downloading", manifest.size, manifest.size) in steps
    assert reader.version == OLD[1]  # still serving the old file until it looks
    assert reader.refresh() is True
    assert reader.version == NEW[1]
    assert reader.execute("SELECT count(*) FROM service").fetchone()[0] == manifest.rows["service"]
    reader.close()
    assert _leftovers(site.parent) == ["directory.db"]


def test_sync_from_a_local_folder(built_db: Path, tmp_path: Path, site: Path) -> None:
    source = _directory(built_db, tmp_path / "usb.db", NEW)
    publish(source, tmp_path / "usb")
    assert sync(str(tmp_path / "usb"), site, allow_unsigned=True).version == NEW[1]
    assert open_content(site).version == NEW[1]


def _tamper_sha(files: dict[str, bytes], key: str) -> None:
    manifest = json.loads(files["release/manifest.json"])
    manifest["sha256"] = "0" * 64
    body = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
    files["release/manifest.json"] = body
    files["release/manifest.json.sig"] = sign_manifest(body, key)


def _replace_db(files: dict[str, bytes], key: str, data: bytes, **changes: object) -> None:
    """Serve other bytes as the database under a correctly signed, matching manifest."""
    raw = json.loads(files["release/manifest.json"])
    files[f"release/{raw['file']}"] = data
    raw.update(size=len(data), sha256=hashlib.sha256(data).hexdigest(), **changes)
    body = (json.dumps(raw, indent=2, sort_keys=True) + "\n").encode()
    files["release/manifest.json"] = body
    files["release/manifest.json.sig"] = sign_manifest(body, key)


def _wrong_schema(tmp_path: Path) -> bytes:
    path = tmp_path / "wrong.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [("version", NEW[1]), ("built_at", NEW[0])])
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    return path.read_bytes()


FAILURES = [
    "dropped mid-body",
    "truncated file",
    "bad checksum",
    "bad signature",
    "signed by another key",
    "unsigned",
    "older version",
    "same version",
    "not a sqlite file",
    "wrong schema",
    "manifest schema too new",
    "no manifest",
    "database missing",
    "server down",
]


@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_leaves_the_old_directory_untouched(
    failure: str,
    built_db: Path,
    tmp_path: Path,
    site: Path,
    server: tuple[str, Served],
    keys: tuple[str, str],
) -> None:
    url, served = server
    private, public = keys
    when = {"older version": OLDER, "same version": OLD}.get(failure, NEW)
    files = _release(built_db, tmp_path, when, None if failure == "unsigned" else private)
    db_name = json.loads(files["release/manifest.json"])["file"]
    db_key = f"release/{db_name}"
    if failure == "dropped mid-body":
        served.cut_after[db_key] = len(files[db_key]) // 2
    elif failure == "truncated file":
        files[db_key] = files[db_key][: len(files[db_key]) // 3]
    elif failure == "bad checksum":
        _tamper_sha(files, private)
    elif failure == "bad signature":
        files["release/manifest.json"] = files["release/manifest.json"].replace(
            b'"version"', b'"version" '
        )
    elif failure == "signed by another key":
        files["release/manifest.json.sig"] = sign_manifest(
            files["release/manifest.json"], generate_signing_key()[0]
        )
    elif failure == "not a sqlite file":
        _replace_db(files, private, b"<html>Sorry, the page moved</html>" * 500)
    elif failure == "wrong schema":
        _replace_db(files, private, _wrong_schema(tmp_path))
    elif failure == "manifest schema too new":
        _replace_db(files, private, files[db_key], schema_version=99)
    elif failure == "no manifest":
        del files["release/manifest.json"]
    elif failure == "database missing":
        del files[db_key]
    if failure != "server down":
        served.files.update(files)
    else:
        url = "http://127.0.0.1:9/release/"  # the discard port: nothing listens there
    before = site.read_bytes()
    reader = open_content(site)
    with pytest.raises(SyncError) as raised:
        sync(url, site, public_key=public, timeout=5)
    assert site.read_bytes() == before
    assert reader.refresh() is False
    assert reader.version == OLD[1]
    assert _leftovers(site.parent) == ["directory.db"]
    assert isinstance(raised.value, ReleaseNotNewer) == (
        failure in ("older version", "same version")
    )
    assert "\n" not in str(raised.value) and "Traceback" not in str(raised.value)
    reader.close()


def test_signature_check_is_skipped_only_when_unsigned_is_allowed_and_no_key_is_set(
    built_db: Path, tmp_path: Path, site: Path, server: tuple[str, Served]
) -> None:
    url, served = server
    _serve(served, _release(built_db, tmp_path, NEW, None))
    result = sync(url, site, allow_unsigned=True)
    assert (result.version, result.signed) == (NEW[1], False)
    assert "release/manifest.json.sig" not in served.requests


def test_a_second_sync_of_the_same_release_is_refused_as_same(
    built_db: Path, tmp_path: Path, site: Path, server: tuple[str, Served], keys: tuple[str, str]
) -> None:
    url, served = server
    _serve(served, _release(built_db, tmp_path, NEW, keys[0]))
    sync(url, site, public_key=keys[1])
    with pytest.raises(ReleaseNotNewer) as raised:
        sync(url, site, public_key=keys[1])
    assert raised.value.same is True
    requested = [p for p in served.requests if p.endswith(".db")]
    assert len(requested) == 1  # the same version is refused before downloading


def test_a_site_without_a_directory_accepts_any_good_release(
    built_db: Path, tmp_path: Path, server: tuple[str, Served], keys: tuple[str, str]
) -> None:
    url, served = server
    _serve(served, _release(built_db, tmp_path, OLDER, keys[0]))
    fresh = tmp_path / "fresh" / "directory.db"
    assert sync(url, fresh, public_key=keys[1]).previous_version is None
    assert open_content(fresh).version == OLDER[1]


@pytest.mark.parametrize("bad", ["", "not base64!", "c2hvcnQ="])
def test_a_malformed_key_is_a_clear_error(bad: str, built_db: Path, tmp_path: Path) -> None:
    with pytest.raises(ReleaseError, match="Ed25519"):
        publish(built_db, tmp_path / "out", signing_key=bad)
    assert not (tmp_path / "out").exists()
