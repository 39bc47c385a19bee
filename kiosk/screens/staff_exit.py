"""The staff door: a PIN typed on the keypad (or a keyboard); the right PIN opens staff mode."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static

from kiosk.literal import literal
from kiosk.screens.base import KioskModal
from kiosk.widgets.keypad import Keypad
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.notice import Notice

MAX_PIN = 12


class StaffExitScreen(KioskModal):
    """Staff only: enter the PIN to open the volunteers' desk."""

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

    class Unlocked(Message):
        """The right PIN was entered: the app opens staff mode."""

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
                yield KioskButton(_("OK"), id="unlock")

    def on_mount(self) -> None:
        """Nothing takes the keyboard's focus (digits and Enter go to the PIN, not a button);
        a wait still running from earlier wrong PINs is shown, counting down."""
        for button in self.query(Button):
            button.can_focus = False
        self._show_wait()
        self.set_interval(1.0, self._show_wait)

    def _add(self, digit: str) -> None:
        self.pin = (self.pin + digit)[:MAX_PIN]
        self.query_one("#pin", Static).update("● " * len(self.pin))

    @on(Keypad.Tapped)
    def _key(self, event: Keypad.Tapped) -> None:
        self._add(event.key)

    def on_key(self, event: events.Key) -> None:
        """A plugged-in keyboard: digits, Backspace and Enter."""
        if event.character is not None and event.character.isdigit() and event.character.isascii():
            self._add(event.character)
        elif event.key == "backspace":
            self.pin = self.pin[:-1]
            self.query_one("#pin", Static).update("● " * len(self.pin))
        elif event.key == "enter":
            self._unlock()
        else:
            return
        event.stop()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.pin = ""
        self.dismiss(None)

    @on(Button.Pressed, "#unlock")
    def _unlock(self) -> None:
        pin, self.pin = self.pin, ""
        self.query_one("#pin", Static).update("")
        if self._show_wait():
            return  # no PIN is checked while the wait runs
        if self.kiosk.pin_guard.check(pin):
            self.post_message(self.Unlocked())  # the app takes this screen away
        elif not self._show_wait():
            self.query_one(Notice).show(self._("Wrong PIN."))

    def _show_wait(self) -> bool:
        """Show the seconds left to wait, if any; True while waiting."""
        left = self.kiosk.pin_guard.wait_left()
        if left:
            self.query_one(Notice).show(
                self._("Too many wrong PINs. Try again in {seconds} seconds.").format(seconds=left)
            )
        return left > 0
