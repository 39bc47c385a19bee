"""One service in full, with a QR code to scan, and print or text actions."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError, ServiceDetail
from directory.text.i18n import language_name
from directory.text.presentation import presentation
from kiosk.backend import PrintingUnavailable, printing_available
from kiosk.literal import Line, bold, heading, lines, literal
from kiosk.screens.base import ScrollingScreen
from kiosk.screens.text_me import TextMeScreen
from kiosk.widgets.helpline_strip import HelplineStrip
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.notice import Notice
from kiosk.widgets.qr_code import QRCode, mecard
from kiosk.widgets.read_aloud_button import ReadAloudButton


def qr_payload(detail: ServiceDetail, pages_url: str = "", language: str = "en") -> str:
    """The service's phone page where the centre has them; else a contact card, else its site."""
    if pages_url:
        return f"{pages_url}/s/{detail.service_id}?lang={language}"
    if detail.phones:
        return mecard(detail.name[:40], [detail.phones[0].number])
    return detail.url


class DetailScreen(ScrollingScreen):
    """Everything about one service."""

    SCROLL_ID = "detail-text"

    class Loaded(Message):
        """The service's details arrived."""

        def __init__(self, detail: ServiceDetail) -> None:
            super().__init__()
            self.detail = detail

    class Failed(Message):
        """The details could not be read."""

    class Printed(Message):
        """A print job finished: ok, or a message safe to show."""

        def __init__(self, ok: bool, problem: str = "", job: str = "") -> None:
            super().__init__()
            self.ok = ok
            self.problem = problem
            self.job = job

    def __init__(self, service_id: str) -> None:
        super().__init__()
        self.service_id = service_id
        self.detail: ServiceDetail | None = None
        self.message = ""
        self.print_job = ""  # the last CUPS job id, for staff looking at the printer queue

    def compose(self) -> ComposeResult:
        """Buttons, the details beside the QR code, then actions."""
        _ = self._
        with Horizontal(id="detail-bar"):
            yield KioskButton(_("Back"), id="back")
            yield KioskButton(_("Home"), id="home")
            yield KioskButton(_("Language"), id="language")
            if self.kiosk.speech_available:
                yield ReadAloudButton(_("Read aloud"), icon=self.kiosk.settings.icons)
        notice = Notice(id="notice")
        if self.message:
            notice.show(self.message)
        yield notice
        with Horizontal(id="detail-body"):
            with VerticalScroll(id="detail-text"):
                yield Static(self._text(), id="detail-content")
            payload = (
                qr_payload(self.detail, self.kiosk.settings.pages_url, self.language)
                if self.detail
                else ""
            )
            if payload:
                yield QRCode(payload, id="qr")
        with Horizontal(id="detail-actions"):
            if self.detail and printing_available():
                yield KioskButton(_("Print a wallet card"), id="print", classes="-primary")
            if self.detail and self.kiosk.texting_available:
                yield KioskButton(_("Text me this"), id="text-me", classes="-primary")
            yield KioskButton("▲", id="up")
            yield KioskButton("▼", id="down")
        strip = HelplineStrip(id="helplines")
        strip.show(_("Need to talk now?"), self.kiosk.helplines[:2], _("Ask a member of staff."))
        yield strip

    def _text(self) -> Content:
        _ = self._
        d = self.detail
        if d is None:
            return literal(_("Loading…"))
        out: list[Line] = [bold(d.name)]
        if d.organization and d.organization != d.name:
            out.append(d.organization)
        words = presentation(self.language)
        if d.verified:
            out.append(words.checked(d.assured_date))
        else:
            out.append(bold(words.checked(None)))
            source = d.source if len(d.source) <= 120 else d.source[:119] + "…"
            out.append(_("Where these details came from: {source}").format(source=source))

        def section(title: str, rows: list[str]) -> None:
            rows = [row for row in rows if row]
            if rows:
                out.append("")
                out.append(heading(title))
                out.extend(rows)

        section(_("What it offers"), [d.description])
        section(_("Who it is for"), [d.eligibility])
        section(
            _("Phone"),
            [words.phone(p.number, p.description) for p in d.phones],
        )
        section(_("Opening hours"), [*words.hours_lines(d.hours), d.hours_note])
        section(_("Cost"), [d.fees])
        section(_("Address"), d.address.lines() if d.address else [])
        section(_("Website"), [d.url])
        section(_("Email"), [d.email])
        section(_("Languages spoken"), [", ".join(language_name(c) for c in d.languages)])
        return lines(out)

    def speech_lines(self) -> list[str]:
        """The service read in a listener's order (see kiosk.speech.service_words)."""
        if self.detail is None:
            return super().speech_lines()
        from kiosk.speech.service_words import service_lines

        return service_lines(self.detail, self._, self.language)

    def on_mount(self) -> None:
        """Fetch the details."""
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="detail")
    def load(self) -> None:
        """Read the service in a thread."""
        try:
            detail = self.backend.detail(self.service_id, self.language)
        except DirectoryError:
            self.post_message(self.Failed())
            return
        self.post_message(self.Loaded(detail))
        self.backend.record("view", keyword=(detail.categories or [""])[0], language=self.language)

    async def on_detail_screen_loaded(self, message: DetailScreen.Loaded) -> None:
        """Show the details."""
        self.detail = message.detail
        await self.recompose()

    async def on_detail_screen_failed(self, message: DetailScreen.Failed) -> None:
        """Say so kindly."""
        self.message = self._("Sorry, these details cannot be shown just now.")
        await self.recompose()

    async def language_changed(self) -> None:
        """Redraw and fetch the translated text."""
        await self.recompose()
        self.load()

    @on(Button.Pressed, "#back")
    @on(Button.Pressed, "#home")
    def _leave(self, event: Button.Pressed) -> None:
        if event.button.id == "home":
            self.kiosk.go_home()
        else:
            self.dismiss()

    @on(Button.Pressed, "#text-me")
    def _text_me(self) -> None:
        if self.detail:
            self.app.push_screen(TextMeScreen(self.detail))

    @on(Button.Pressed, "#print")
    def _print(self) -> None:
        if self.detail:
            self.query_one(Notice).show(self._("Printing your card…"))
            self.print_card(self.detail)

    @work(thread=True, exclusive=True, exit_on_error=False, group="print")
    def print_card(self, detail: ServiceDetail) -> None:
        """Build the card and send it to the printer, in a thread."""
        try:
            job = self.backend.print_card(detail, self.language)
        except PrintingUnavailable as exc:
            self.post_message(self.Printed(False, str(exc)))
            return
        except DirectoryError:
            self.post_message(self.Printed(False))  # the service has gone from the directory
            return
        except Exception:
            self.log.error("printing failed")
            self.post_message(self.Printed(False))
            raise
        self.post_message(self.Printed(True, job=job))
        self.backend.record("print", keyword=(detail.categories or [""])[0], language=self.language)

    def on_detail_screen_printed(self, message: DetailScreen.Printed) -> None:
        """Tell the family to collect the card, or that the printer is not working."""
        _ = self._
        if message.ok:
            self.print_job = message.job
            self.message = _("Your card is printing. Please collect it from the printer.")
        else:
            self.message = _(
                "Sorry, the printer is not working just now. "
                "Tap Text me this, or ask a member of staff."
            )
        self.query_one(Notice).show(self.message)
