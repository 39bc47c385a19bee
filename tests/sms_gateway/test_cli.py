"""`waypost sms ...`: try keeps the conversation, serve refuses without secrets, help texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.sms_gateway.conftest import HASH_KEY
from waypost.cli import cli

# No secrets or config from the machine running the tests.
CLEAN = {
    "WAYPOST_TWILIO_AUTH_TOKEN": None,
    "WAYPOST_HASH_KEY": None,
    "WAYPOST_TWILIO_ACCOUNT_SID": None,
    "WAYPOST_SMS_FROM": None,
    "WAYPOST_MESSAGING_SERVICE_SID": None,
    "CREDENTIALS_DIRECTORY": None,
}


def run(args: list[str], tmp_path: Path, **env: str | None) -> Result:
    environment = {**CLEAN, "WAYPOST_CONFIG": str(tmp_path / "absent.toml"), **env}
    return CliRunner().invoke(cli, args, env=environment)


def try_json(text: str, built_db: Path, state: Path, tmp_path: Path, *extra: str) -> dict[str, Any]:
    args = ["sms", "try", text, "--json", "--db", str(built_db), "--state-db", str(state), *extra]
    result = run(args, tmp_path, WAYPOST_HASH_KEY=HASH_KEY)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_try_keeps_the_conversation_between_calls(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    first = try_json("VISITS BN7 1EA", built_db, state_path, tmp_path)
    assert first["reply"].startswith("Visits near") and "\n1. " in first["reply"]
    assert first["encoding"] == "GSM-7" and 1 <= first["segments"] <= 2
    more = try_json("MORE", built_db, state_path, tmp_path)
    assert "\n4. " in more["reply"] and more["reply"] != first["reply"]
    detail = try_json("1", built_db, state_path, tmp_path)
    assert "01273 785271" in detail["reply"]
    # Another phone has its own conversation: MORE means nothing to it yet.
    other = try_json("MORE", built_db, state_path, tmp_path, "--from", "+447700900456")
    assert "\n4. " not in other["reply"] and other["segments"] == 1


def test_try_asks_for_a_place_then_remembers_the_keyword(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    ask = try_json("vivienda", built_db, state_path, tmp_path, "--country", "ES")
    assert ask["segments"] == 1
    page = try_json("BN7", built_db, state_path, tmp_path, "--country", "ES")
    assert "Vivienda" in page["reply"] and "BN7 (Lewes)" in page["reply"]  # in Spanish


def test_try_without_a_hash_key_says_so_on_stderr(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    args = ["sms", "try", "MENU", "--db", str(built_db), "--state-db", str(state_path)]
    result = run(args, tmp_path)
    assert result.exit_code == 0
    assert "development key" in result.stderr and "Topics:" in result.stdout
    assert "segment" in result.stdout  # the encoding and segment line


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({}, "WAYPOST_TWILIO_AUTH_TOKEN and WAYPOST_HASH_KEY"),
        ({"WAYPOST_HASH_KEY": HASH_KEY}, "WAYPOST_TWILIO_AUTH_TOKEN"),
        ({"WAYPOST_TWILIO_AUTH_TOKEN": "0123456789abcdef0123456789abcdef"}, "WAYPOST_HASH_KEY"),
        ({"WAYPOST_TWILIO_AUTH_TOKEN": "changeme", "WAYPOST_HASH_KEY": HASH_KEY}, "placeholder"),
    ],
)
def test_serve_refuses_to_start_without_secrets(
    built_db: Path, state_path: Path, tmp_path: Path, env: dict[str, str], missing: str
) -> None:
    args = ["sms", "serve", "--db", str(built_db), "--state-db", str(state_path)]
    result = run(args, tmp_path, **env)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: Cannot start:") and missing in lines[0]
    assert "--dev" in lines[0] or "placeholder" in lines[0]
    assert not state_path.exists()  # refused before touching anything


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ([], ["HOUSING BN7"]),
        (["serve"], ["WAYPOST_TWILIO_AUTH_TOKEN", "WAYPOST_HASH_KEY", "--dev", "--port"]),
        (["try"], ["MORE", "--json", "--from", "keeps the conversation"]),
        (["send-outbox"], ["--once", "erased", "WAYPOST_SMS_FROM"]),
    ],
)
def test_help_explains_each_command(tmp_path: Path, command: list[str], words: list[str]) -> None:
    result = run(["sms", *command, "--help"], tmp_path)
    assert result.exit_code == 0
    for word in words:
        assert word in result.output, word
