"""`waypost install`: the dry run lists exactly what is written; a second run changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from waypost.cli import cli
from waypost.install_plan import UNITS

from .conftest import PUBLIC_URL, RELEASE_PUBLIC_KEY, install, prepare_root

REPO = Path(__file__).resolve().parents[2]


def _snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Every regular file and symlink the installer made (outside the prepared test tree)."""
    found: dict[str, tuple[str, int]] = {}
    for top in ("etc", "var"):
        for dirpath, _dirs, files in os.walk(root / top):
            for name in files:
                path = Path(dirpath) / name
                rel = "/" + str(path.relative_to(root))
                if path.is_symlink():
                    found[rel] = ("-> " + str(path.readlink()), 0)
                else:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    found[rel] = (digest, stat.S_IMODE(path.stat().st_mode))
    return found


def _dry_run(root: Path, role: str, *extra: str, built_db: Path) -> list[str]:
    args = ["install", "--role", role, "--root", str(root), "--no-venv", "--seed-db", str(built_db)]
    if role == "gateway":
        args += ["--public-url", PUBLIC_URL]
    result = CliRunner().invoke(cli, [*args, "--dry-run", *extra])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


@pytest.mark.parametrize(
    ("role", "extra"),
    [("gateway", ()), ("kiosk", ()), ("kiosk", ("--variant", "browser", "--send-texts"))],
)
def test_dry_run_lists_every_file_written_and_writes_nothing(
    tmp_path: Path, built_db: Path, role: str, extra: tuple[str, ...]
) -> None:
    prepare_root(tmp_path)
    lines = _dry_run(tmp_path, role, *extra, built_db=built_db)
    assert _snapshot(tmp_path) == {}
    listed = {line.split()[1] for line in lines if line.split()[0] in ("write", "build", "copy")}
    for unit in UNITS[role]:
        assert f"/etc/systemd/system/{unit}" in listed
    install(tmp_path, role, *extra, built_db=built_db)
    written = {path for path, (what, _) in _snapshot(tmp_path).items() if not what.startswith("->")}
    assert written == listed
    # Each unit on disk is its template with only the install paths filled in.
    for unit in UNITS[role]:
        template = (REPO / "systemd" / unit).read_text()
        credentials = (
            "LoadCredential=hash_key:/etc/waypost/credentials/hash_key"
            if "--send-texts" in extra
            else "# No credentials: texting is off (`waypost install --send-texts` turns it on)."
        )
        expected = (
            template.replace("@VENV@", "/opt/waypost/venv")
            .replace("@CONFIG@", "/etc/waypost/waypost.toml")
            .replace("@KIOSK_CREDENTIALS@", credentials)
        )
        assert (tmp_path / f"etc/systemd/system/{unit}").read_text() == expected


@pytest.mark.parametrize("role", ["gateway", "kiosk"])
def test_installing_twice_changes_nothing(tmp_path: Path, built_db: Path, role: str) -> None:
    prepare_root(tmp_path)
    install(tmp_path, role, built_db=built_db)
    first = _snapshot(tmp_path)
    again = install(tmp_path, role, built_db=built_db)
    assert _snapshot(tmp_path) == first
    assert "wrote" not in again
    assert "kept      /etc/waypost/waypost.toml" in again
    # The second dry run says the operator's files stay as they are.
    lines = _dry_run(tmp_path, role, built_db=built_db)
    assert "keep   /etc/waypost/credentials/hash_key (already there; not overwritten)" in lines


def test_operator_edits_and_secrets_survive_a_reinstall(tmp_path: Path, built_db: Path) -> None:
    prepare_root(tmp_path)
    install(tmp_path, "gateway", built_db=built_db)
    config = tmp_path / "etc/waypost/waypost.toml"
    config.write_text(
        config.read_text().replace('default_language = "en"', 'default_language = "es"')
    )
    token = tmp_path / "etc/waypost/credentials/twilio_auth_token"
    token.write_text("a-real-token-from-the-console\n")
    key = (tmp_path / "etc/waypost/credentials/hash_key").read_text()
    install(tmp_path, "gateway", built_db=built_db)
    assert 'default_language = "es"' in config.read_text()
    assert token.read_text() == "a-real-token-from-the-console\n"
    assert (tmp_path / "etc/waypost/credentials/hash_key").read_text() == key


def test_gateway_files_secrets_and_proxy_match_the_public_url(gateway_root: Path) -> None:
    creds = gateway_root / "etc/waypost/credentials"
    assert stat.S_IMODE(creds.stat().st_mode) == 0o700
    for name in ("hash_key", "twilio_auth_token"):
        assert stat.S_IMODE((creds / name).stat().st_mode) == 0o600
    assert len((creds / "hash_key").read_text()) >= 48
    config = tomllib.loads((gateway_root / "etc/waypost/waypost.toml").read_text())
    public_url = config["sms"]["public_url"]
    assert public_url == PUBLIC_URL
    assert config["release"]["sync_url"] == "https://directory.example.org/release/"
    assert config["release"]["release_public_key"] == RELEASE_PUBLIC_KEY
    caddy = (gateway_root / "etc/waypost/caddy/waypost.caddy").read_text()
    assert "\nsms.example.org {\n" in caddy
    assert "handle /sms {\n\t\treverse_proxy 127.0.0.1:8080" in caddy
    nginx = (gateway_root / "etc/waypost/nginx/waypost.conf").read_text()
    assert "server_name sms.example.org;" in nginx
    assert "location = /sms {\n        proxy_pass http://127.0.0.1:8080;" in nginx
    # The proxy forwards to the port the unit listens on.
    unit = (gateway_root / "etc/systemd/system/waypost-sms.service").read_text()
    assert "--host 127.0.0.1 --port 8080\n" in unit
    wants = gateway_root / "etc/systemd/system/timers.target.wants"
    assert {p.name for p in wants.iterdir()} == {
        "waypost-sms-health.timer",
        "waypost-backup.timer",
        "waypost-stale.timer",
        "waypost-sync.timer",
    }
    db = gateway_root / "var/lib/private/waypost/content/directory.db"
    assert db.is_file()
    assert stat.S_IMODE((gateway_root / "var/lib/private").stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "gateway"], "--public-url"),
        (["--role", "gateway", "--public-url", "http://sms.example.org"], "https://"),
        (["--role", "gateway", "--public-url", "https://example.org/waypost"], "no path"),
        (["--role", "server"], "server"),
        (["--role", "kiosk", "--sync-url", "https://d.example.org/r/"], "--release-public-key"),
        (
            [
                "--role",
                "kiosk",
                "--sync-url",
                "http://d.example.org/r/",
                "--release-public-key",
                RELEASE_PUBLIC_KEY,
            ],
            "https",
        ),
        (
            [
                "--role",
                "kiosk",
                "--sync-url",
                "https://d.example.org/r/",
                "--release-public-key",
                "not-a-key",
            ],
            "Ed25519",
        ),
    ],
)
def test_bad_options_are_one_clear_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["install", "--root", str(tmp_path), "--dry-run", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not any(tmp_path.iterdir())


def test_a_kept_config_that_syncs_without_a_release_key_stops_the_installer(
    tmp_path: Path, built_db: Path
) -> None:
    prepare_root(tmp_path)
    url = "https://directory.example.org/release/"
    install(
        tmp_path,
        "kiosk",
        "--sync-url",
        url,
        "--release-public-key",
        RELEASE_PUBLIC_KEY,
        built_db=built_db,
    )
    config = tmp_path / "etc/waypost/waypost.toml"
    edited = config.read_text().replace("release_public_key =", "# release_public_key =")
    config.write_text(edited)
    args = ["install", "--role", "kiosk", "--root", str(tmp_path), "--no-venv"]
    result = CliRunner().invoke(cli, [*args, "--seed-db", str(built_db)])
    assert result.exit_code == 2
    assert "release_public_key" in result.output and "/etc/waypost/waypost.toml" in result.output
    assert "Traceback" not in result.output
    assert config.read_text() == edited


def test_live_install_needs_root_and_dry_run_does_not(built_db: Path) -> None:
    lines = _dry_run(Path("/"), "kiosk", built_db=built_db)
    assert any(line.startswith("run    systemctl enable waypost-kiosk.service") for line in lines)
    assert any(line.startswith("run    systemctl daemon-reload") for line in lines)


def test_kiosk_secrets_texting_and_browser_policy_follow_the_options(
    tmp_path: Path, built_db: Path
) -> None:
    """Without --send-texts: no "Text me this" and no secret in the kiosk process; the browser
    variant ships Chromium's managed policy locking it to the local kiosk page."""
    plain = tmp_path / "plain"
    prepare_root(plain)
    install(plain, "kiosk", "--variant", "browser", built_db=built_db)
    config = tomllib.loads((plain / "etc/waypost/waypost.toml").read_text())
    assert "texting" not in config["kiosk"]
    for unit in ("waypost-kiosk.service", "waypost-kiosk-web.service"):
        text = (plain / "etc/systemd/system" / unit).read_text()
        assert "LoadCredential" not in text, unit
    policy_path = plain / "etc/chromium/policies/managed/waypost-kiosk.json"
    assert stat.S_IMODE(policy_path.stat().st_mode) == 0o644
    policy = json.loads(policy_path.read_text())
    assert policy["URLBlocklist"] == ["*"]  # file://, chrome://, every other site
    browser = (plain / "etc/systemd/system/waypost-kiosk-browser.service").read_text()
    page = re.search(
        r"(http://127\.0\.0\.1:\d+)/\s*$", browser.split("ExecStart=")[1].splitlines()[0]
    )
    assert page and page.group(1) in policy["URLAllowlist"]
    assert all("127.0.0.1:8000" in url for url in policy["URLAllowlist"])
    assert policy["DeveloperToolsAvailability"] == 2  # DevTools never
    assert policy["DownloadRestrictions"] == 3  # no downloads
    assert policy["AllowFileSelectionDialogs"] is False

    texting = tmp_path / "texting"
    prepare_root(texting)
    install(texting, "kiosk", "--send-texts", built_db=built_db)
    config = tomllib.loads((texting / "etc/waypost/waypost.toml").read_text())
    assert config["kiosk"]["texting"] is True
    unit = (texting / "etc/systemd/system/waypost-kiosk.service").read_text()
    loaded = [line for line in unit.splitlines() if line.startswith("LoadCredential=")]
    assert loaded == ["LoadCredential=hash_key:/etc/waypost/credentials/hash_key"]
    assert not (texting / "etc/chromium").exists()  # the terminal variant has no browser
