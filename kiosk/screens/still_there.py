"""The "Still there?" countdown before the kiosk clears itself for the next family."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static

from kiosk.literal import bold, literal
from kiosk.screens.base import KioskModal
from kiosk.widgets.kiosk_button import KioskButton


class StillThereScreen(KioskModal):
    """Asks whether anyone is still using the kiosk, counting down."""

    DEFAULT_CSS = """
    StillThereScreen { align: center middle; }
    StillThereScreen > Vertical {
        width: 50;
        max-width: 100%;
        height: auto;
        border: heavy $foreground;
        background: $background;
        padding: 0 1;
    }
    StillThereScreen #still-here { width: 100%; height: 3; }
    """

    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.seconds = seconds

    def compose(self) -> ComposeResult:
        """The question, the countdown and the button."""
        _ = self._
        with Vertical():
            yield Static(bold(_("Still there?")))
            yield Static(self._countdown(), id="countdown")
            yield KioskButton(_("Yes, I am still here"), id="still-here", classes="-primary")

    def _countdown(self) -> Content:
        return literal(
            self._("Starting again for the next person in {seconds} seconds.").format(
                seconds=self.seconds
            )
        )

    def count(self, seconds: int) -> None:
        """Show the seconds left."""
        self.seconds = seconds
        self.query_one("#countdown", Static).update(self._countdown())

    @on(Button.Pressed, "#still-here")
    def _here(self) -> None:
        self.dismiss(None)
