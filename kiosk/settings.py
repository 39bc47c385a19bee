"""The kiosk's settings: which visitor centre this machine serves, and how it behaves."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from pydantic import Field, field_validator, model_validator

from directory.settings import CommonSettings
from directory.text.i18n import LANGUAGES

PIN_ALGORITHM = "pbkdf2_sha256"
PIN_ITERATIONS = 200_000
# The hash of config/demo-kiosk.toml's staff PIN (2468), which is published: only a demo may
# use it, or anyone who read the repository could close a real kiosk.
DEMO_PIN_HASH = (
    "pbkdf2_sha256$200000$1e548bfe7845db7ad8db1b53473be427$"
    "ad05727325ebb9bf2c136b72c6967c29820ef0ddf07cb99e014f25d0782355c0"
)


class KioskSettings(CommonSettings):
    """Centre name, prison, location, language, printer, idle reset and the staff PIN hash."""

    centre: str = ""  # the key of a [centres.KEY] table, when the config has several centres
    # The centre's place for "near here": a postcode, town or prison name. Empty: the prison.
    location: str = ""
    default_language: str = "en"
    idle_seconds: int = 90
    idle_warning_seconds: int = 10
    # "pbkdf2_sha256$ITERATIONS$SALT$HASH" from `waypost kiosk hash-pin`; empty: no staff exit.
    admin_pin_hash: str = ""
    # Emoji icons on the category tiles; turn off where the terminal cannot draw them.
    icons: bool = True
    # "Text me this": only where the outbox sender runs (`waypost install --send-texts` writes
    # it), or a family is told "Done" while their number waits for a sender that never comes.
    texting: bool = False
    # Countries whose mobile numbers may be texted (ISO codes); the UK only unless the centre
    # chooses more. A number typed without a country code is read as the first one's.
    text_regions: list[str] = Field(default_factory=lambda: ["GB"])
    # Caps on "Text me this": per family session, per number a day, for this kiosk an hour.
    texts_per_session: int = 3
    texts_per_number_per_day: int = 3
    texts_per_kiosk_per_hour: int = 30
    # Sign texts with the centre's name; off by default: a text on a family's phone that names
    # a prison visitor centre tells whoever sees it that someone they know is in prison.
    text_names_centre: bool = False
    # Staff mode (the volunteers' desk): its own idle reset, the language its screens start
    # in, and how long its audit log is kept.
    staff_idle_seconds: int = 180
    staff_language: str = "en"
    staff_audit_days: int = 90
    # Where "Sync now" fetches releases from, and the key their signatures must match (as for
    # `waypost sync`). No sync_url: a standalone site, where the desk's checks apply directly.
    sync_url: str | None = None
    release_public_key: str | None = None
    # The SMS gateway's health URL when it runs on this machine (shown on the desk).
    sms_health_url: str | None = None
    # The months after which an entry is on the desk's call list.
    stale_months: int = 6
    # Read-aloud (espeak-ng): the "Read aloud" buttons, the voice's speed in words a minute, and
    # its volume (espeak-ng amplitude, 0-200) with the range the family's Quieter/Louder keep to.
    read_aloud: bool = True
    speech_rate: int = 150
    speech_volume: int = 100
    speech_volume_min: int = 40
    speech_volume_max: int = 200
    # Empty: speak through the machine's audio. A folder: write each reading there as a WAV file
    # at the pace a sound card would play it (for tests, and for checking voices without speakers).
    speech_sink: str = ""

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"default_language must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("staff_language")
    @classmethod
    def _staff_language(cls, value: str) -> str:
        from kiosk.i18n import staff_languages

        if value not in staff_languages():
            raise ValueError(f"staff_language must be one of {', '.join(staff_languages())}")
        return value

    @field_validator("staff_idle_seconds")
    @classmethod
    def _sensible_staff_idle(cls, value: int) -> int:
        if value < 30:
            raise ValueError("staff_idle_seconds must be at least 30")
        return value

    @field_validator("staff_audit_days", "stale_months")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError("must be at least 1")
        return value

    @field_validator("sync_url", "release_public_key", "sms_health_url")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @property
    def syncing(self) -> bool:
        """True when this site's directory comes from a central release (sync_url is set)."""
        return self.sync_url is not None

    @field_validator("idle_seconds")
    @classmethod
    def _sensible_idle(cls, value: int) -> int:
        if value < 15:
            raise ValueError("idle_seconds must be at least 15")
        return value

    @model_validator(mode="after")
    def _texting_needs_the_key(self) -> KioskSettings:
        if self.texting and self.hash_key is None:
            raise ValueError("texting = true needs hash_key (numbers are hashed for opt-outs)")
        return self

    @model_validator(mode="after")
    def _demo_pin_only_in_a_demo(self) -> KioskSettings:
        if self.admin_pin_hash == DEMO_PIN_HASH and not self.demo:
            raise ValueError(
                "admin_pin_hash is the published demo PIN; make your own with"
                " `waypost kiosk hash-pin`, or run a demo with --demo"
            )
        return self

    @field_validator("speech_volume", "speech_volume_min", "speech_volume_max")
    @classmethod
    def _amplitude(cls, value: int) -> int:
        if not 0 <= value <= 200:
            raise ValueError("speech volumes are espeak-ng amplitudes from 0 to 200")
        return value

    @field_validator("speech_rate")
    @classmethod
    def _rate(cls, value: int) -> int:
        if not 80 <= value <= 450:
            raise ValueError("speech_rate is in words a minute, from 80 to 450")
        return value

    @property
    def place_text(self) -> str:
        """What "near this centre" means: the location, else the prison's code name."""
        return self.location or self.centre_prison

    @property
    def hash_key_bytes(self) -> bytes | None:
        """The phone-number hashing key as bytes, or None when not configured."""
        return self.hash_key.get_secret_value().encode() if self.hash_key else None


def hash_pin(pin: str, *, iterations: int = PIN_ITERATIONS, salt: str | None = None) -> str:
    """A storable hash of a staff PIN: pbkdf2_sha256$iterations$salt$hexdigest."""
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), iterations).hex()
    return f"{PIN_ALGORITHM}${iterations}${salt}${digest}"


def check_pin(pin: str, stored: str) -> bool:
    """True when the PIN matches the stored hash (constant-time compare); False if malformed."""
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        rounds = int(iterations)
    except ValueError:
        return False
    if algorithm != PIN_ALGORITHM or rounds < 1 or not pin:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), rounds).hex()
    return hmac.compare_digest(candidate, digest)
