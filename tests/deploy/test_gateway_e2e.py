"""The gateway run exactly as its installed unit runs it, on loopback, answering a signed webhook.

The command line is the unit's ExecStart (only the port changes, to a free one), the
environment is the unit's Environment= lines, and the secrets arrive the way LoadCredential=
delivers them: files in $CREDENTIALS_DIRECTORY copied from /etc/waypost/credentials/.
Absolute paths resolve inside the installed tree, as if it were /.
"""

from __future__ import annotations

import re
import shlex
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from twilio.request_validator import RequestValidator

from .conftest import PUBLIC_URL

TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"


def _settings(unit: str, key: str) -> list[str]:
    return re.findall(rf"^{key}=(.*)$", unit, flags=re.M)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _in_root(root: Path, value: str) -> str:
    return str(root / value.lstrip("/")) if value.startswith("/") else value


class Launch:
    """The unit's ExecStart/ExecStartPost and environment, mapped into the installed tree."""

    def __init__(self, root: Path, credentials: Path, port: int) -> None:
        unit = (root / "etc/systemd/system/waypost-sms.service").read_text()
        (start,) = _settings(unit, "ExecStart")
        (post,) = _settings(unit, "ExecStartPost")
        self.argv = [_in_root(root, arg) for arg in shlex.split(start)]
        assert self.argv[-2:] == ["--port", "8080"]
        self.argv[-1] = str(port)
        self.health = [_in_root(root, arg) for arg in shlex.split(post.replace("8080", str(port)))]
        # systemd starts services with a clean environment: PATH, LANG, then Environment=.
        self.env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8"}
        for line in _settings(unit, "Environment"):
            name, value = line.split("=", 1)
            self.env[name] = _in_root(root, value)
        credentials.mkdir(exist_ok=True)
        for line in _settings(unit, "LoadCredential"):
            name, source = line.split(":", 1)
            shutil.copyfile(_in_root(root, source), credentials / name)
        self.env["CREDENTIALS_DIRECTORY"] = str(credentials)


@pytest.fixture
def gateway_tree(gateway_root: Path, tmp_path: Path) -> Iterator[Path]:
    """The installed gateway with its StateDirectory link, as systemd makes it at start."""
    link = gateway_root / "var/lib/waypost"
    link.symlink_to("private/waypost")
    state = gateway_root / "var/lib/private/waypost"
    yield gateway_root
    link.unlink()
    for leftover in state.glob("state.db*"):
        leftover.unlink()


def test_installed_placeholder_token_stops_the_gateway(gateway_tree: Path, tmp_path: Path) -> None:
    launch = Launch(gateway_tree, tmp_path / "credentials", _free_port())
    result = subprocess.run(
        launch.argv, env=launch.env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode != 0
    assert "placeholder" in result.stderr
    assert "Traceback" not in result.stderr


def test_gateway_runs_as_its_unit_says_and_answers_a_signed_webhook(
    gateway_tree: Path, tmp_path: Path
) -> None:
    token_file = gateway_tree / "etc/waypost/credentials/twilio_auth_token"
    placeholder = token_file.read_text()
    token_file.write_text(TOKEN + "\n")  # as docs/deploy.md tells the operator to
    try:
        port = _free_port()
        launch = Launch(gateway_tree, tmp_path / "credentials", port)
    finally:
        token_file.write_text(placeholder)
    log = (tmp_path / "gateway.log").open("w")
    process = subprocess.Popen(launch.argv, env=launch.env, stdout=log, stderr=subprocess.STDOUT)
    try:
        # The unit's own ExecStartPost health check decides when it is up.
        ready = subprocess.run(
            launch.health, env=launch.env, capture_output=True, text=True, timeout=60, check=False
        )
        assert ready.returncode == 0, ready.stderr + (tmp_path / "gateway.log").read_text()
        params = {
            "MessageSid": "SM" + "e2e0" * 8,
            "AccountSid": "AC" + "0" * 32,
            "From": "+447700900123",
            "To": "+447700900999",
            "Body": "HOUSING BN7",
            "NumMedia": "0",
            "FromCountry": "GB",
        }
        signature = RequestValidator(TOKEN).compute_signature(f"{PUBLIC_URL}/sms", params)
        url = f"http://127.0.0.1:{port}/sms"
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        reply = httpx.post(
            url,
            content=urlencode(params),
            headers={**headers, "X-Twilio-Signature": signature},
            timeout=10,
        )
        assert reply.status_code == 200
        assert reply.headers["content-type"].startswith("application/xml")
        assert "<Response><Message>" in reply.text
        forged = httpx.post(
            url,
            content=urlencode({**params, "MessageSid": "SM" + "f" * 32}),
            headers={**headers, "X-Twilio-Signature": "AAAA"},
            timeout=10,
        )
        assert forged.status_code == 403
        # The state db went where the unit's StateDirectory puts it, with no number in clear.
        state = gateway_tree / "var/lib/private/waypost/state.db"
        assert state.is_file()
        assert b"447700900123" not in state.read_bytes()
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()
    # The health check fails once the gateway is gone (what triggers waypost-sms-restart).
    down = subprocess.run(
        [*launch.health[:-2]],
        env=launch.env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert down.returncode == 1
    assert "not healthy" in down.stderr
