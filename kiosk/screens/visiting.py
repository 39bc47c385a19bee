"""Visiting this prison: visit times, the booking line and help with travel costs."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError, PrisonVisiting, ServiceResult
from directory.text.presentation import presentation
from kiosk.literal import Line, bold, heading, lines
from kiosk.screens.base import ScrollingScreen
from kiosk.screens.detail import DetailScreen
from kiosk.widgets.helpline_strip import HelplineStrip
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.result_row import ResultRow


class VisitingScreen(ScrollingScreen):
    """The centre's prison: how to book, when visits are, and travel-cost help."""

    SCROLL_ID = "visiting-text"

    DEFAULT_CSS = """
    VisitingScreen { padding: 0 1; }
    VisitingScreen #visiting-bar { height: 3; }
    VisitingScreen #visiting-bar > Button { width: 1fr; min-width: 12; height: 3; }
    VisitingScreen #visiting-text { height: 1fr; }
    VisitingScreen #visiting-actions { height: 3; }
    VisitingScreen #visiting-actions > Button { width: 1fr; min-width: 12; height: 3; }
    """

    class Loaded(Message):
        """Travel-cost help arrived."""

        def __init__(self, travel: list[ServiceResult]) -> None:
            super().__init__()
            self.travel = travel

    def __init__(self, visiting: PrisonVisiting) -> None:
        super().__init__()
        self.visiting = visiting
        self.travel: list[ServiceResult] = []

    def compose(self) -> ComposeResult:
        """Details, travel help rows and paging buttons."""
        _ = self._
        with Horizontal(id="visiting-bar"):
            yield KioskButton(_("Home"), id="home")
            yield KioskButton(_("Visiting help nearby"), id="nearby")
            yield KioskButton(_("Language"), id="language")
        with VerticalScroll(id="visiting-text"):
            yield Static(self._text(), id="visiting-content")
            if self.travel:
                yield Static(heading(_("Help with travel costs")))
            for result in self.travel:
                phone = f"☎ {result.phones[0].number}" if result.phones else ""
                checked = presentation(self.language).checked(result.assured_date)
                yield ResultRow(result, (result.name, phone, checked))
        with Horizontal(id="visiting-actions"):
            yield KioskButton("▲", id="up")
            yield KioskButton("▼", id="down")
        strip = HelplineStrip(id="helplines")
        strip.show(_("Need to talk now?"), self.kiosk.helplines[:2], _("Ask a member of staff."))
        yield strip

    def _text(self) -> Content:
        _ = self._
        v = self.visiting
        words = presentation(self.language)
        out: list[Line] = [bold(v.display_name), ", ".join(v.address.lines())]
        if not v.is_open:
            # No slots and no booking line: only where to ask instead.
            return lines([*out, "", words.prison_closed(v.display_name, v.area)])
        slots = words.hours_lines(v.visit_slots)
        out += ["", heading(_("Visit times"))]
        out += slots or [_("Ask the visitor centre staff.")]
        out += ["", heading(_("Book a visit"))]
        if v.visits_phone:
            out.append(_("Phone: {number}").format(number=v.visits_phone))
        if v.visits_email:
            out.append(_("Email: {address}").format(address=v.visits_email))
        if not (v.visits_phone or v.visits_email):
            out.append(_("Ask the visitor centre staff."))
        centre = v.visitor_centre
        if centre is not None:
            out += ["", words.visitor_centre(centre.operator)]
            out += [f"☎ {centre.phone}"] if centre.phone else []
            out += [centre.email] if centre.email else []
        out += ["", words.checked(None)]
        return lines(out)

    def on_mount(self) -> None:
        """Fetch travel-cost help."""
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="visiting")
    def load(self) -> None:
        """Read travel-cost help in a thread."""
        try:
            travel = self.backend.travel_help(self.language)
        except DirectoryError:
            travel = []
        self.post_message(self.Loaded(travel))

    async def on_visiting_screen_loaded(self, message: VisitingScreen.Loaded) -> None:
        """Show it."""
        self.travel = message.travel
        await self.recompose()

    async def language_changed(self) -> None:
        """Redraw and refetch."""
        await self.recompose()
        self.load()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#nearby")
    def _nearby(self) -> None:
        self.kiosk.show_results(category="visiting")

    @on(ResultRow.Selected)
    def _open(self, event: ResultRow.Selected) -> None:
        self.app.push_screen(DetailScreen(event.service_id))
