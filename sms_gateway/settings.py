"""The SMS gateway's settings: Twilio secrets, the public URL, limits. Built once, passed in."""

from __future__ import annotations

import secrets

from pydantic import Field, SecretStr, field_validator, model_validator

from directory.settings import PLACEHOLDERS, CommonSettings

DEV_HASH_KEY = "waypost-dev-hash-key-not-for-production"


class GatewaySettings(CommonSettings):
    """Settings for `waypost sms ...` (environment WAYPOST_..., or the [sms] TOML section)."""

    twilio_auth_token: SecretStr | None = None
    twilio_account_sid: str = ""
    # The base URL Twilio calls (as configured in the Twilio console); signatures are checked
    # against it, never against the URL a proxy passed on.
    public_url: str = "http://127.0.0.1:8000"
    # The number (or messaging service) outgoing texts are sent from.
    sms_from: str = ""
    messaging_service_sid: str = ""
    # Where the Twilio REST API lives; tests point it at a local server.
    twilio_api_base: str = "https://api.twilio.com"
    dev: bool = False
    default_language: str = "en"
    session_seconds: int = 3600
    rate_limit_count: int = 8
    rate_limit_window_seconds: int = 600
    # Burst guard: this many texts within burst_seconds (faster than anyone types) get one
    # "please wait", then silence until the sender slows down.
    burst_texts: int = Field(default=4, ge=2)
    burst_seconds: float = Field(default=30.0, gt=0)
    results_per_page: int = 3
    # Twilio answers an exact HELP/INFO itself (its Advanced Opt-Out help text); set this to
    # have the app answer with its own menu instead.
    answer_exact_help: bool = False
    outbox_max_attempts: int = 6

    @field_validator("twilio_auth_token")
    @classmethod
    def _no_placeholder_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value().strip().lower() in PLACEHOLDERS:
            raise ValueError("twilio_auth_token is a placeholder; copy it from the Twilio console")
        return value

    @field_validator("public_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("public_url must start with https:// (or http://)")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _secrets_or_dev(self) -> GatewaySettings:
        if self.dev:
            return self
        missing = [
            name
            for name, value in (("twilio_auth_token", self.twilio_auth_token),)
            if value is None
        ]
        if self.hash_key is None:
            missing.append("hash_key")
        if missing:
            raise ValueError(
                "missing "
                + " and ".join(f"WAYPOST_{m.upper()}" for m in missing)
                + " (or run with --dev to try it out locally)"
            )
        return self

    @property
    def webhook_url(self) -> str:
        """The exact URL Twilio signs for the webhook."""
        return f"{self.public_url}/sms"

    def auth_token(self) -> str:
        """The Twilio auth token (the caller makes sure one is set)."""
        assert self.twilio_auth_token is not None
        return self.twilio_auth_token.get_secret_value()

    def hash_key_bytes(self) -> bytes:
        """The key that hashes senders."""
        assert self.hash_key is not None
        return self.hash_key.get_secret_value().encode()


def with_dev_secrets(settings: GatewaySettings) -> tuple[GatewaySettings, list[str]]:
    """Fill a missing token or hash key for --dev; return the settings and what was made up."""
    notes: list[str] = []
    updates: dict[str, object] = {}
    if settings.twilio_auth_token is None:
        token = secrets.token_hex(16)
        updates["twilio_auth_token"] = SecretStr(token)
        notes.append(f"random Twilio auth token for this run: {token}")
    if settings.hash_key is None:
        updates["hash_key"] = SecretStr(DEV_HASH_KEY)
        notes.append("fixed development hash key (senders are NOT safely hashed)")
    return settings.model_copy(update=updates), notes
