"""Settings shared by every process: paths and the hashing key. Built once, then passed in.

Each front end subclasses `CommonSettings`. Values come from, in order of precedence: explicit
arguments, the environment (`WAYPOST_` + name), the TOML config file, then the defaults here.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, TypeVar

# Before pydantic builds its first model: it would otherwise read every installed package's entry
# points looking for plugins, a noticeable part of the kiosk's start (docs/performance.md).
# Waypost uses no pydantic plugins; to load one, set the variable yourself (an empty value turns
# the search back on).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_CONFIG = Path("/etc/waypost/waypost.toml")
PLACEHOLDERS = {"", "changeme", "change-me", "secret", "placeholder", "xxx", "todo", "test"}
# Settings that are secrets: never read from a config file every user of the machine can read.
SECRET_SETTINGS = ("hash_key", "twilio_auth_token", "release_signing_key")
# config/demo-kiosk.toml's hash key is public (it is in the repository): only a demo may use it.
DEMO_KEY_PREFIX = "DEMO-ONLY"

S = TypeVar("S", bound="CommonSettings")


class CommonSettings(BaseSettings):
    """Paths to the two databases and the data folder, and the key that hashes phone numbers."""

    model_config = SettingsConfigDict(env_prefix="WAYPOST_", extra="ignore")

    db: Path = Path("var/directory.db")
    state_db: Path = Path("var/state.db")
    data_dir: Path = Path("data")
    hash_key: SecretStr | None = None
    # The SMS line's public number (E.164), printed on cards and posters and shown on the kiosk.
    sms_number: str | None = None
    # The visitor centre this machine serves, and its prison's NOMIS code (e.g. LWI).
    centre_name: str = ""
    centre_prison: str = ""
    # The CUPS queue for printing; None means the system default.
    printer: str | None = None
    # A queued text not sent within this many seconds is erased (number and text), not sent:
    # by the outbox sender and by waypost-outbox-expire.timer (`waypost state expire-outbox`).
    outbox_max_age_seconds: int = 3600
    # /healthz and `waypost health --outbox` report texts waiting longer than this (a stuck or
    # missing sender).
    outbox_stale_seconds: int = 600
    # A demonstration (`make kiosk`, `waypost kiosk --demo`): the demo config's public hash key
    # and PIN are accepted, and the kiosk says DEMO. Never set in a config file by the installer.
    demo: bool = False
    # How long build, import, verify and sync wait for another of them to finish changing the
    # directory file before giving up (they never change it at the same time).
    writer_wait_seconds: float = 60.0
    # The phone pages' public address (https://help.example.org). When set, the QR codes on
    # cards, sheets, posters and the kiosk open the service's page there instead of saving a
    # contact or starting a text.
    pages_url: str = ""

    @field_validator("pages_url")
    @classmethod
    def _pages_https(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("pages_url must be an https:// address")
        return value.rstrip("/")

    @field_validator("hash_key")
    @classmethod
    def _no_placeholder_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().strip().lower() in PLACEHOLDERS:
            raise ValueError("hash_key is a placeholder; set a long random secret")
        return value

    @model_validator(mode="after")
    def _demo_key_only_in_a_demo(self) -> CommonSettings:
        key = self.hash_key.get_secret_value() if self.hash_key else ""
        if key.startswith(DEMO_KEY_PREFIX) and not self.demo:
            raise ValueError(
                "hash_key is the public demo key; set your own secret (systemd credential or"
                " WAYPOST_HASH_KEY), or run a demo with --demo"
            )
        return self


class PublicSecrets(ValueError):
    """A config file every user can read holds a secret."""


def _secrets_in(data: dict[str, Any]) -> list[str]:
    found = [name for name in SECRET_SETTINGS if name in data]
    for name, table in data.items():
        if isinstance(table, dict):
            found += [f"{name}.{key}" for key in _secrets_in(table)]
    return found


def read_config(
    path: Path | None, section: str | None = None, *, allow_public_secrets: bool = False
) -> dict[str, Any]:
    """Top-level keys of the TOML config plus those of one section (e.g. [kiosk]); {} if absent.

    A file any user can read (mode o+r) may not hold a secret: it is refused, naming the
    setting, unless `allow_public_secrets` (a demo, whose secrets are public anyway).
    """
    target = path or (
        Path(os.environ["WAYPOST_CONFIG"]) if "WAYPOST_CONFIG" in os.environ else DEFAULT_CONFIG
    )
    if not target.is_file():
        if path is not None:
            raise FileNotFoundError(f"The config file {str(path)!r} does not exist.")
        return {}
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    exposed = _secrets_in(data)
    if exposed and target.stat().st_mode & 0o004 and not allow_public_secrets:
        raise PublicSecrets(
            f"the config file {str(target)!r} can be read by every user of this machine but"
            f" holds {', '.join(exposed)}. Keep secrets in systemd credentials"
            " (/etc/waypost/credentials/NAME) or the environment (WAYPOST_NAME), or make the"
            " file unreadable to others (chmod o-r)."
        )
    values = {k: v for k, v in data.items() if not isinstance(v, dict)}
    if section and isinstance(data.get(section), dict):
        values.update(data[section])
    return values


def read_credentials(cls: type[CommonSettings]) -> dict[str, str]:
    """Settings from systemd credentials: `$CREDENTIALS_DIRECTORY/<field name>` (e.g. hash_key).

    Used for fields not set in the environment, so a unit's LoadCredential= keeps secrets out of
    both the unit file and the process environment. Outside systemd this returns {}.
    """
    folder = os.environ.get("CREDENTIALS_DIRECTORY")
    if not folder:
        return {}
    values: dict[str, str] = {}
    for name in cls.model_fields:
        if f"WAYPOST_{name.upper()}" in os.environ:
            continue
        path = Path(folder) / name
        if path.is_file():
            # Files made with `echo` end in a newline that is not part of the secret.
            values[name] = path.read_text(encoding="utf-8").rstrip("\r\n")
    return values


def load_settings(
    cls: type[S], config: Path | None = None, section: str | None = None, **overrides: Any
) -> S:
    """Build settings: overrides > environment > systemd credentials > config file > defaults."""
    from_file = read_config(config, section, allow_public_secrets=bool(overrides.get("demo")))
    prefix = "WAYPOST_"
    from_file = {k: v for k, v in from_file.items() if f"{prefix}{k.upper()}" not in os.environ}
    from_file.update(read_credentials(cls))
    explicit = {k: v for k, v in overrides.items() if v is not None}
    return cls(**{**from_file, **explicit})
