"""Only signed releases, over https, never older than what the site had, with a checked schema."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from directory import open_content
from directory.releases.publish import ReleaseError, check_database, publish
from directory.releases.sync import ReleaseNotNewer, SyncError, sync
from directory.releases.trust import recorded_release
from tests.directory.test_release_sync import (
    NEW,
    OLD,
    OLDER,
    Served,
    _directory,
    _release,
    _replace_db,
    _serve,
    keys,
    server,
    site,
)

__all__ = ["keys", "server", "site"]  # fixtures shared with the sync tests


def test_sync_without_a_public_key_is_refused_unless_unsigned_is_allowed_explicitly(
    built_db: Path, tmp_path: Path, site: Path, server: tuple[str, Served]
) -> None:
    url, served = server
    _serve(served, _release(built_db, tmp_path, NEW, None))
    before = site.read_bytes()
    with pytest.raises(SyncError, match="release_public_key"):
        sync(url, site)
    assert site.read_bytes() == before
    assert served.requests == []  # refused before anything was fetched
    assert sync(url, site, allow_unsigned=True).signed is False


def test_a_key_wins_over_allow_unsigned(
    built_db: Path, tmp_path: Path, site: Path, server: tuple[str, Served], keys: tuple[str, str]
) -> None:
    url, served = server
    _serve(served, _release(built_db, tmp_path, NEW, None))
    with pytest.raises(SyncError, match="not signed"):
        sync(url, site, public_key=keys[1], allow_unsigned=True)


@pytest.mark.parametrize(
    "url",
    [
        "http://directory.example.org/release/",
        "http://192.0.2.7/release/manifest.json",
        "ftp://directory.example.org/release/",
    ],
)
def test_only_https_is_fetched_from_another_machine(
    url: str, site: Path, keys: tuple[str, str]
) -> None:
    before = site.read_bytes()
    with pytest.raises(SyncError, match="https"):
        sync(url, site, public_key=keys[1], timeout=2)
    assert site.read_bytes() == before


class _Redirect(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(302)
        self.send_header("Location", "http://directory.example.org/release/manifest.json")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def redirecting() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/release/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_redirect_to_plain_http_is_not_followed(
    redirecting: str, site: Path, keys: tuple[str, str]
) -> None:
    with pytest.raises(SyncError, match="https") as raised:
        sync(redirecting, site, public_key=keys[1], timeout=2)
    assert "redirects" in str(raised.value)


@pytest.mark.parametrize("damage", ["deleted", "garbage"])
def test_with_the_installed_file_gone_an_older_release_is_still_refused(
    damage: str,
    built_db: Path,
    tmp_path: Path,
    site: Path,
    server: tuple[str, Served],
    keys: tuple[str, str],
) -> None:
    url, served = server
    state = tmp_path / "state.db"
    _serve(served, _release(built_db, tmp_path, NEW, keys[0]))
    sync(url, site, public_key=keys[1], state_path=state)
    assert recorded_release(state) == NEW
    if damage == "deleted":
        site.unlink()
    else:
        site.write_bytes(b"\0garbage" * 4096)
    # An old release, validly signed by the same publisher (kept by an attacker since then).
    served.files.clear()
    _serve(served, _release(built_db, tmp_path, OLDER, keys[0]))
    with pytest.raises(ReleaseNotNewer, match="installed before"):
        sync(url, site, public_key=keys[1], state_path=state)
    # A forged one is refused on its signature as before, file or no file.
    served.files.clear()
    _serve(served, _release(built_db, tmp_path, (NEW[0] + "9", NEW[1] + "9"), None))
    with pytest.raises(SyncError, match="not signed"):
        sync(url, site, public_key=keys[1], state_path=state)
    # The release it had is installed again: that repairs the site.
    served.files.clear()
    _serve(served, _release(built_db, tmp_path, NEW, keys[0]))
    assert sync(url, site, public_key=keys[1], state_path=state).version == NEW[1]
    assert open_content(site).version == NEW[1]


def test_a_newer_release_is_recorded_and_an_older_one_than_recorded_refused(
    built_db: Path, tmp_path: Path, site: Path, server: tuple[str, Served], keys: tuple[str, str]
) -> None:
    url, served = server
    state = tmp_path / "state.db"
    assert recorded_release(state) is None
    # A local build put an older file in place after the sync: the recorded version still holds.
    _serve(served, _release(built_db, tmp_path, NEW, keys[0]))
    sync(url, site, public_key=keys[1], state_path=state)
    _directory(built_db, site, OLDER)
    served.files.clear()
    _serve(served, _release(built_db, tmp_path, OLD, keys[0]))
    with pytest.raises(ReleaseNotNewer):
        sync(url, site, public_key=keys[1], state_path=state)
    assert open_content(site).version == OLDER[1]


def _with_extra(built_db: Path, target: Path, sql: str) -> bytes:
    path = _directory(built_db, target, NEW)
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()
    return path.read_bytes()


EXTRAS = {
    "view": "CREATE VIEW leak AS SELECT * FROM pragma_database_list",
    "trigger": "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM service; END",
    "changed table": "ALTER TABLE service ADD COLUMN script TEXT",
}


@pytest.mark.parametrize("extra", ["view", "trigger", "changed table"])
def test_a_downloaded_file_with_another_schema_is_refused_before_the_swap(
    extra: str,
    built_db: Path,
    tmp_path: Path,
    site: Path,
    server: tuple[str, Served],
    keys: tuple[str, str],
) -> None:
    url, served = server
    files = _release(built_db, tmp_path, NEW, keys[0])
    _replace_db(files, keys[0], _with_extra(built_db, tmp_path / "evil.db", EXTRAS[extra]))
    _serve(served, files)
    before = site.read_bytes()
    with pytest.raises(SyncError, match="schema"):
        sync(url, site, public_key=keys[1])
    assert site.read_bytes() == before


def test_a_freshly_built_directory_has_exactly_the_expected_schema(built_db: Path) -> None:
    assert check_database(built_db).version


def test_publish_refuses_a_file_with_a_foreign_view(built_db: Path, tmp_path: Path) -> None:
    _with_extra(built_db, tmp_path / "evil.db", EXTRAS["view"])
    with pytest.raises(ReleaseError, match="unexpected view leak"):
        publish(tmp_path / "evil.db", tmp_path / "out")


def test_a_view_in_a_content_file_cannot_reach_a_virtual_table(
    built_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "directory.db"
    _with_extra(built_db, path, EXTRAS["view"])
    content = open_content(path)
    try:
        assert content.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        with pytest.raises(sqlite3.OperationalError, match="unsafe use"):
            content.execute("SELECT * FROM leak").fetchall()
    finally:
        content.close()
