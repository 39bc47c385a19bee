"""Typing at the desk with taps (or a keyboard): a volunteer's name, or what changed."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Static

from kiosk.screens.staff.base import StaffModal
from kiosk.widgets.keypad import LETTERS, Keypad, quick_button
from kiosk.widgets.kiosk_button import KioskButton


class TypingScreen(StaffModal):
    """A prompt, the text so far and big keys; dismisses with the text, or None for Cancel."""

    DEFAULT_CSS = """
    TypingScreen { padding: 0 1; background: $background; }
    TypingScreen #typing-prompt { height: auto; text-style: bold; }
    TypingScreen #typing-text { height: 3; border: heavy $foreground; padding: 0 1; }
    TypingScreen #typing-keys { grid-size: 9; }
    TypingScreen #typing-actions { height: 3; dock: bottom; }
    TypingScreen #typing-actions > Button { width: 1fr; min-width: 10; height: 3; }
    """

    def __init__(self, prompt: str, text: str = "", *, limit: int = 200) -> None:
        super().__init__()
        self.prompt = prompt
        self.text = text[:limit]
        self.limit = limit

    def compose(self) -> ComposeResult:
        """Prompt, text, keys and actions."""
        _ = self._
        yield Static(Content(self.prompt), id="typing-prompt")
        yield Static(self._shown(), id="typing-text")
        yield Keypad(LETTERS, 9, id="typing-keys")
        with Horizontal(id="typing-actions"):
            yield KioskButton(_("Cancel"), id="typing-cancel")
            yield quick_button(_("Space"), id="typing-space")
            yield quick_button(_("Delete"), id="typing-delete")
            yield KioskButton(_("Done"), id="typing-done")

    def on_mount(self) -> None:
        """Keys typed on a keyboard go to the text, not to a focused button."""
        for button in self.query(Button):
            button.can_focus = False

    def _shown(self) -> Content:
        return Content(f" {self.text}▏")

    def _set(self, text: str) -> None:
        self.text = text[: self.limit]
        self.query_one("#typing-text", Static).update(self._shown())

    @on(Keypad.Tapped)
    def _key(self, event: Keypad.Tapped) -> None:
        event.stop()
        self._set(self.text + event.key)

    def on_key(self, event: events.Key) -> None:
        """A plugged-in keyboard types too."""
        if event.key == "enter":
            self._done()
        elif event.key == "backspace":
            self._set(self.text[:-1])
        elif event.character is not None and event.character.isprintable():
            self._set(self.text + event.character)
        else:
            return
        event.stop()

    @on(Button.Pressed, "#typing-space")
    def _space(self) -> None:
        if self.text and not self.text.endswith(" "):
            self._set(self.text + " ")

    @on(Button.Pressed, "#typing-delete")
    def _delete(self) -> None:
        self._set(self.text[:-1])

    @on(Button.Pressed, "#typing-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#typing-done")
    def _done(self) -> None:
        self.dismiss(self.text.strip())
