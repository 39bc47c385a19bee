"""The large "Read aloud" button each main screen has, and the small one beside each result."""

from __future__ import annotations

from kiosk.widgets.kiosk_button import KioskButton

SPEAKER = "🔊"


class ReadAloudButton(KioskButton):
    """Reads the screen shown; tapped again while it speaks, it stops (as any tap does).

    In a screen's top bar, where four buttons already share the width, it shows the speaker
    alone (`compact`), a sign people know without reading; without icons it shows its words.
    """

    def __init__(self, label: str, *, icon: bool = True, compact: bool = False) -> None:
        text = (SPEAKER if compact else f"{SPEAKER} {label}") if icon else label
        super().__init__(text, id="read-aloud", classes="-compact" if compact and icon else "")
        self.tooltip = label


class SpeakResultButton(KioskButton):
    """Reads one result: the lines it was given, already in the family's language."""

    DEFAULT_CSS = "SpeakResultButton { width: 8; min-width: 8; height: 3; }"

    def __init__(self, lines: list[str], *, icon: bool = True, label: str = "") -> None:
        super().__init__(SPEAKER if icon else label, classes="say-result")
        self.lines = lines
