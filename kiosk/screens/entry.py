"""Typing with taps: a big on-screen keypad for a postcode, a town or search words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError, PlaceNotFound
from kiosk.literal import literal
from kiosk.screens.base import KioskModal
from kiosk.widgets.keypad import GREEK, LETTERS, Keypad, quick_button
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.notice import Notice

MAX_TYPED = 40

Mode = Literal["place", "text"]


@dataclass(frozen=True)
class Typed:
    """What the family chose: the text typed, or a category suggested for it."""

    text: str
    category: str | None = None


class EntryScreen(KioskModal):
    """Type a place or words with big keys; dismisses with a Typed, or None for Back."""

    class Suggested(Message):
        """Suggestions for what has been typed so far."""

        def __init__(self, typed: str, suggestions: list[Typed]) -> None:
            super().__init__()
            self.typed = typed
            self.suggestions = suggestions

    class Checked(Message):
        """The place was looked up: found, or not with close matches."""

        def __init__(self, typed: str, found: bool, suggestions: list[Typed]) -> None:
            super().__init__()
            self.typed = typed
            self.found = found
            self.suggestions = suggestions

    def __init__(self, mode: Mode) -> None:
        super().__init__()
        self.mode: Mode = mode
        self.typed = ""
        self.suggestions: list[Typed] = []
        self.problem = ""
        # Words can be typed in Greek (the directory knows Greek category words); places are
        # British, so the place keypad stays Latin.
        self.greek = mode == "text" and self.language == "el"

    def compose(self) -> ComposeResult:
        """Prompt, typed text, suggestions, keypad and actions."""
        _ = self._
        if self.mode == "place":
            prompt = _("Where? Type a postcode or a town, then tap Search.")
        else:
            prompt = _("What are you looking for? Type a word, then tap Search.")
        yield Static(literal(prompt), id="prompt")
        yield Static(self._shown(), id="typed")
        with Horizontal(id="suggestions"):
            for index, choice in enumerate(self.suggestions):
                yield KioskButton(choice.text, id=f"suggestion-{index}", classes="suggestion")
        notice = Notice(id="notice")
        if self.problem:
            notice.show(self.problem)
        yield notice
        yield Keypad(GREEK if self.greek else LETTERS, 6, id="keypad")
        with Horizontal(id="entry-actions"):
            yield KioskButton(_("Back"), id="back")
            if self.mode == "text":
                yield KioskButton(self._alphabet_label(), id="alphabet")
            yield quick_button(_("Space"), id="space")
            yield quick_button(_("Delete"), id="delete")
            yield KioskButton(_("Clear"), id="clear")
            yield KioskButton(_("Search"), id="search", classes="-primary")

    def _alphabet_label(self) -> str:
        # The button names the alphabet it switches to, in that alphabet.
        return "ABC" if self.greek else "ΑΒΓ"

    @on(Button.Pressed, "#alphabet")
    async def _alphabet(self) -> None:
        self.greek = not self.greek
        self.query_one("#alphabet", Button).label = self._alphabet_label()
        await self.query_one(Keypad).set_keys(GREEK if self.greek else LETTERS)
        self._fit()

    def _shown(self) -> Content:
        return literal(f" {self.typed}▏" if self.typed else " ▏" + self._("(nothing typed yet)"))

    def on_mount(self) -> None:
        """Fit the keypad to the screen width."""
        self._fit()

    def on_resize(self, event: events.Resize) -> None:
        """More keys per row on a wide screen."""
        self._fit()

    def _fit(self) -> None:
        # Not query_one: an idle reset can take the screen, keypad and all, away while a
        # handler that ends here is still running (found by the soak test).
        for keypad in self.query(Keypad):
            keypad.styles.grid_size_columns = 9 if self.size.width >= 118 else 6

    def _set_typed(self, text: str) -> None:
        self.typed = text[:MAX_TYPED]
        self.problem = ""
        self.query_one("#typed", Static).update(self._shown())
        self.query_one(Notice).clear()
        self.suggest(self.typed)

    @on(Keypad.Tapped)
    def _key(self, event: Keypad.Tapped) -> None:
        self._set_typed(self.typed + event.key)

    @on(Button.Pressed, "#space")
    def _space(self) -> None:
        if self.typed and not self.typed.endswith(" "):
            self._set_typed(self.typed + " ")

    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        self._set_typed(self.typed[:-1])

    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        self._set_typed("")

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.typed = ""
        self.dismiss(None)

    @on(Button.Pressed, ".suggestion")
    def _suggestion(self, event: Button.Pressed) -> None:
        index = int((event.button.id or "-0").rsplit("-", 1)[1])
        if index < len(self.suggestions):
            self.dismiss(self.suggestions[index])

    @on(Button.Pressed, "#search")
    def _search(self) -> None:
        typed = self.typed.strip()
        if not typed:
            self.query_one(Notice).show(self._("Type something first, using the keys below."))
        elif self.mode == "place":
            self.check_place(typed)
        else:
            self.dismiss(Typed(typed))

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def suggest(self, typed: str) -> None:
        """Look up suggestions in a thread."""
        try:
            if self.mode == "place":
                found = [Typed(text) for text in self.backend.suggest_places(typed)]
            else:
                found = [
                    Typed(label, key)
                    for key, label in self.backend.suggest_words(typed, self.language)
                ]
        except DirectoryError:
            found = []
        self.post_message(self.Suggested(typed, found))

    @work(thread=True, exclusive=True, exit_on_error=False, group="check")
    def check_place(self, typed: str) -> None:
        """Check that the place exists before searching near it."""
        try:
            self.backend.check_place(typed)
        except PlaceNotFound as exc:
            choices = [Typed(s.text) for s in exc.suggestions[:3]]
            self.post_message(self.Checked(typed, False, choices))
            return
        except DirectoryError:
            self.post_message(self.Checked(typed, False, []))
            return
        self.post_message(self.Checked(typed, True, []))

    async def on_entry_screen_suggested(self, message: EntryScreen.Suggested) -> None:
        """Show suggestions if they still match what is typed."""
        if message.typed != self.typed or message.suggestions == self.suggestions:
            return
        self.suggestions = message.suggestions
        box = self.query_one("#suggestions", Horizontal)
        await box.remove_children()
        await box.mount_all(
            KioskButton(choice.text, id=f"suggestion-{i}", classes="suggestion")
            for i, choice in enumerate(self.suggestions)
        )

    async def on_entry_screen_checked(self, message: EntryScreen.Checked) -> None:
        """Go on to the results, or say the place was not found and offer close matches."""
        if message.typed != self.typed.strip():
            return
        if message.found:
            self.dismiss(Typed(message.typed))
            return
        self.problem = self._(
            "We could not find that place. Check the spelling or tap a suggestion."
        )
        self.query_one(Notice).show(self.problem)
        self.suggestions = message.suggestions
        await self.recompose()
        self._fit()

    def on_unmount(self) -> None:
        """Forget what was typed."""
        self.typed = ""
        self.suggestions = []
