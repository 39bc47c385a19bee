"""What is happening to you? The stages a family goes through, and one stage's guide.

Tap a stage (just arrested, at court, on remand or just sentenced, moved, coming home); the
nation buttons choose the legal system (the centre's own first). Tap-only, in the kiosk's language.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import DirectoryError
from directory.guides import NATIONS, STAGES, StageGuide
from directory.text.presentation import presentation
from kiosk.literal import Line, bold, heading, lines, literal
from kiosk.screens.base import KioskScreen, ScrollingScreen
from kiosk.widgets.kiosk_button import KioskButton


class StagesScreen(KioskScreen):
    """Choose what is happening: five stages and the nation."""

    DEFAULT_CSS = """
    StagesScreen { padding: 0 1; }
    StagesScreen #stages-bar, StagesScreen #nations { height: 3; }
    StagesScreen #stages-bar > Button, StagesScreen #nations > Button { width: 1fr; height: 3; }
    StagesScreen #stage-list { height: 1fr; }
    StagesScreen #stage-list > Button { width: 100%; height: 3; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.nation = ""

    def compose(self) -> ComposeResult:
        """Home and language, the question, the stages and the nations."""
        _ = self._
        if not self.nation:
            self.nation = self.backend.centre_nation()
        label = self.backend.guide_label
        with Horizontal(id="stages-bar"):
            yield KioskButton(_("Home"), id="home")
            yield KioskButton(_("Language"), id="language")
        yield Static(literal(_("What is happening to you?")), id="stages-title")
        with Vertical(id="stage-list"):
            for stage in STAGES:
                yield KioskButton(label(f"stage.{stage}", self.language), id=f"stage-{stage}")
        with Horizontal(id="nations"):
            for nation in NATIONS:
                yield KioskButton(
                    label(f"nation.{nation}", self.language),
                    id=f"nation-{nation}",
                    classes="-primary" if nation == self.nation else "",
                )

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#nations > Button")
    async def _nation(self, event: Button.Pressed) -> None:
        self.nation = (event.button.id or "").removeprefix("nation-")
        await self.recompose()

    @on(Button.Pressed, "#stage-list > Button")
    def _stage(self, event: Button.Pressed) -> None:
        stage = (event.button.id or "").removeprefix("stage-")
        self.app.push_screen(StageScreen(stage, self.nation))


class StageScreen(ScrollingScreen):
    """One stage's guide for one nation, and the kinds of service that help then."""

    SCROLL_ID = "stage-text"

    DEFAULT_CSS = """
    StageScreen { padding: 0 1; }
    StageScreen #stage-bar, StageScreen #stage-actions, StageScreen #stage-help { height: 3; }
    StageScreen #stage-bar > Button, StageScreen #stage-actions > Button { width: 1fr; height: 3; }
    StageScreen #stage-actions > #up, StageScreen #stage-actions > #down { width: 7; }
    StageScreen #stage-help > Button { width: 1fr; min-width: 10; height: 3; }
    StageScreen #stage-text { height: 1fr; }
    """

    class Loaded(Message):
        """The stage's guide arrived (None when the directory could not be read)."""

        def __init__(self, guide: StageGuide | None) -> None:
            super().__init__()
            self.guide = guide

    def __init__(self, stage: str, nation: str) -> None:
        super().__init__()
        self.stage = stage
        self.nation = nation
        self.guide: StageGuide | None = None
        self.reported = False

    def compose(self) -> ComposeResult:
        """Back, home and language; the text; the help; This was wrong."""
        _ = self._
        with Horizontal(id="stage-bar"):
            yield KioskButton(_("Back"), id="back")
            yield KioskButton(_("Home"), id="home")
            yield KioskButton(_("Language"), id="language")
        with VerticalScroll(id="stage-text"):
            yield Static(self._text(), id="stage-content")
        with Horizontal(id="stage-help"):
            for key, label in self.guide.help_categories if self.guide else []:
                yield KioskButton(label, id=f"help-{key}")
        with Horizontal(id="stage-actions"):
            yield KioskButton("▲", id="up")
            yield KioskButton("▼", id="down")
            yield KioskButton(
                _("Thank you") if self.reported else _("This was wrong"),
                id="wrong",
                disabled=self.reported or self.guide is None,
            )

    def _text(self) -> Content:
        _ = self._
        g = self.guide
        if g is None:
            return lines([_("Loading...")])
        out: list[Line] = [bold(f"{g.title} ({g.nation_name})"), "", g.text, ""]
        if g.sources:
            out.append(heading(_("Sources")))
            out += list(g.sources)
        out.append(presentation(self.language).checked(g.checked))
        if g.help_categories:
            out += ["", heading(g.help_title)]
        return lines(out)

    def on_mount(self) -> None:
        """Fetch the stage."""
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="stage")
    def load(self) -> None:
        """Read the stage's guide in a thread."""
        try:
            guide: StageGuide | None = self.backend.stage_guide(
                self.stage, self.nation, self.language
            )
        except DirectoryError:
            guide = None
        self.post_message(self.Loaded(guide))

    async def on_stage_screen_loaded(self, message: StageScreen.Loaded) -> None:
        """Show it."""
        self.guide = message.guide
        await self.recompose()

    async def language_changed(self) -> None:
        """Refetch in the new language."""
        await self.recompose()
        self.load()

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.kiosk.go_home()

    @on(Button.Pressed, "#stage-help > Button")
    def _help(self, event: Button.Pressed) -> None:
        self.kiosk.show_results(category=(event.button.id or "").removeprefix("help-"))

    @on(Button.Pressed, "#wrong")
    async def _wrong(self) -> None:
        if self.reported or self.guide is None:
            return
        self.reported = True
        self.backend.said_wrong("stage", self.stage, self.nation)
        await self.recompose()
