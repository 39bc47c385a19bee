"""Cards for chosen services: browse by category or search words, tick services, print a sheet."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError, ServiceResult
from kiosk.desk import DeskPrintError
from kiosk.screens.staff.base import StaffScreen
from kiosk.screens.staff.printing import PrintDone, print_outcome_text
from kiosk.widgets.kiosk_button import KioskButton

MAX_TICKED = 10  # one sheet


class Found(Message):
    """Categories or services read in a thread."""

    def __init__(
        self, categories: list[tuple[str, str]] | None, services: list[ServiceResult] | None
    ) -> None:
        super().__init__()
        self.categories = categories
        self.services = services


class ChooseServicesScreen(StaffScreen):
    """Browse or search as families do, tick up to ten services, print them on one sheet."""

    DEFAULT_CSS = """
    ChooseServicesScreen { padding: 0 1; }
    ChooseServicesScreen #choose-title { text-style: bold; height: auto; }
    ChooseServicesScreen #choose-categories { grid-size: 4; grid-gutter: 0 1; height: auto; }
    ChooseServicesScreen #choose-categories > Button { width: 100%; height: 3; }
    ChooseServicesScreen #choose-list { height: 1fr; }
    ChooseServicesScreen #choose-list > Button { width: 100%; height: 3; }
    ChooseServicesScreen #choose-outcome { height: auto; text-style: bold; }
    ChooseServicesScreen .choose-row { height: 3; }
    ChooseServicesScreen .choose-row > Button { width: 1fr; height: 3; }
    ChooseServicesScreen #choose-up, ChooseServicesScreen #choose-down { width: 10; min-width: 10; }
    """

    def __init__(self, language: str) -> None:
        super().__init__()
        self.card_language = language
        self.categories: list[tuple[str, str]] = []
        self.services: list[ServiceResult] = []
        self.ticked: dict[str, str] = {}  # service id -> name, in the order ticked
        self.outcome = ""
        self.last_job = ""

    def compose(self) -> ComposeResult:
        """Categories, the services found, ticks, and the actions."""
        _ = self._
        yield Static(
            _("Tap a category or search, tick services (up to ten), then print."),
            id="choose-title",
        )
        with Grid(id="choose-categories"):
            for index, (_key, label) in enumerate(self.categories):
                yield KioskButton(Content(label), id=f"category-{index}", classes="category")
        with VerticalScroll(id="choose-list"):
            for index, service in enumerate(self.services):
                yield KioskButton(self._tick_label(service), id=f"tick-{index}", classes="tick")
        yield Static(Content(self.outcome), id="choose-outcome")
        with Horizontal(classes="choose-row"):
            yield KioskButton(_("Search words"), id="choose-search")
            yield KioskButton("▲", id="choose-up")
            yield KioskButton("▼", id="choose-down")
        with Horizontal(classes="choose-row"):
            yield KioskButton(
                _("Print {count} ticked").format(count=len(self.ticked)), id="choose-print"
            )
            yield KioskButton(_("Back"), id="back")

    def _tick_label(self, service: ServiceResult) -> Content:
        mark = "☑" if service.service_id in self.ticked else "☐"
        return Content(f"{mark} {service.name}")

    def on_mount(self) -> None:
        """Read the categories."""
        self.read(category=None, text=None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk-choose")
    def read(self, category: str | None, text: str | None) -> None:
        """Categories (first time) or the services in a category or matching words."""
        language = self.card_language
        try:
            if category is None and text is None:
                found = self.backend.home(language).categories
                self.post_message(Found([(c.key, c.short_label or c.label) for c in found], None))
                return
            results = self.backend.search(language, category=category, text=text, limit=30)
        except DirectoryError:
            self.post_message(Found(None, []))
            return
        self.post_message(Found(None, [*results.local, *results.national]))

    async def on_found(self, message: Found) -> None:
        """Show what was read."""
        if message.categories is not None:
            self.categories = message.categories
        if message.services is not None:
            self.services = message.services
            if not self.services:
                self.outcome = self._("Nothing found.")
        await self.recompose()

    @on(Button.Pressed, ".category")
    def _category(self, event: Button.Pressed) -> None:
        index = int((event.button.id or "-0").rsplit("-", 1)[1])
        if index < len(self.categories):
            self.outcome = ""
            self.read(category=self.categories[index][0], text=None)

    @on(Button.Pressed, "#choose-search")
    def _search(self) -> None:
        from kiosk.screens.staff.typing import TypingScreen

        prompt = self._("Words to search for (a service's or an organisation's name).")
        self.app.push_screen(TypingScreen(prompt, limit=40), self._typed)

    def _typed(self, text: str | None) -> None:
        if text:
            self.outcome = ""
            self.read(category=None, text=text)

    @on(Button.Pressed, ".tick")
    def _tick(self, event: Button.Pressed) -> None:
        index = int((event.button.id or "-0").rsplit("-", 1)[1])
        if index >= len(self.services):
            return
        service = self.services[index]
        if service.service_id in self.ticked:
            del self.ticked[service.service_id]
        elif len(self.ticked) < MAX_TICKED:
            self.ticked[service.service_id] = service.name
        event.button.label = self._tick_label(service)
        self.query_one("#choose-print", Button).label = self._("Print {count} ticked").format(
            count=len(self.ticked)
        )

    @on(Button.Pressed, "#choose-up")
    def _up(self) -> None:
        self.query_one("#choose-list", VerticalScroll).scroll_page_up(animate=False)

    @on(Button.Pressed, "#choose-down")
    def _down(self) -> None:
        self.query_one("#choose-list", VerticalScroll).scroll_page_down(animate=False)

    @on(Button.Pressed, "#choose-print")
    def _print(self) -> None:
        self._say(self._("Printing…"))
        self.send(list(self.ticked), self.card_language, self.volunteer)

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk-print")
    def send(self, service_ids: list[str], language: str, volunteer: str) -> None:
        """Build and print the sheet in a thread."""
        try:
            job = self.desk.print_service_cards(service_ids, language, volunteer)
        except DeskPrintError as exc:
            self.post_message(PrintDone(reason=exc.reason, detail=exc.detail))
        except Exception as exc:  # a directory or PDF problem: said plainly, never a crash
            self.post_message(PrintDone(reason="refused", detail=str(exc)))
        else:
            self.post_message(PrintDone(job=job))

    def on_print_done(self, message: PrintDone) -> None:
        """Say what happened."""
        self.last_job = message.job
        self._say(print_outcome_text(self._, message))

    def _say(self, text: str) -> None:
        self.outcome = text
        self.query_one("#choose-outcome", Static).update(Content(text))
