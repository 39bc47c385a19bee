"""A grid of big on-screen keys: letters and digits for places and words, or a phone pad."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Button

from kiosk.widgets.kiosk_button import KioskButton

LETTERS = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", *"0123456789"]
PHONE = [*"123456789", "+", "0"]
GREEK = [*"ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", *"0123456789"]
# Widget ids must be ASCII, so Greek keys are named after their letters.
GREEK_NAMES = dict(
    zip(
        "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
        [
            "alpha",
            "beta",
            "gamma",
            "delta",
            "epsilon",
            "zeta",
            "eta",
            "theta",
            "iota",
            "kappa",
            "lambda",
            "mu",
            "nu",
            "xi",
            "omicron",
            "pi",
            "rho",
            "sigma",
            "tau",
            "upsilon",
            "phi",
            "chi",
            "psi",
            "omega",
        ],
        strict=True,
    )
)


class Keypad(Grid):
    """Big keys in a grid; each tap posts Keypad.Tapped with the key's character."""

    DEFAULT_CSS = """
    Keypad { grid-gutter: 0 1; height: auto; }
    Keypad > Button { width: 100%; min-width: 12; height: 3; }
    """

    class Tapped(Message):
        """A key was tapped."""

        def __init__(self, keypad: Keypad, key: str) -> None:
            super().__init__()
            self.keypad = keypad
            self.key = key

        @property
        def control(self) -> Keypad:
            """The keypad that was tapped."""
            return self.keypad

    def __init__(self, keys: list[str], columns: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys = keys
        self.columns = columns

    def on_mount(self) -> None:
        """Lay the keys out in the requested number of columns."""
        self.styles.grid_size_columns = self.columns

    def compose(self) -> ComposeResult:
        """One button per key."""
        yield from self._buttons()

    def _buttons(self) -> list[Button]:
        return [quick_button(key, id=f"key-{_key_id(key)}", classes="key") for key in self.keys]

    async def set_keys(self, keys: list[str]) -> None:
        """Show another set of keys (another alphabet) in the same place."""
        self.keys = keys
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(self._buttons())

    @on(Button.Pressed, ".key")
    def _tapped(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Tapped(self, str(event.button.label)))


def quick_button(label: str, *, id: str, classes: str = "") -> Button:
    """A button that takes a second tap straight away ("07911" has two ones in a row)."""
    button = KioskButton(label, id=id, classes=classes)
    # Textual ignores taps during the 0.2 s press effect; a keypad must not drop digits.
    button.active_effect_duration = 0
    return button


def _key_id(key: str) -> str:
    return {"+": "plus", " ": "space", "⌫": "delete", **GREEK_NAMES}.get(key, key.lower())
