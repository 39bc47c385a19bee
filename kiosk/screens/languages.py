"""Choose a language from any screen; the screen underneath stays where it was."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from kiosk.i18n import kiosk_languages
from kiosk.literal import literal
from kiosk.screens.base import KioskModal
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.language_bar import LanguageBar


class LanguageScreen(KioskModal):
    """Every language, each in its own name."""

    DEFAULT_CSS = """
    LanguageScreen { align: center middle; }
    LanguageScreen > Vertical {
        width: 50;
        height: auto;
        border: heavy $foreground;
        background: $background;
    }
    LanguageScreen LanguageBar { grid-size: 2; }
    LanguageScreen #close { width: 100%; height: 3; }
    LanguageScreen #volume { height: 3; }
    LanguageScreen #volume > Button { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        """The languages and a close button."""
        with Vertical():
            yield Static(literal(self._("Choose your language")))
            yield LanguageBar(kiosk_languages(), self.language, id="language-list")
            if self.kiosk.speech_available:
                # Volume for read-aloud, within the centre's limits (kept until the next family).
                with Horizontal(id="volume"):
                    yield KioskButton("🔉 " + self._("Quieter"), id="quieter")
                    yield KioskButton("🔊 " + self._("Louder"), id="louder")
            yield KioskButton(self._("Close"), id="close")

    def on_mount(self) -> None:
        """Two columns of languages."""
        self.query_one(LanguageBar).styles.grid_size_columns = 2

    @on(LanguageBar.Chosen)
    def _chosen(self, event: LanguageBar.Chosen) -> None:
        event.stop()
        self.dismiss(None)
        self.kiosk.choose_language(event.language)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
