"""Installed trees for the deploy tests: `waypost install --root TMP` for each role."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from waypost.cli import cli

REPO = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent
PUBLIC_URL = "https://sms.example.org"
# A publisher's public key (the private half was thrown away): the gateway syncs releases.
RELEASE_PUBLIC_KEY = "8fnk6xB4DeK3RELE+5mT1/W2ZwyMSS6P7BmmJOfJEL4="
# Programs the kiosk units start. verify checks that each ExecStart exists under --root; the
# host's own copy is copied in when installed (cage and foot are in the Makefile's list): a
# link would point outside the tree, and --root resolves links inside it.
PROGRAMS = ["cage", "foot", "chromium", "systemctl", "rm"]


def prepare_root(root: Path) -> None:
    """A tree systemd-analyze --root can load: the host's unit library and the programs."""
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    for name in PROGRAMS:
        found = shutil.which(name)
        target = root / "usr/bin" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if found:
            shutil.copy2(Path(found).resolve(), target)
        else:
            # Chromium is too big for CI; verify only needs an executable at that path.
            target.write_text("#!/bin/sh\nexit 1\n")
            target.chmod(0o755)
    # The units' /opt/waypost/venv/bin/waypost: this test run's console script, whose #! line
    # runs this virtualenv's Python, so running the copy runs the code under test.
    script = root / "opt/waypost/venv/bin/waypost"
    script.parent.mkdir(parents=True)
    shutil.copy2(VENV / "bin" / "waypost", script)


def install(root: Path, role: str, *extra: str, built_db: Path) -> str:
    """Run the installer into `root`; return its output."""
    args = ["install", "--role", role, "--root", str(root), "--no-venv", "--seed-db", str(built_db)]
    if role == "gateway":
        args += ["--public-url", PUBLIC_URL]
    result = CliRunner().invoke(cli, [*args, *extra])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="session")
def gateway_root(tmp_path_factory: pytest.TempPathFactory, built_db: Path) -> Path:
    """A gateway installed into a temporary root."""
    root = tmp_path_factory.mktemp("gateway-root")
    prepare_root(root)
    install(
        root,
        "gateway",
        "--sync-url",
        "https://directory.example.org/release/",
        "--release-public-key",
        RELEASE_PUBLIC_KEY,
        built_db=built_db,
    )
    return root


@pytest.fixture(scope="session")
def kiosk_root(tmp_path_factory: pytest.TempPathFactory, built_db: Path) -> Path:
    """A kiosk (terminal variant, sending texts) installed into a temporary root."""
    root = tmp_path_factory.mktemp("kiosk-root")
    prepare_root(root)
    install(
        root,
        "kiosk",
        "--centre-name",
        "Lewes Visitor Centre",
        "--centre-prison",
        "LWI",
        "--send-texts",
        built_db=built_db,
    )
    return root
