"""The staff exit: a PIN typed on a keypad; the right PIN closes the kiosk."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from kiosk.literal import literal
from kiosk.screens.base import KioskModal
from kiosk.settings import check_pin
from kiosk.widgets.keypad import Keypad
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.notice import Notice


class StaffExitScreen(KioskModal):
    """Staff only: enter the PIN to close the kiosk."""

    DEFAULT_CSS = """
    StaffExitScreen { align: center middle; }
    StaffExitScreen > Vertical {
        width: 50;
        max-width: 100%;
        height: auto;
        border: heavy $foreground;
        background: $background;
        padding: 0 1;
    }
    StaffExitScreen #pin { height: 3; border: heavy $foreground; }
    StaffExitScreen Horizontal { height: 3; }
    StaffExitScreen Horizontal > Button { width: 1fr; height: 3; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.pin = ""

    def compose(self) -> ComposeResult:
        """The PIN dots, the keypad and the buttons."""
        _ = self._
        with Vertical():
            yield Static(literal(_("Staff only: enter the PIN")))
            yield Static("", id="pin")
            yield Notice(id="notice")
            yield Keypad([*"1234567890"], 5, id="pin-keypad")
            with Horizontal():
                yield KioskButton(_("Cancel"), id="cancel")
                yield KioskButton(_("Close the kiosk"), id="unlock")

    @on(Keypad.Tapped)
    def _key(self, event: Keypad.Tapped) -> None:
        self.pin = (self.pin + event.key)[:12]
        self.query_one("#pin", Static).update("● " * len(self.pin))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.pin = ""
        self.dismiss(None)

    @on(Button.Pressed, "#unlock")
    def _unlock(self) -> None:
        stored = self.kiosk.settings.admin_pin_hash
        pin, self.pin = self.pin, ""
        self.query_one("#pin", Static).update("")
        if stored and check_pin(pin, stored):
            self.app.exit()
        else:
            self.query_one(Notice).show(self._("Wrong PIN."))
