"""A row of language buttons, each language written in its own name."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Button

from directory.text.i18n import language_name
from kiosk.widgets.kiosk_button import KioskButton

BUTTON_WIDTH = 13  # the 12-column touch target plus room for the longest name ("Português")


class LanguageBar(Grid):
    """One button per language; the current one has a heavy border, so it shows without colour."""

    DEFAULT_CSS = """
    LanguageBar { height: auto; grid-gutter: 0 1; }
    LanguageBar > Button { width: 100%; min-width: 12; height: 3; padding: 0; }
    """

    class Chosen(Message):
        """A language was chosen."""

        def __init__(self, language: str) -> None:
            super().__init__()
            self.language = language

    def __init__(self, languages: list[str], current: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.languages = languages
        self.current = current

    def on_mount(self) -> None:
        """All languages on one row."""
        self.styles.grid_size_columns = len(self.languages)

    def fit(self, width: int) -> None:
        """One row when every button gets its 12 columns and a border, else two even rows."""
        count = len(self.languages)
        self.styles.grid_size_columns = count if width >= count * BUTTON_WIDTH else -(-count // 2)

    def compose(self) -> ComposeResult:
        """A button per language."""
        for code in self.languages:
            button = KioskButton(
                language_name(code),
                id=f"lang-{code}",
                classes="language -current" if code == self.current else "language",
            )
            yield button

    @on(Button.Pressed, ".language")
    def _chosen(self, event: Button.Pressed) -> None:
        event.stop()
        code = (event.button.id or "").removeprefix("lang-")
        self.post_message(self.Chosen(code))
