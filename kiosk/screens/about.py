"""About: what Waypost is, what it keeps, the directory's version and its data licences."""

from __future__ import annotations

import math
from datetime import date

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError
from kiosk.backend import AboutData
from kiosk.literal import Line, heading, lines, literal
from kiosk.screens.base import KioskScreen
from kiosk.screens.languages import LanguageScreen
from kiosk.widgets.helpline_strip import HelplineStrip
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.notice import Notice


def legal_paragraphs(attribution: str) -> list[str]:
    """The attribution text as paragraphs, its words untouched, re-flowed to the screen's width.

    The file is hard-wrapped for a text editor; on screen its lines are joined, except after a
    full stop, so that each statement ("Contains OS data © Crown copyright...") starts a line.
    A first paragraph that is only the file's English title is dropped: the screen has its own
    translated heading.
    """
    paragraphs = [p.strip() for p in attribution.replace("\r\n", "\n").split("\n\n") if p.strip()]
    if paragraphs and "\n" not in paragraphs[0] and "licences" in paragraphs[0].casefold():
        paragraphs = paragraphs[1:]
    flowed = []
    for paragraph in paragraphs:
        out = ""
        for line in (line.strip() for line in paragraph.splitlines()):
            if not out:
                out = line
            elif out.endswith("."):
                out += "\n" + line
            else:
                out += " " + line
        flowed.append(out)
    return flowed


def built_date(built_at: str, language: str) -> str:
    """The directory's build date in the language's own words, or "" if unknown."""
    try:
        day = date.fromisoformat(built_at[:10])
    except ValueError:
        return ""
    from babel.dates import format_date  # on first use: babel's date data is slow to import

    return str(format_date(day, "d MMMM yyyy", locale=language))


class Repage(Message):
    """The page height or the text's length changed: the pager must be worked out again."""


class AboutText(VerticalScroll):
    """The scrolling area: one page of text at a time."""

    def on_resize(self, event: events.Resize) -> None:
        """A new page height (sent after layout, when the sizes are known)."""
        self.post_message(Repage())


class AboutContent(Static):
    """The text itself."""

    def on_resize(self, event: events.Resize) -> None:
        """A new text length: the scrolling area's own size may not change, so it may not say."""
        self.post_message(Repage())


class AboutScreen(KioskScreen):
    """About Waypost, with paging buttons (swipe-scrolling does not work on every kiosk)."""

    class Loaded(Message):
        """The directory's version and attribution arrived."""

        def __init__(self, data: AboutData) -> None:
            super().__init__()
            self.data = data

    class Failed(Message):
        """The directory could not be read."""

    def __init__(self) -> None:
        super().__init__()
        self.data: AboutData | None = None
        self.failed = False
        self.page = 0

    def compose(self) -> ComposeResult:
        """Buttons, the heading, the text and the pager."""
        _ = self._
        with Horizontal(id="about-bar"):
            yield KioskButton(_("Home"), id="about-home")
            yield KioskButton(_("Language"), id="about-language")
        yield Static(literal(_("About Waypost")), id="about-title")
        notice = Notice(id="about-notice")
        if self.failed:
            notice.show(_("Sorry, these details cannot be shown just now."))
        yield notice
        with AboutText(id="about-text"):
            yield AboutContent(self._text(), id="about-content")
        with Horizontal(id="about-pager"):
            yield KioskButton(_("▲ Back a page"), id="about-previous", disabled=True)
            yield Static("", id="about-page-number")
            yield KioskButton(_("▼ More"), id="about-next", disabled=True)
        strip = HelplineStrip(id="about-helplines")
        strip.show(_("Need to talk now?"), self.kiosk.helplines[:2], _("Ask a member of staff."))
        yield strip

    def _text(self) -> Content:
        _ = self._
        out: list[Line] = [
            _(
                "Waypost helps families of people in prison find support: visits, travel, "
                "money, housing, children and someone to talk to."
            ),
            "",
            _(
                "Every entry shows when a person last checked it. Entries nobody has checked "
                "yet say so: please confirm them before you travel."
            ),
            "",
            _(
                "No history is kept and nothing you type is stored. If you ask for a text, "
                "your number is kept only until the text is sent. We only count how often "
                "each kind of help is looked up."
            ),
            "",
            _(
                "When nobody has touched the screen for a while, it clears everything and "
                "goes back to the start."
            ),
        ]
        data = self.data
        if data is None:
            return lines(out)
        version = [_("Directory version {version}").format(version=data.version)]
        when = built_date(data.built_at, self.language)
        if when:
            version.append(_("Updated {date}").format(date=when))
        out += ["", " · ".join(version)]
        out += ["", heading(_("Data sources and licences"))]
        if self.language != "en":
            out.append(_("These notices are legal text and are shown in English."))
        for paragraph in legal_paragraphs(data.attribution):
            out += ["", paragraph]
        return lines(out)

    def on_mount(self) -> None:
        """Fetch the directory's details."""
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="about")
    def load(self) -> None:
        """Read the version and attribution in a thread; post them back."""
        try:
            data = self.backend.about()
        except DirectoryError:
            self.post_message(self.Failed())
            return
        except Exception:
            self.log.error("about data failed")
            self.post_message(self.Failed())
            raise
        self.post_message(self.Loaded(data))

    def on_about_screen_loaded(self, message: AboutScreen.Loaded) -> None:
        """Show the version and the licences."""
        self.data = message.data
        self.failed = False
        self.query_one(Notice).clear()
        self.query_one(AboutContent).update(self._text())

    async def on_about_screen_failed(self, message: AboutScreen.Failed) -> None:
        """Say so, kindly; the explanation still shows."""
        self.failed = True
        await self.recompose()

    async def language_changed(self) -> None:
        """Redraw in the new language, from the first page."""
        self.page = 0
        await self.recompose()

    @on(Repage)
    def _text_changed(self) -> None:
        self._show_pager()

    def _pages(self) -> int:
        box = self.query_one(AboutText)
        height = box.scrollable_content_region.height
        if height <= 0:
            return 1
        return max(1, math.ceil(box.virtual_size.height / height))

    def _show_pager(self) -> None:
        """Scroll to the current page and update the page number and buttons."""
        if not self.is_mounted or not self.query(AboutText):
            return
        box = self.query_one(AboutText)
        pages = self._pages()
        self.page = min(self.page, pages - 1)
        box.scroll_to(
            y=self.page * box.scrollable_content_region.height, animate=False, immediate=True
        )
        self.query_one("#about-page-number", Static).update(
            literal(self._("Page {page} of {pages}").format(page=self.page + 1, pages=pages))
        )
        self.query_one("#about-previous", Button).disabled = self.page == 0
        self.query_one("#about-next", Button).disabled = self.page >= pages - 1

    @on(Button.Pressed, "#about-next")
    def _next(self) -> None:
        if self.page < self._pages() - 1:
            self.page += 1
            self._show_pager()

    @on(Button.Pressed, "#about-previous")
    def _previous(self) -> None:
        if self.page > 0:
            self.page -= 1
            self._show_pager()

    @on(Button.Pressed, "#about-home")
    def _home(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#about-language")
    def _language(self) -> None:
        self.app.push_screen(LanguageScreen())
