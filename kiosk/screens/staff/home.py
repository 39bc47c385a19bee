"""The desk's first screen: Print, the call list, Sync; the volunteer's name; the ways out."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory.text.i18n import language_name
from kiosk.i18n import staff_languages
from kiosk.screens.staff.base import LeaveDesk, StaffScreen
from kiosk.widgets.kiosk_button import KioskButton


class VolunteerNamed(Message):
    """The volunteer typed their name for this visit."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class StaffLanguageChosen(Message):
    """Staff screens in this language from now on."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language


class StaffHomeScreen(StaffScreen):
    """Staff mode's home: three big jobs, the name, the language, Leave and Close."""

    DEFAULT_CSS = """
    StaffHomeScreen { padding: 0 1; }
    StaffHomeScreen #desk-title { text-style: bold; height: 1; margin: 1 0 0 0; }
    StaffHomeScreen #desk-who { height: auto; margin: 0 0 1 0; }
    StaffHomeScreen #desk-jobs { height: 15; }
    StaffHomeScreen #desk-jobs > Button { width: 100%; height: 5; }
    StaffHomeScreen .desk-row { height: 3; margin: 1 0 0 0; }
    StaffHomeScreen .desk-row > Button { width: 1fr; height: 3; }
    """

    def compose(self) -> ComposeResult:
        """The jobs as big buttons, then the smaller ones."""
        _ = self._
        yield Static(_("Staff desk"), id="desk-title")
        name = self.volunteer
        who = (
            Content(_("Volunteer: {name}").format(name=name))
            if name
            else Content(_("Tap 'Your name' to sign the log (optional)."))
        )
        yield Static(who, id="desk-who")
        with Vertical(id="desk-jobs"):
            yield KioskButton(_("Print cards and posters"), id="desk-print")
            yield KioskButton(_("Call list: check entries"), id="desk-calls")
            yield KioskButton(_("Sync and health"), id="desk-health")
        with Horizontal(classes="desk-row"):
            yield KioskButton(_("Your name"), id="desk-name")
            yield KioskButton(self._other_language_label(), id="desk-language")
        with Horizontal(classes="desk-row"):
            yield KioskButton(_("Leave staff mode"), id="desk-leave")
            yield KioskButton(_("Close the kiosk"), id="desk-close")

    def _next_language(self) -> str:
        codes = staff_languages()
        here = self.session.language
        return codes[(codes.index(here) + 1) % len(codes)] if here in codes else codes[0]

    def _other_language_label(self) -> str:
        return language_name(self._next_language())

    @on(Button.Pressed, "#desk-print")
    def _print(self) -> None:
        from kiosk.screens.staff.printing import PrintScreen

        self.app.push_screen(PrintScreen())

    @on(Button.Pressed, "#desk-calls")
    def _calls(self) -> None:
        from kiosk.screens.staff.call_list import CallListScreen

        self.app.push_screen(CallListScreen())

    @on(Button.Pressed, "#desk-health")
    def _health(self) -> None:
        from kiosk.screens.staff.health import HealthScreen

        self.app.push_screen(HealthScreen())

    @on(Button.Pressed, "#desk-name")
    def _ask_name(self) -> None:
        from kiosk.screens.staff.typing import TypingScreen

        prompt = self._("Your name (it goes into the desk's log with what you do here).")
        self.app.push_screen(TypingScreen(prompt, self.volunteer, limit=40), self._named)

    async def _named(self, name: str | None) -> None:
        if name is not None and name.strip():
            self.post_message(VolunteerNamed(name.strip()))
            shown = self._("Volunteer: {name}").format(name=name.strip())
            self.query_one("#desk-who", Static).update(Content(shown))

    @on(Button.Pressed, "#desk-language")
    def _language(self) -> None:
        self.post_message(StaffLanguageChosen(self._next_language()))

    @on(Button.Pressed, "#desk-leave")
    def _leave(self) -> None:
        self.post_message(LeaveDesk())

    @on(Button.Pressed, "#desk-close")
    def _close(self) -> None:
        self.post_message(LeaveDesk(close_kiosk=True))
