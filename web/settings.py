"""The phone pages' settings (environment WAYPOST_..., or the [web] TOML section)."""

from __future__ import annotations

from pydantic import field_validator

from directory.settings import CommonSettings
from directory.text.i18n import LANGUAGES


class WebSettings(CommonSettings):
    """Where the pages are served, their default language, and where "Leave this page" goes."""

    host: str = "127.0.0.1"
    port: int = 8010
    default_language: str = "en"
    # "Leave this page" replaces the page with this neutral site. Only followed when tapped.
    leave_url: str = "https://www.bbc.co.uk/weather"
    # Count anonymous page uses (topic, outward code, language, found or not) in the state db.
    count_usage: bool = True

    @field_validator("default_language")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"default_language must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("leave_url")
    @classmethod
    def _http(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must be an http(s) URL")
        return value.rstrip("/")
