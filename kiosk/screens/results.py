"""Results: services near the centre (or a place), national helplines apart, page by page."""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from directory import DirectoryError, PlaceNotFound, SearchResults, ServiceResult
from directory.text.presentation import presentation
from kiosk.literal import literal
from kiosk.screens.base import KioskScreen
from kiosk.screens.detail import DetailScreen
from kiosk.screens.entry import EntryScreen, Typed
from kiosk.widgets.helpline_strip import HelplineStrip
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.notice import Notice
from kiosk.widgets.read_aloud_button import ReadAloudButton, SpeakResultButton
from kiosk.widgets.result_row import ResultRow

ROW_HEIGHT = 4
CHROME_ROWS = 15  # buttons, title, pager and helpline strip around the list

Item = tuple[str, ServiceResult | None]  # ("local"|"national", row) or (heading text, None)


class ResultsScreen(KioskScreen):
    """A paged list of results with buttons to search elsewhere or by words."""

    class Loaded(Message):
        """Search results arrived."""

        def __init__(self, results: SearchResults, label: str, generation: int) -> None:
            super().__init__()
            self.results = results
            self.label = label
            self.generation = generation

    class Failed(Message):
        """The search could not be done; `problem` says why, kindly."""

        def __init__(self, problem: str, generation: int) -> None:
            super().__init__()
            self.problem = problem
            self.generation = generation

    def __init__(self) -> None:
        super().__init__()
        self.category: str | None = None
        self.near: str | None = None
        self.text: str | None = None
        self.results: SearchResults | None = None
        self.label = ""
        self.problem = ""
        self.page = 0
        # Bumped for every new question, so that a late answer to an old one is dropped.
        self.generation = 0

    def ask(
        self, *, category: str | None = None, near: str | None = None, text: str | None = None
    ) -> ResultsScreen:
        """Start a new search now, before the screen is (re)shown; returns the screen.

        The search takes a few milliseconds in a thread while the screen is shown, so the
        results are usually in by the time it is first drawn. A reused screen hides the last
        family's rows straight away.
        """
        self.category, self.near, self.text = category, near, text
        self._clear()
        self.search()
        return self

    def _clear(self) -> None:
        self.results = None
        self.label = ""
        self.problem = ""
        self.page = 0
        self.generation += 1
        if self.is_mounted:
            self.query_one("#rows", Vertical).display = False
            self.query_one("#results-title", Static).update(self._title())
            self.query_one(Notice).clear()
            self.query_one("#page-number", Static).update(self._page_number(1))
            self.query_one("#previous", Button).disabled = True
            self.query_one("#next", Button).disabled = True

    def compose(self) -> ComposeResult:
        """Buttons, a title, one page of rows and the pager."""
        _ = self._
        with Horizontal(id="results-bar"):
            yield KioskButton(_("Home"), id="home")
            yield KioskButton(_("Somewhere else"), id="elsewhere")
            yield KioskButton(_("Search words"), id="words")
            yield KioskButton(_("Language"), id="language")
        yield Static(self._title(), id="results-title")
        notice = Notice(id="notice")
        if self.problem:
            notice.show(self.problem)
        yield notice
        with Vertical(id="rows"):
            yield from self._page_widgets()
        pages = len(self._pages())
        with Horizontal(id="pager"):
            yield KioskButton(_("▲ Back a page"), id="previous", disabled=self.page == 0)
            yield Static(self._page_number(pages), id="page-number")
            if self.kiosk.speech_available:
                # Here rather than in the top bar, whose four buttons need the whole width.
                yield ReadAloudButton(_("Read aloud"), icon=self.kiosk.settings.icons)
            yield KioskButton(_("▼ More"), id="next", disabled=self.page >= pages - 1)
        strip = HelplineStrip(id="helplines")
        strip.show(_("Need to talk now?"), self.kiosk.helplines[:2], _("Ask a member of staff."))
        yield strip

    def _page_number(self, pages: int) -> Content:
        return literal(
            self._("Page {page} of {pages}").format(page=self.page + 1, pages=max(1, pages))
        )

    async def _show_page(self) -> None:
        """Swap in the current page's rows and update the title and pager, leaving the rest.

        Recomposing the whole screen for every page or result set costs more than the search
        itself; only the rows, the title and the pager change.
        """
        if not self.is_mounted:
            return
        pages = len(self._pages())
        rows = self.query_one("#rows", Vertical)
        with self.app.batch_update():
            await rows.remove_children()
            await rows.mount_all(self._page_widgets())
            rows.display = True
            self.query_one("#results-title", Static).update(self._title())
            notice = self.query_one(Notice)
            if self.problem:
                notice.show(self.problem)
            else:
                notice.clear()
            self.query_one("#page-number", Static).update(self._page_number(pages))
            self.query_one("#previous", Button).disabled = self.page == 0
            self.query_one("#next", Button).disabled = self.page >= pages - 1

    def _title(self) -> Content:
        _ = self._
        if self.results is None:
            return literal(_("Searching…") if not self.problem else "")
        parts = []
        if self.label:
            parts.append(self.label)
        elif self.text:
            parts.append(f"“{self.text}”")
        if self.results.place:
            parts.append(_("near {place}").format(place=self.results.place.name))
        return literal(" · ".join(parts))

    def _items(self) -> list[Item]:
        if self.results is None:
            return []
        _ = self._
        items: list[Item] = []
        if self.results.local:
            items.append((_("Near here"), None))
            items += [("local", r) for r in self.results.local]
        elif self.results.place:
            items.append((_("Nothing nearby. These can help by phone or online:"), None))
        if self.results.national:
            items.append((_("Helplines and national services"), None))
            items += [("national", r) for r in self.results.national]
        if not items:
            items.append((_("Nothing found. Try another word or another place."), None))
        return items

    def _pages(self) -> list[list[Item]]:
        room = max(ROW_HEIGHT + 1, self.size.height - CHROME_ROWS) if self.size.height else 17
        pages: list[list[Item]] = [[]]
        used = 0
        for item in self._items():
            height = 1 if item[1] is None else ROW_HEIGHT
            if used + height > room and pages[-1]:
                pages.append([])
                used = 0
            pages[-1].append(item)
            used += height
        # A heading alone at the bottom of a page belongs on the next one.
        for index in range(len(pages) - 1):
            if pages[index] and pages[index][-1][1] is None:
                pages[index + 1].insert(0, pages[index].pop())
        return [p for p in pages if p] or [[]]

    def _page_widgets(self) -> list[Widget]:
        pages = self._pages()
        self.page = min(self.page, len(pages) - 1)
        widgets: list[Widget] = []
        speak = self.kiosk.speech_available
        for label, result in pages[self.page]:
            if result is None:
                widgets.append(Static(literal(label), classes="heading"))
            elif speak:
                lines = self._row_lines(result)
                icon = self.kiosk.settings.icons
                say = SpeakResultButton(list(lines), icon=icon, label=self._("Read aloud"))
                widgets.append(Horizontal(ResultRow(result, lines), say, classes="result-line"))
            else:
                widgets.append(ResultRow(result, self._row_lines(result)))
        return widgets

    def _row_lines(self, result: ServiceResult) -> tuple[str, str, str]:
        _ = self._
        middle = []
        words = presentation(self.language)
        if result.distance_km is not None:
            place = self.results.place if self.results else None
            country = place.country if place else None
            middle.append(words.distance_away(result.distance_km, country))
        elif result.scope == "national":
            place = self.results.place if self.results else None
            middle.append(words.area_label(result.areas, place.area if place else None))
        if result.town and result.distance_km is not None:
            middle.append(result.town)
        if result.phones:
            middle.append(f"☎ {result.phones[0].number}")
        return result.name, " · ".join(middle), words.checked(result.assured_date)

    async def on_resize(self, event: events.Resize) -> None:
        """Repage for the new height."""
        if self.results is not None:
            await self._show_page()

    # Not exclusive: a search replaced by a newer one finishes (in milliseconds) and its answer
    # is dropped by the generation check, rather than being cancelled mid-query.
    @work(thread=True, exit_on_error=False, group="search")
    def search(self) -> None:
        """Search in a thread and post the results back."""
        _ = self._
        generation = self.generation
        try:
            found = self.backend.search(
                self.language, category=self.category, near=self.near, text=self.text
            )
        except PlaceNotFound:
            self.post_message(
                self.Failed(_("We could not find that place. Try another one."), generation)
            )
            return
        except DirectoryError:
            self.post_message(
                self.Failed(
                    _("Sorry, searching is not working just now. Please ask a member of staff."),
                    generation,
                )
            )
            return
        key = found.categories[0] if found.categories else None
        label = self.backend.label(key, self.language) if key else ""
        self.post_message(self.Loaded(found, label, generation))
        self.backend.record("search", keyword=self.category or "", language=self.language)

    async def on_results_screen_loaded(self, message: ResultsScreen.Loaded) -> None:
        """Show the first page."""
        if message.generation != self.generation:
            return
        self.results = message.results
        self.label = message.label
        self.problem = ""
        await self._show_page()

    async def on_results_screen_failed(self, message: ResultsScreen.Failed) -> None:
        """Say what went wrong; the buttons still work."""
        if message.generation != self.generation:
            return
        self.problem = message.problem
        self.results = None
        await self._show_page()

    async def language_changed(self) -> None:
        """Redraw in the new language and fetch translated results, staying on this page."""
        await self.recompose()
        self.search()

    @on(Button.Pressed, "#next")
    async def _next(self) -> None:
        if self.page < len(self._pages()) - 1:
            self.page += 1
            await self._show_page()

    @on(Button.Pressed, "#previous")
    async def _previous(self) -> None:
        if self.page > 0:
            self.page -= 1
            await self._show_page()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#elsewhere")
    def _elsewhere(self) -> None:
        self.app.push_screen(EntryScreen("place"), self._new_place)

    @on(Button.Pressed, "#words")
    def _words(self) -> None:
        self.app.push_screen(EntryScreen("text"), self._new_words)

    def _new_place(self, typed: Typed | None) -> None:
        if typed:
            self.near = typed.text
            self._restart()

    def _new_words(self, typed: Typed | None) -> None:
        if typed:
            self.category, self.text = typed.category, None if typed.category else typed.text
            self._restart()

    def _restart(self) -> None:
        self._clear()
        self.search()

    @on(ResultRow.Selected)
    def _open(self, event: ResultRow.Selected) -> None:
        self.app.push_screen(DetailScreen(event.service_id))
