"""`waypost release-key`, `publish` and `sync` end to end through the command line."""

from __future__ import annotations

import re
import shutil
import stat
import tempfile
from pathlib import Path

from click.testing import CliRunner

from directory import open_content
from directory.releases.publish import load_private_key, load_public_key
from waypost.cli import cli


def _keys() -> tuple[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "release_signing_key"
        result = CliRunner().invoke(cli, ["release-key", "--out", str(out)])
        assert result.exit_code == 0, result.output
        private = out.read_text().strip()
    public = re.search(r'release_public_key = "([^"]+)"', result.output)
    assert public
    return private, public.group(1)


def test_release_key_writes_the_private_key_to_a_private_file(tmp_path: Path) -> None:
    out = tmp_path / "signing.key"
    result = CliRunner().invoke(cli, ["release-key", "--out", str(out)])
    assert result.exit_code == 0, result.output
    private = out.read_text().strip()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert private and private not in result.output  # never on the terminal
    assert "release_signing_key" not in result.output
    load_private_key(private)
    public = re.search(r'release_public_key = "([^"]+)"', result.output)
    assert public
    load_public_key(public.group(1))
    # An existing key is never overwritten.
    again = CliRunner().invoke(cli, ["release-key", "--out", str(out)])
    assert again.exit_code == 2 and "already exists" in again.output
    assert out.read_text().strip() == private


def test_publish_then_sync_signed_through_the_cli(built_db: Path, tmp_path: Path) -> None:
    private, public = _keys()
    publisher = tmp_path / "publisher.toml"
    publisher.write_text(f'[release]\nrelease_signing_key = "{private}"\n')
    publisher.chmod(0o600)  # a config holding a secret must not be readable by others
    site_config = tmp_path / "site.toml"
    site_config.write_text(
        f'state_db = "{tmp_path / "site" / "state.db"}"\n'
        f'[release]\nrelease_public_key = "{public}"\nsync_url = "{tmp_path / "out"}"\n'
    )
    runner = CliRunner()
    out = runner.invoke(
        cli, ["--config", str(publisher), "publish", str(tmp_path / "out"), "--db", str(built_db)]
    )
    assert out.exit_code == 0, out.output
    assert "(signed," in out.output
    assert (tmp_path / "out" / "manifest.json.sig").is_file()

    site = tmp_path / "site" / "directory.db"
    first = runner.invoke(cli, ["--config", str(site_config), "sync", "--db", str(site)])
    assert first.exit_code == 0, first.output
    assert "signature and checksum verified" in first.output
    assert open_content(site).version == open_content(built_db).version

    again = runner.invoke(cli, ["--config", str(site_config), "sync", "--db", str(site)])
    assert again.exit_code == 0, again.output
    assert "already has directory version" in again.output


def test_sync_refuses_an_unsigned_release_with_one_clear_line(
    built_db: Path, tmp_path: Path
) -> None:
    _, public = _keys()
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["publish", str(tmp_path / "out"), "--db", str(built_db)]).exit_code == 0
    )
    site = tmp_path / "directory.db"
    shutil.copyfile(built_db, site)
    before = site.read_bytes()
    result = runner.invoke(
        cli,
        ["sync", str(tmp_path / "out"), "--db", str(site)],
        env={"WAYPOST_RELEASE_PUBLIC_KEY": public},
    )
    assert result.exit_code == 2
    assert "not signed" in result.output
    assert "Traceback" not in result.output
    assert site.read_bytes() == before


def test_a_bad_key_in_the_settings_is_a_usage_error(built_db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["sync", str(tmp_path), "--db", str(built_db)],
        env={"WAYPOST_RELEASE_PUBLIC_KEY": "not-a-key"},
    )
    assert result.exit_code == 2
    assert "release public key" in result.output


def test_sync_without_a_url_explains_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["sync", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 2
    assert "sync_url" in result.output


def test_sync_without_a_public_key_refuses_and_allow_unsigned_says_so_loudly(
    built_db: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["publish", str(tmp_path / "out"), "--db", str(built_db)]).exit_code == 0
    )
    site = tmp_path / "site" / "directory.db"
    state = tmp_path / "site" / "state.db"
    base = ["sync", str(tmp_path / "out"), "--db", str(site), "--state-db", str(state)]
    refused = runner.invoke(cli, base)
    assert refused.exit_code == 2
    assert "release_public_key" in refused.output and "Traceback" not in refused.output
    assert not site.exists()
    allowed = runner.invoke(cli, [*base, "--allow-unsigned"])
    assert allowed.exit_code == 0, allowed.output
    assert "WARNING: --allow-unsigned" in allowed.stderr
    assert "NOT the signature" in allowed.stdout
    assert open_content(site).version == open_content(built_db).version


def test_sync_over_plain_http_is_one_clear_line(built_db: Path, tmp_path: Path) -> None:
    _, public = _keys()
    result = CliRunner().invoke(
        cli,
        ["sync", "http://directory.example.org/release/", "--db", str(tmp_path / "d.db")],
        env={"WAYPOST_RELEASE_PUBLIC_KEY": public, "WAYPOST_STATE_DB": str(tmp_path / "s.db")},
    )
    assert result.exit_code == 2
    assert "https" in result.output and "Traceback" not in result.output
