"""The large "Read aloud" button each main screen has, and the small one beside each result."""

from __future__ import annotations

from kiosk.widgets.kiosk_button import KioskButton

SPEAKER = "🔊"


class ReadAloudButton(KioskButton):
    """Reads the screen shown; tapped again while it speaks, it stops (as any tap does)."""

    def __init__(self, label: str, *, icon: bool = True) -> None:
        super().__init__(f"{SPEAKER} {label}" if icon else label, id="read-aloud")


class SpeakResultButton(KioskButton):
    """Reads one result: the lines it was given, already in the family's language."""

    DEFAULT_CSS = "SpeakResultButton { width: 12; min-width: 12; height: 3; }"

    def __init__(self, lines: list[str], *, icon: bool = True, label: str = "") -> None:
        super().__init__(SPEAKER if icon else label, classes="say-result")
        self.lines = lines
