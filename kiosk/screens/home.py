"""Home: the centre's welcome, category tiles, visiting, languages and the helpline strip."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError
from kiosk.backend import HomeData
from kiosk.i18n import kiosk_languages
from kiosk.literal import literal
from kiosk.screens.base import KioskScreen
from kiosk.widgets.helpline_strip import HelplineStrip
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.language_bar import LanguageBar
from kiosk.widgets.notice import Notice
from kiosk.widgets.read_aloud_button import ReadAloudButton

if TYPE_CHECKING:
    from kiosk.screens.entry import Typed

STAFF_TAPS = 5  # taps on the centre's name, within STAFF_WINDOW seconds, open the staff exit
STAFF_WINDOW = 4.0
EARLY_HOME_WAIT = 0.2  # seconds the first screen waits for its data, else it is drawn without


class HomeScreen(KioskScreen):
    """The first screen a family sees."""

    # Nothing focused: on a touchscreen a focused (reversed) language button would look chosen.
    AUTO_FOCUS = ""

    class Loaded(Message):
        """The home data arrived from the directory."""

        def __init__(self, data: HomeData) -> None:
            super().__init__()
            self.data = data

    class Failed(Message):
        """The directory could not be read."""

    def __init__(self) -> None:
        super().__init__()
        self.data: HomeData | None = None
        self.failed = False
        self._title_taps: list[float] = []

    def compose(self) -> ComposeResult:
        """The welcome, languages, tiles, actions and helplines."""
        _ = self._
        settings = self.kiosk.settings
        if self.data is None and not self.failed:
            # Read while the kiosk was starting: the tiles are drawn with the screen. The read
            # is a few milliseconds, but starved while Textual starts (it waits for the GIL
            # after every SQLite call): waiting here lets it finish at once.
            self.data = self.backend.early_home(self.language, timeout=EARLY_HOME_WAIT)
        with Vertical(id="home-page"):
            name = settings.centre_name or _("Family support point")
            # A demo (public PIN and hash key) says so at the top of its first screen.
            yield Static(literal(f"DEMO · {name}" if settings.demo else name), id="centre-name")
            yield Static(
                literal(_("Welcome. Tap a picture to find help for you and your family.")),
                id="welcome",
            )
            yield LanguageBar(kiosk_languages(), self.language, id="languages")
            notice = Notice(id="notice")
            if self.failed:
                notice.show(
                    _(
                        "Sorry, the list of services cannot be opened just now. "
                        "Please ask a member of staff."
                    )
                )
            yield notice
            with Grid(id="tiles"):
                yield from self._tiles()
            with Horizontal(id="actions"):
                if self.data and self.data.visiting:
                    yield self._visiting_button()
                yield KioskButton(_("Somewhere else"), id="elsewhere")
                yield KioskButton(_("Search words"), id="words")
        # The About button sits beside the helplines: the strip's lines are short, and every
        # row above is needed at 80x30 (the welcome takes two rows in Greek or German).
        with Horizontal(id="home-footer"):
            strip = HelplineStrip(id="helplines")
            self._show_helplines(strip)
            yield strip
            if self.kiosk.speech_available:
                yield ReadAloudButton(_("Read aloud"), icon=self._icons())
            yield KioskButton(_("About"), id="about")

    def _tiles(self) -> list[KioskButton]:
        tiles = []
        for category in self.data.categories if self.data else []:
            icon = f"{category.icon} " if category.icon and self._icons() else ""
            tile = KioskButton(
                f"{icon}{category.short_label}", id=f"cat-{category.key}", classes="tile"
            )
            tile.styles.line_pad = 0  # Textual's CSS parser refuses `line-pad: 0`
            tiles.append(tile)
        if tiles:
            # The stages a family goes through (arrested, court, ...): in the tiles' last row,
            # where a 4-column grid of 15 categories leaves a space.
            stages = KioskButton(self._("What's happening?"), id="stages", classes="-primary")
            stages.styles.line_pad = 0
            tiles.append(stages)
        return tiles

    def _visiting_button(self) -> KioskButton:
        return KioskButton(self._("Visiting this prison"), id="visiting", classes="-primary")

    def _show_helplines(self, strip: HelplineStrip) -> None:
        _ = self._
        lines = self.data.helplines if self.data else []
        strip.show(_("Need to talk now?"), lines, _("Ask a member of staff."))

    def _icons(self) -> bool:
        # The Linux console cannot draw emoji; a plain label reads better than boxes.
        return self.kiosk.settings.icons and os.environ.get("TERM") != "linux"

    def on_mount(self) -> None:
        """Fetch the categories and helplines."""
        self._fit_tiles()
        if self.data is not None:
            self.post_message(self.Loaded(self.data))
        else:
            self.load()

    def on_resize(self, event: events.Resize) -> None:
        """Wider screens get more tiles per row."""
        self._fit_tiles()

    def _fit_tiles(self) -> None:
        try:
            tiles = self.query_one("#tiles", Grid)
            bar = self.query_one(LanguageBar)
        except Exception:
            return
        tiles.styles.grid_size_columns = 5 if self.size.width >= 110 else 4
        bar.fit(self.size.width - 2)

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def load(self) -> None:
        """Read the home data in a thread; post it back."""
        try:
            data = self.backend.early_home(self.language, timeout=None) or self.backend.home(
                self.language
            )
        except DirectoryError:
            self.post_message(self.Failed())
            return
        except Exception:
            self.log.error("home data failed")
            self.post_message(self.Failed())
            raise
        self.post_message(self.Loaded(data))

    async def on_home_screen_loaded(self, message: HomeScreen.Loaded) -> None:
        """Show the tiles."""
        composed = self.data
        self.data = message.data
        self.failed = False
        self.kiosk.remember_home(message.data.helplines, message.data.categories)
        if message.data is composed:
            return  # composed with this data already (read while the kiosk was starting)
        if not (self.query("#tiles") and self.query("#actions") and self.query(HelplineStrip)):
            await self.recompose()  # not composed yet
            self._fit_tiles()
            return
        # Only the tiles, the visiting button and the helplines change: mounting them is much
        # quicker than composing the whole screen again (the first screen appears sooner).
        with self.app.batch_update():
            self.query_one(Notice).clear()
            tiles = self.query_one("#tiles", Grid)
            await tiles.remove_children()
            await tiles.mount_all(self._tiles())
            visiting = self.query("#visiting")
            if message.data.visiting and not visiting:
                await self.query_one("#actions").mount(self._visiting_button(), before=0)
            elif not message.data.visiting:
                await visiting.remove()
            self._show_helplines(self.query_one(HelplineStrip))
        self._fit_tiles()

    async def on_home_screen_failed(self, message: HomeScreen.Failed) -> None:
        """Say so, kindly; the strip still shows staff can help."""
        self.failed = True
        await self.recompose()

    async def language_changed(self) -> None:
        """Redraw now, then fetch labels in the new language."""
        await self.recompose()
        self._fit_tiles()
        self.load()

    @on(LanguageBar.Chosen)
    def _language(self, event: LanguageBar.Chosen) -> None:
        self.kiosk.choose_language(event.language)

    @on(Button.Pressed, ".tile")
    def _tile(self, event: Button.Pressed) -> None:
        key = (event.button.id or "").removeprefix("cat-")
        self.kiosk.show_results(category=key)

    @on(Button.Pressed, "#stages")
    def _stages(self) -> None:
        from kiosk.screens.stages import StagesScreen

        self.app.push_screen(StagesScreen())

    @on(Button.Pressed, "#visiting")
    def _visiting(self) -> None:
        if self.data and self.data.visiting:
            from kiosk.screens.visiting import VisitingScreen

            self.app.push_screen(VisitingScreen(self.data.visiting))

    @on(Button.Pressed, "#about")
    def _about(self) -> None:
        from kiosk.screens.about import AboutScreen

        self.app.push_screen(AboutScreen())

    @on(Button.Pressed, "#elsewhere")
    def _elsewhere(self) -> None:
        from kiosk.screens.entry import EntryScreen

        self.app.push_screen(EntryScreen("place"), self._searched_place)

    @on(Button.Pressed, "#words")
    def _words(self) -> None:
        from kiosk.screens.entry import EntryScreen

        self.app.push_screen(EntryScreen("text"), self._searched_words)

    def _searched_place(self, typed: Typed | None) -> None:
        if typed:
            self.kiosk.show_results(near=typed.text)

    def _searched_words(self, typed: Typed | None) -> None:
        if typed:
            self.kiosk.show_results(category=typed.category, text=typed.text)

    def on_click(self, event: events.Click) -> None:
        """Count taps on the centre's name: the hidden way in for staff."""
        if event.widget is None or event.widget.id != "centre-name":
            return
        now = self.kiosk.clock.now()
        self._title_taps = [t for t in self._title_taps if now - t < STAFF_WINDOW] + [now]
        if len(self._title_taps) >= STAFF_TAPS:
            self._title_taps = []
            self.kiosk.action_staff_exit()
