"""Printing at the desk: the centre's cards, the poster, a test page and the calibration page."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory.text.i18n import language_name
from kiosk.desk import DeskPrintError
from kiosk.i18n import kiosk_languages
from kiosk.screens.staff.base import StaffScreen
from kiosk.screens.staff.printer_words import failure_words, state_words
from kiosk.widgets.kiosk_button import KioskButton

MAX_SHEETS = 20


class PrintDone(Message):
    """A print job was sent (job id) or failed (reason code and CUPS's words)."""

    def __init__(self, job: str = "", reason: str = "", detail: str = "") -> None:
        super().__init__()
        self.job = job
        self.reason = reason
        self.detail = detail


class PrinterRead(Message):
    """The printer's queue and state, read from CUPS."""

    def __init__(self, queue: str, state: str, detail: str) -> None:
        super().__init__()
        self.queue = queue
        self.state = state
        self.detail = detail


def print_outcome_text(_: Callable[[str], str], message: PrintDone) -> str:
    """What a volunteer reads after a print: the job, or why it failed (CUPS's words after).

    Shown only as literal Content: the job id and CUPS's words are not ours.
    """
    if message.job:
        return _("Sent to the printer as job {job}.").format(job=message.job)
    text = failure_words(_, message.reason)
    return f"{text} ({message.detail})" if message.detail else text


class PrintScreen(StaffScreen):
    """Sheets of the centre's cards in one or two languages, the poster, test and calibration."""

    DEFAULT_CSS = """
    PrintScreen { padding: 0 1; }
    PrintScreen #print-title { text-style: bold; height: 1; }
    PrintScreen #printer-line { height: auto; }
    PrintScreen .print-row { height: 3; }
    PrintScreen .print-row > Button { width: 1fr; height: 3; }
    PrintScreen .print-row > Static { width: auto; height: 3; content-align: center middle;
        padding: 0 1; }
    PrintScreen #print-jobs > Button { width: 100%; height: 3; }
    PrintScreen #print-jobs { height: auto; }
    PrintScreen #print-outcome { height: auto; text-style: bold; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.languages: list[str] = [self.kiosk.settings.default_language]
        self.sheets = 1
        self.printer_text = ""
        self.outcome = ""
        self.last_job = ""

    def compose(self) -> ComposeResult:
        """Printer state, the sheet's choices, the jobs and Back."""
        _ = self._
        yield Static(_("Print"), id="print-title")
        with Horizontal(classes="print-row"):
            yield Static(Content(self.printer_text or _("Printer: checking…")), id="printer-line")
            yield KioskButton(_("Check again"), id="printer-refresh")
        with Horizontal(classes="print-row"):
            yield Static(_("Languages:"))
            yield KioskButton(language_name(self.languages[0]), id="sheet-lang-1")
            second = self.languages[1] if len(self.languages) > 1 else ""
            yield KioskButton(
                language_name(second) if second else _("+ second language"), id="sheet-lang-2"
            )
        with Horizontal(classes="print-row"):
            yield Static(_("Sheets:"))
            yield KioskButton("−", id="sheets-less")
            yield Static(str(self.sheets), id="sheets-count")
            yield KioskButton("+", id="sheets-more")
        yield Static(Content(self.outcome), id="print-outcome")
        with Vertical(id="print-jobs"):
            yield KioskButton(_("Print sheets of the centre's cards"), id="print-sheet")
            yield KioskButton(_("Print sheets of the prison's visit card"), id="print-visit")
            yield KioskButton(_("Print the poster"), id="print-poster")
            yield KioskButton(_("Cards for chosen services"), id="print-choose")
        with Horizontal(classes="print-row"):
            yield KioskButton(_("Test page"), id="print-test")
            yield KioskButton(_("Calibration page"), id="print-calibration")
            yield KioskButton(_("Back"), id="back")

    def on_mount(self) -> None:
        """Ask CUPS about the printer."""
        self.read_printer()

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk-printer")
    def read_printer(self) -> None:
        """The printer's state, from CUPS in a thread."""
        self.post_message(PrinterRead(*self.desk.printer()))

    def on_printer_read(self, message: PrinterRead) -> None:
        """Show the queue and its state in plain words."""
        _ = self._
        self.printer_text = _("Printer {queue}: {state}").format(
            queue=message.queue or "-", state=state_words(_, message.state)
        )
        self.query_one("#printer-line", Static).update(Content(self.printer_text))

    @on(Button.Pressed, "#printer-refresh")
    def _refresh(self) -> None:
        self.read_printer()

    def _cycle(self, current: str, allow_none: bool) -> str:
        choices = ([""] if allow_none else []) + kiosk_languages()
        index = choices.index(current) if current in choices else -1
        return choices[(index + 1) % len(choices)]

    @on(Button.Pressed, "#sheet-lang-1")
    async def _first_language(self) -> None:
        self.languages[0] = self._cycle(self.languages[0], allow_none=False)
        self.languages = list(dict.fromkeys(self.languages))
        await self.recompose()

    @on(Button.Pressed, "#sheet-lang-2")
    async def _second_language(self) -> None:
        second = self.languages[1] if len(self.languages) > 1 else ""
        second = self._cycle(second, allow_none=True)
        if second == self.languages[0]:
            second = self._cycle(second, allow_none=True)
        self.languages = [self.languages[0], *([second] if second else [])]
        await self.recompose()

    @on(Button.Pressed, "#sheets-less")
    def _less(self) -> None:
        self.sheets = max(1, self.sheets - 1)
        self.query_one("#sheets-count", Static).update(str(self.sheets))

    @on(Button.Pressed, "#sheets-more")
    def _more(self) -> None:
        self.sheets = min(MAX_SHEETS, self.sheets + 1)
        self.query_one("#sheets-count", Static).update(str(self.sheets))

    def _say(self, text: str) -> None:
        self.outcome = text
        self.query_one("#print-outcome", Static).update(Content(self.outcome))

    def _start(self, job: Callable[[], str]) -> None:
        self._say(self._("Printing…"))
        self.send(job)

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk-print")
    def send(self, job: Callable[[], str]) -> None:
        """Build and send a print job in a thread; report the job id or why it failed."""
        try:
            self.post_message(PrintDone(job=job()))
        except DeskPrintError as exc:
            self.post_message(PrintDone(reason=exc.reason, detail=exc.detail))
        except Exception as exc:  # a directory or PDF problem: said plainly, never a crash
            self.post_message(PrintDone(reason="refused", detail=str(exc)))

    def on_print_done(self, message: PrintDone) -> None:
        """Say what happened, and read the printer's state again."""
        self.last_job = message.job
        self._say(print_outcome_text(self._, message))
        self.read_printer()

    @on(Button.Pressed, "#print-sheet")
    def _sheet(self) -> None:
        languages, sheets, who = list(self.languages), self.sheets, self.volunteer
        self._start(lambda: self.desk.print_centre_sheets(languages, sheets, who))

    @on(Button.Pressed, "#print-visit")
    def _visit(self) -> None:
        languages, sheets, who = list(self.languages), self.sheets, self.volunteer
        self._start(lambda: self.desk.print_visit_cards(languages, sheets, who))

    @on(Button.Pressed, "#print-poster")
    def _poster(self) -> None:
        languages, who = list(self.languages), self.volunteer
        self._start(lambda: self.desk.print_poster(languages, who))

    @on(Button.Pressed, "#print-test")
    def _test(self) -> None:
        who = self.volunteer
        self._start(lambda: self.desk.print_test_page(who))

    @on(Button.Pressed, "#print-calibration")
    def _calibration(self) -> None:
        who = self.volunteer
        self._start(lambda: self.desk.print_calibration(who))

    @on(Button.Pressed, "#print-choose")
    def _choose(self) -> None:
        from kiosk.screens.staff.choose_services import ChooseServicesScreen

        self.app.push_screen(ChooseServicesScreen(self.languages[0]))
