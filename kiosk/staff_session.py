"""One volunteer's visit to the desk: the language staff screens are in, and an optional name.

Made when the right PIN is entered and dropped at the next reset (leaving, or the staff idle
timeout): nothing of it outlives the visit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.i18n import STAFF_DOMAIN, Translator


@dataclass
class StaffSession:
    """The visit's language and volunteer name (typed once, optional)."""

    language: str
    volunteer: str = ""
    translator: Translator = field(init=False)

    def __post_init__(self) -> None:
        self.translator = Translator(self.language, STAFF_DOMAIN)

    def switch_language(self, language: str) -> None:
        """Show staff screens in another language from now on."""
        self.language = language
        self.translator = Translator(language, STAFF_DOMAIN)
