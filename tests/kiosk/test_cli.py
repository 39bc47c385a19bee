"""`waypost kiosk`: its help, the staff PIN hash, and a centre's own settings from the config."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kiosk.settings import check_pin
from waypost.cli import cli


def test_help_explains_the_kiosk_to_a_volunteer() -> None:
    result = CliRunner().invoke(cli, ["kiosk", "--help"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    for words in ("visitor centre", "--centre", "hash-pin", "--check", "WAYPOST_CENTRE_NAME"):
        assert words in text, words
    result = CliRunner().invoke(cli, ["kiosk", "hash-pin", "--help"])
    assert result.exit_code == 0 and "admin_pin_hash" in result.output


def test_hash_pin_prints_a_hash_that_verifies() -> None:
    result = CliRunner().invoke(cli, ["kiosk", "hash-pin"], input="5791\n5791\n")
    assert result.exit_code == 0, result.output
    stored = result.output.strip().splitlines()[-1]
    assert stored.startswith("pbkdf2_sha256$")
    assert "5791" not in stored
    assert check_pin("5791", stored)
    assert not check_pin("5792", stored)


@pytest.mark.parametrize("pin", ["12", "abcd"])
def test_hash_pin_refuses_a_short_or_non_digit_pin(pin: str) -> None:
    result = CliRunner().invoke(cli, ["kiosk", "hash-pin", "--pin", pin])
    assert result.exit_code == 2
    assert "at least 4 digits" in result.output


CONFIG = """
db = "{db}"
state_db = "{state}"
hash_key = "cli-tests-hash-key-0123456789abcdef"

[kiosk]
centre_name = "Default Centre"
centre_prison = "LWI"
default_language = "en"

[centres.cardiff]
centre_name = "Cardiff Visitor Centre"
centre_prison = "CFI"
location = "Cardiff"
default_language = "cy"
printer = "CardiffCards"
idle_seconds = 60
"""


@pytest.fixture
def config(tmp_path: Path, built_db: Path) -> Path:
    path = tmp_path / "waypost.toml"
    path.write_text(CONFIG.format(db=built_db, state=tmp_path / "state.db"), encoding="utf-8")
    path.chmod(0o600)  # it holds a hash key: never readable by other users
    return path


def _check(config: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--config", str(config), "kiosk", *args, "--check"])
    assert result.exit_code == 0, result.output
    return result.output


def test_centre_picks_its_own_table_from_the_config(config: Path) -> None:
    plain = _check(config)
    assert "Default Centre" in plain and "[kiosk]" in plain and "Cardiff" not in plain
    cardiff = _check(config, "--centre", "cardiff")
    assert "Cardiff Visitor Centre" in cardiff
    assert "[centres.cardiff]" in cardiff
    for line in ("Prison:       CFI", "Language:     cy", "Printer:      CardiffCards"):
        assert line in cardiff, line
    assert "60 s" in cardiff and "Near:         Cardiff" in cardiff
    # Never the secrets themselves.
    assert "cli-tests-hash-key" not in cardiff
    # A hash key alone does not turn texting on: only `texting = true` does (issue 11).
    assert "Texting:      off (texting = true turns it on)" in cardiff


def test_environment_beats_the_centre_table(config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYPOST_DEFAULT_LANGUAGE", "pl")
    assert "Language:     pl" in _check(config, "--centre", "cardiff")


def test_unknown_centre_is_one_clear_line(config: Path) -> None:
    result = CliRunner().invoke(cli, ["--config", str(config), "kiosk", "--centre", "nowhere"])
    assert result.exit_code == 2
    assert "no [centres.nowhere] table" in result.output
    assert "Traceback" not in result.output
