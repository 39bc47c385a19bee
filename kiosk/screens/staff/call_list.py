"""The call list at the desk: stale entries by organisation, each marked after the phone call."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError
from directory.reports.staleness import StaleService
from kiosk.desk import CallList, DeskPrintError
from kiosk.screens.staff.base import StaffScreen
from kiosk.screens.staff.printing import PrintDone, print_outcome_text
from kiosk.widgets.kiosk_button import KioskButton

SHOWN = 25  # entries on screen at once; checked ones leave and the next come up


class ListRead(Message):
    """The call list, read in a thread."""

    def __init__(self, found: CallList) -> None:
        super().__init__()
        self.found = found


class CheckDone(Message):
    """A check was recorded: applied here, waiting for the keepers, or failed."""

    def __init__(self, service_id: str, outcome: str, applied: bool, error: str = "") -> None:
        super().__init__()
        self.service_id = service_id
        self.outcome = outcome
        self.applied = applied
        self.error = error


class CallListScreen(StaffScreen):
    """Entries nobody has checked for months, grouped by organisation with their numbers."""

    DEFAULT_CSS = """
    CallListScreen { padding: 0 1; }
    CallListScreen #calls-summary { height: auto; text-style: bold; }
    CallListScreen #calls-outcome { height: auto; }
    CallListScreen #calls-list { height: 1fr; }
    CallListScreen .calls-org { text-style: bold underline; margin: 1 0 0 0; }
    CallListScreen .calls-entry { height: auto; }
    CallListScreen .calls-actions { height: 3; }
    CallListScreen .calls-actions > Button { width: 1fr; height: 3; }
    CallListScreen .calls-row { height: 3; }
    CallListScreen .calls-row > Button { width: 1fr; height: 3; }
    CallListScreen #calls-up, CallListScreen #calls-down { width: 10; min-width: 10; }
    CallListScreen #calls-print { width: 2fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.found: CallList | None = None
        self.shown: list[StaleService] = []
        self.outcome = ""
        self.confirming = ""  # the service id whose "No longer exists" needs a second tap
        self.last_job = ""

    def compose(self) -> ComposeResult:
        """Summary, the entries with their three buttons, and the list's actions."""
        _ = self._
        yield Static(Content(self._summary()), id="calls-summary")
        yield Static(Content(self.outcome), id="calls-outcome")
        self.shown = []
        with VerticalScroll(id="calls-list"):
            if self.found and self.found.wrong:
                yield Static(
                    _("Families said these guide sections were wrong: check them first."),
                    classes="calls-org",
                )
                lines = [f"{key.replace(':', ' · ')}: {n}" for key, n in self.found.wrong[:8]]
                yield Static(Content("\n".join(lines)), id="calls-wrong")
            for group in self.found.groups if self.found else []:
                if len(self.shown) >= SHOWN:
                    break
                yield Static(Content(group.name), classes="calls-org")
                for service in group.services:
                    if len(self.shown) >= SHOWN:
                        break
                    index = len(self.shown)
                    self.shown.append(service)
                    yield Static(Content(self._entry_text(service)), classes="calls-entry")
                    with Horizontal(classes="calls-actions"):
                        yield KioskButton(_("Still right"), id=f"right-{index}", classes="right")
                        yield KioskButton(
                            _("Something changed"), id=f"changed-{index}", classes="changed"
                        )
                        gone = (
                            _("Sure? Tap again")
                            if service.service_id == self.confirming
                            else _("No longer exists")
                        )
                        yield KioskButton(gone, id=f"gone-{index}", classes="gone")
        with Horizontal(classes="calls-row"):
            yield KioskButton("▲", id="calls-up")
            yield KioskButton("▼", id="calls-down")
            yield KioskButton(_("Print today's list"), id="calls-print")
            yield KioskButton(_("Back"), id="back")

    def _summary(self) -> str:
        _ = self._
        if self.found is None:
            return _("Reading the call list…")
        months = self.kiosk.settings.stale_months
        text = _("Entries not checked for {months} months: {count}.").format(
            count=self.found.count, months=months
        )
        if self.found.syncing:
            text += "\n" + _("Checks waiting for the directory's keepers: {waiting}.").format(
                waiting=self.found.waiting
            )
        else:
            text += "\n" + _("Checks change this kiosk's directory straight away.")
        return text

    def _entry_text(self, service: StaleService) -> str:
        _ = self._
        phones = "; ".join(
            p.number + (f" ({p.description})" if p.description else "") for p in service.phones
        )
        checked = (
            _("last checked {day}").format(day=service.assured_date)
            if service.assured_date
            else _("never checked")
        )
        none = _("no phone number")
        return f"{service.name}\n  {phones or none} · {checked}"

    def on_mount(self) -> None:
        """Read the list."""
        self.read_list()

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk-calls")
    def read_list(self) -> None:
        """The stale entries not yet checked here, in a thread."""
        self.post_message(ListRead(self.desk.call_list()))

    async def on_list_read(self, message: ListRead) -> None:
        """Show the list."""
        self.found = message.found
        await self.recompose()

    def _service(self, event: Button.Pressed) -> StaleService | None:
        index = int((event.button.id or "-0").rsplit("-", 1)[1])
        return self.shown[index] if index < len(self.shown) else None

    @on(Button.Pressed, ".right")
    def _right(self, event: Button.Pressed) -> None:
        service = self._service(event)
        if service is not None:
            self.record(service.service_id, "still_right", "")

    @on(Button.Pressed, ".changed")
    def _changed(self, event: Button.Pressed) -> None:
        from kiosk.screens.staff.typing import TypingScreen

        service = self._service(event)
        if service is None:
            return
        prompt = self._("What changed at {name}? (a note for the directory's keepers)").format(
            name=service.name
        )
        service_id = service.service_id

        def typed(note: str | None) -> None:
            if note:
                self.record(service_id, "changed", note)

        self.app.push_screen(TypingScreen(prompt, limit=500), typed)

    @on(Button.Pressed, ".gone")
    async def _gone(self, event: Button.Pressed) -> None:
        service = self._service(event)
        if service is None:
            return
        if self.confirming != service.service_id:
            self.confirming = service.service_id
            event.button.label = self._("Sure? Tap again")
            return
        self.confirming = ""
        self.record(service.service_id, "gone", "")

    @work(thread=True, exit_on_error=False, group="desk-check")
    def record(self, service_id: str, outcome: str, note: str) -> None:
        """Record (and on a standalone site apply) the check, in a thread."""
        try:
            applied = self.desk.check(service_id, outcome, self.volunteer, note)
        except DirectoryError as exc:
            self.post_message(CheckDone(service_id, outcome, False, str(exc)))
            return
        self.post_message(CheckDone(service_id, outcome, applied))

    def on_check_done(self, message: CheckDone) -> None:
        """Say what happened, and read the list again (the entry leaves it)."""
        _ = self._
        if message.error:
            self._say(_("That check was not saved: {reason}").format(reason=message.error))
            return
        if message.applied:
            self._say(
                _("Saved in this kiosk's directory: {service}").format(service=message.service_id)
            )
        else:
            self._say(
                _("Saved for the directory's keepers: {service}").format(service=message.service_id)
            )
        self.read_list()

    def _say(self, text: str) -> None:
        self.outcome = text
        self.query_one("#calls-outcome", Static).update(Content(text))

    @on(Button.Pressed, "#calls-up")
    def _up(self) -> None:
        self.query_one("#calls-list", VerticalScroll).scroll_page_up(animate=False)

    @on(Button.Pressed, "#calls-down")
    def _down(self) -> None:
        self.query_one("#calls-list", VerticalScroll).scroll_page_down(animate=False)

    @on(Button.Pressed, "#calls-print")
    def _print(self) -> None:
        self._say(self._("Printing…"))
        self.print_list(self.volunteer)

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk-print")
    def print_list(self, volunteer: str) -> None:
        """Print today's list (the same PDF as `waypost stale --format pdf`)."""
        try:
            self.post_message(PrintDone(job=self.desk.print_call_list(volunteer)))
        except DeskPrintError as exc:
            self.post_message(PrintDone(reason=exc.reason, detail=exc.detail))

    def on_print_done(self, message: PrintDone) -> None:
        """Say what happened."""
        self.last_job = message.job
        self._say(print_outcome_text(self._, message))
