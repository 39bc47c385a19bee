"""Settings read systemd credentials ($CREDENTIALS_DIRECTORY/<field>) when the env has none."""

from __future__ import annotations

from pathlib import Path

import pytest

from directory.settings import CommonSettings, load_settings, read_credentials
from sms_gateway.settings import GatewaySettings


@pytest.fixture
def creds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "credentials"
    folder.mkdir()
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(folder))
    monkeypatch.setenv("WAYPOST_CONFIG", str(tmp_path / "absent.toml"))
    for name in ("WAYPOST_HASH_KEY", "WAYPOST_TWILIO_AUTH_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return folder


def test_credentials_fill_secrets_and_lose_the_trailing_newline(creds: Path) -> None:
    (creds / "hash_key").write_text("k" * 40 + "\n")
    (creds / "twilio_auth_token").write_text("0123456789abcdef0123456789abcdef\n")
    settings = load_settings(GatewaySettings)
    assert settings.hash_key is not None
    assert settings.hash_key.get_secret_value() == "k" * 40
    assert settings.auth_token() == "0123456789abcdef0123456789abcdef"


def test_environment_wins_over_credentials_and_credentials_over_the_file(
    creds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "waypost.toml"
    config.write_text('hash_key = "from-the-file-000000000000000"\nsms_number = "+447700900123"\n')
    config.chmod(0o600)  # a config holding a secret must not be readable by others
    (creds / "hash_key").write_text("from-the-credential-0000000000")
    assert load_settings(CommonSettings, config).hash_key.get_secret_value() == (  # type: ignore[union-attr]
        "from-the-credential-0000000000"
    )
    monkeypatch.setenv("WAYPOST_HASH_KEY", "from-the-environment-00000000")
    assert load_settings(CommonSettings, config).hash_key.get_secret_value() == (  # type: ignore[union-attr]
        "from-the-environment-00000000"
    )
    assert load_settings(CommonSettings, config).sms_number == "+447700900123"


def test_placeholder_credential_is_refused(creds: Path) -> None:
    (creds / "hash_key").write_text("k" * 40)
    (creds / "twilio_auth_token").write_text("changeme\n")
    with pytest.raises(ValueError, match="placeholder"):
        load_settings(GatewaySettings)


def test_no_credentials_directory_means_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CREDENTIALS_DIRECTORY", raising=False)
    assert read_credentials(CommonSettings) == {}


def test_only_known_fields_are_read(creds: Path) -> None:
    (creds / "unrelated").write_text("x")
    (creds / "hash_key").write_text("k" * 40)
    assert read_credentials(CommonSettings) == {"hash_key": "k" * 40}
