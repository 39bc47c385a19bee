"""Visiting this prison: the prison's visit guide, one section at a time, with big Next buttons.

Booking, what to bring, what to wear, children, getting there, help with the costs, the visitor
centre and the first visit, each with where it came from and when a person last checked it. A
family can tap "This was wrong" on a section; that is counted, nothing else is kept.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError, PrisonVisiting, ServiceResult
from directory.guides import PrisonGuide, Section
from directory.text.presentation import presentation
from kiosk.literal import Line, bold, heading, lines
from kiosk.screens.base import ScrollingScreen
from kiosk.screens.detail import DetailScreen
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.read_aloud_button import ReadAloudButton
from kiosk.widgets.result_row import ResultRow


class VisitingScreen(ScrollingScreen):
    """The centre's prison's visit guide, section by section."""

    SCROLL_ID = "visiting-text"

    DEFAULT_CSS = """
    VisitingScreen { padding: 0 1; }
    VisitingScreen #visiting-bar { height: 3; }
    VisitingScreen #visiting-bar > Button { width: 1fr; min-width: 12; height: 3; }
    VisitingScreen #visiting-bar > #up, VisitingScreen #visiting-bar > #down {
        width: 7; min-width: 7;
    }
    VisitingScreen #visiting-text { height: 1fr; }
    VisitingScreen #visiting-actions { height: 3; }
    VisitingScreen #visiting-actions > Button { width: 1fr; min-width: 12; height: 3; }
    """

    class Loaded(Message):
        """The guide (and travel-cost help) arrived."""

        def __init__(self, guide: PrisonGuide | None, travel: list[ServiceResult]) -> None:
            super().__init__()
            self.guide = guide
            self.travel = travel

    def __init__(self, visiting: PrisonVisiting) -> None:
        super().__init__()
        self.visiting = visiting
        self.guide: PrisonGuide | None = None
        self.travel: list[ServiceResult] = []
        self.index = 0
        self.reported: set[str] = set()

    @property
    def section(self) -> Section | None:
        """The section shown now."""
        return self.guide.sections[self.index] if self.guide else None

    def compose(self) -> ComposeResult:
        """Top bar, the section's text, and Previous / This was wrong / Next."""
        _ = self._
        with Horizontal(id="visiting-bar"):
            yield KioskButton(_("Home"), id="home")
            yield KioskButton(_("Visiting help nearby"), id="nearby")
            yield KioskButton(_("Language"), id="language")
            if self.kiosk.speech_available:
                yield ReadAloudButton(_("Read aloud"), icon=self.kiosk.settings.icons)
            yield KioskButton("▲", id="up")
            yield KioskButton("▼", id="down")
        with VerticalScroll(id="visiting-text"):
            yield Static(self._text(), id="visiting-content")
            if self.section is not None and self.section.key == "costs":
                if self.travel:
                    yield Static(heading(_("Help with travel costs")))
                for result in self.travel:
                    phone = f"☎ {result.phones[0].number}" if result.phones else ""
                    checked = presentation(self.language).checked(result.assured_date)
                    yield ResultRow(result, (result.name, phone, checked))
        last = self.guide is None or self.index >= len(self.guide.sections) - 1
        section = self.section
        with Horizontal(id="visiting-actions"):
            yield KioskButton(_("Previous"), id="previous", disabled=self.index == 0)
            yield KioskButton(
                _("Thank you") if section and section.key in self.reported else _("This was wrong"),
                id="wrong",
                disabled=section is None or section.key in self.reported,
            )
            yield KioskButton(_("Next"), id="next", classes="-primary", disabled=last)

    def _text(self) -> Content:
        _ = self._
        v = self.visiting
        out: list[Line] = [bold(v.display_name)]
        if not v.is_open:
            # No guide, slots or booking line for a closed prison: only where to ask instead.
            return lines(
                [*out, "", presentation(self.language).prison_closed(v.display_name, v.area)]
            )
        section = self.section
        if self.guide is None or section is None:
            out += ["", _("Loading...")]
            return lines(out)
        total = len(self.guide.sections)
        out.append(_("Part {number} of {total}").format(number=self.index + 1, total=total))
        out += ["", heading(section.title), section.text, ""]
        if section.sources:
            out.append(heading(_("Sources")))
            out += list(section.sources)
        out.append(presentation(self.language).checked(section.checked))
        return lines(out)

    def on_mount(self) -> None:
        """Fetch the guide."""
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="visiting")
    def load(self) -> None:
        """Read the guide and travel-cost help in a thread."""
        guide: PrisonGuide | None
        try:
            guide = self.backend.prison_guide(self.language)
        except DirectoryError:
            guide = None
        try:
            travel = self.backend.travel_help(self.language)
        except DirectoryError:
            travel = []
        self.post_message(self.Loaded(guide, travel))

    async def on_visiting_screen_loaded(self, message: VisitingScreen.Loaded) -> None:
        """Show it."""
        self.guide = message.guide
        self.travel = message.travel
        await self.recompose()

    async def language_changed(self) -> None:
        """Redraw and refetch, on the same section."""
        await self.recompose()
        self.load()

    async def _go(self, step: int) -> None:
        if self.guide is None:
            return
        self.index = max(0, min(len(self.guide.sections) - 1, self.index + step))
        await self.recompose()

    @on(Button.Pressed, "#next")
    async def _next(self) -> None:
        await self._go(1)

    @on(Button.Pressed, "#previous")
    async def _previous(self) -> None:
        await self._go(-1)

    @on(Button.Pressed, "#wrong")
    async def _wrong(self) -> None:
        section, guide = self.section, self.guide
        if section is None or guide is None or section.key in self.reported:
            return
        self.reported.add(section.key)
        self.backend.said_wrong("prison", guide.code, section.key)
        await self.recompose()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#nearby")
    def _nearby(self) -> None:
        self.kiosk.show_results(category="visiting")

    @on(ResultRow.Selected)
    def _open(self, event: ResultRow.Selected) -> None:
        self.app.push_screen(DetailScreen(event.service_id))
