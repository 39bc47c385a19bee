"""The kiosk app: screens, global bindings, the language and the idle reset. Nothing else."""

from __future__ import annotations

import gc
import importlib
import logging
import math
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.theme import Theme
from textual.widgets import Button

from directory import Category, ServiceResult
from directory.text.i18n import language_name
from kiosk.backend import Backend
from kiosk.clock import Clock, SystemClock
from kiosk.desk import Desk
from kiosk.i18n import Translator
from kiosk.pin_guard import PinGuard
from kiosk.screens.base import KioskScreenMixin
from kiosk.screens.home import HomeScreen
from kiosk.settings import KioskSettings
from kiosk.speech.speaker import Speaker
from kiosk.speech.words import script
from kiosk.staff_mode import StaffMode
from kiosk.staff_session import StaffSession

if TYPE_CHECKING:
    from kiosk.screens.base import KioskHost
    from kiosk.screens.results import ResultsScreen

# Screens and libraries the first screen does not need: imported just after it is drawn (in a
# thread), so that the kiosk starts sooner and the first tap does not wait for them.
WARM_UP_AFTER = 0.5
WARM_UP_MODULES = (
    "kiosk.screens.results",
    "kiosk.screens.detail",
    "kiosk.screens.entry",
    "kiosk.screens.visiting",
    "kiosk.screens.staff_exit",
    "kiosk.screens.staff.home",
    "kiosk.screens.still_there",
    "kiosk.screens.about",
    "qrcode",
    "babel.dates",
    "directory.guides",
    "directory.understanding",
    "directory.state.outbox",
)

log = logging.getLogger(__name__)

HIGH_CONTRAST = Theme(
    name="waypost-contrast",
    primary="#FFD700",
    secondary="#FFFFFF",
    accent="#FFD700",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    warning="#FFD700",
    error="#FF6B6B",
    success="#7CFC00",
    dark=True,
)


HERE = Path(__file__).resolve().parent
SCREEN_CSS = ("home", "results", "detail", "entry", "text_me", "about")


class KioskApp(StaffMode, App[None], inherit_bindings=False):
    """The touchscreen kiosk: locked down, reset when idle, in the family's language."""

    # Every screen's .tcss is read at start, in one parse. A screen's own CSS_PATH would make
    # Textual re-parse all the CSS the first time each screen is shown, and the
    # screens' rules apply app-wide once loaded anyway. Absolute: subclasses live elsewhere.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        str(HERE / "app.tcss"),
        *(str(HERE / "screens" / f"{name}.tcss") for name in SCREEN_CSS),
    ]
    TITLE = "Waypost"
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    # Staff with a keyboard: F12 opens the PIN prompt (as do five taps on the centre's name).
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f12", "staff_exit", show=False)]

    language: reactive[str] = reactive("en", init=False)

    def __init__(
        self, settings: KioskSettings, *, clock: Clock | None = None, tick_seconds: float = 1.0
    ) -> None:
        super().__init__()
        self.settings = settings
        self.clock: Clock = clock or SystemClock()
        self.backend = Backend(settings, self.clock)
        # The first home screen's data is read while Textual starts (parsing CSS, starting its
        # driver), not after the screen is drawn.
        self.backend.prefetch_home(settings.default_language)
        self.set_reactive(KioskApp.language, settings.default_language)
        self._start_in_theme(HIGH_CONTRAST)
        self.translator = Translator(settings.default_language)
        # Wrong staff PINs count across PIN screens, idle resets and restarts (kiosk/pin_guard.py).
        self.pin_guard = PinGuard(self.clock, settings.admin_pin_hash, settings.state_db)
        self.texts_this_session = 0  # "Text me this" per family, up to texts_per_session
        self.helplines: list[ServiceResult] = []
        self.categories: list[Category] = []
        self.last_input = self.clock.now()
        self.pristine = True
        self.errors_recovered = 0
        self._tick_seconds = tick_seconds
        self._results: ResultsScreen | None = None
        self.desk = Desk(settings, self.backend, self.clock)
        # The volunteer's visit to the desk (staff mode); None in the families' mode.
        self.staff: StaffSession | None = None
        self.speaker = Speaker(
            sink=Path(settings.speech_sink) if settings.speech_sink else None,
            rate=settings.speech_rate,
            volume=settings.speech_volume,
            volume_range=(settings.speech_volume_min, settings.speech_volume_max),
        )
        self._tap_cut_speech = False

    def run(self, *args: Any, **kwargs: Any) -> None:
        """Run the kiosk until staff leave it."""
        # What is loaded by now (modules, classes, settings) lives as long as the kiosk. Out of
        # the collector's reach, it is not walked by each full collection while the first screen
        # is drawn (see docs/performance.md).
        gc.freeze()
        try:
            return super().run(*args, **kwargs)
        finally:
            # The process ends next. Its last garbage collection would walk every object the
            # kiosk made only for the operating system to free them all anyway.
            gc.freeze()

    def _start_in_theme(self, theme: Theme) -> None:
        # Setting `self.theme` would make Textual parse all the CSS again and restyle every
        # widget once the app starts, delaying the first screen. Before the start
        # nothing is parsed yet, so the stylesheet can simply take the theme's variables;
        # the rest is what Textual's theme watcher does (both themes are dark, so the ANSI
        # colour mapping stays as it is).
        self.register_theme(theme)
        self.set_reactive(App.theme, theme.name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(True, f"-theme-{theme.name}", update=False)
        self.set_class(theme.dark, "-dark-mode", update=False)
        self.set_class(not theme.dark, "-light-mode", update=False)

    @property
    def texting_available(self) -> bool:
        """Only where texts are really sent: the explicit `texting` setting (with its key)."""
        return self.settings.texting and self.settings.hash_key is not None

    @property
    def speech_available(self) -> bool:
        """Read-aloud is on for this centre and espeak-ng is installed."""
        return self.settings.read_aloud and self.speaker.available

    def on_mount(self) -> None:
        """The home screen, and the idle timer."""
        self.push_screen(HomeScreen())
        self.set_interval(self._tick_seconds, self.idle_tick)
        self.set_timer(WARM_UP_AFTER, self._warm_up)

    def _warm_up(self) -> None:
        self.run_worker(_import_later_modules, thread=True, group="warm-up", exit_on_error=False)

    async def on_event(self, event: events.Event) -> None:
        """Note every tap or key: it means someone is using the kiosk."""
        if isinstance(event, events.InputEvent) and not isinstance(event, events.MouseMove):
            self.last_input = self.clock.now()
            self.pristine = False
            if isinstance(event, events.MouseDown | events.Key):
                # Any tap stops the voice: the family has moved on. A tap on "Read aloud"
                # while it speaks is therefore a stop, not a restart.
                self._tap_cut_speech = self.speaker.stop()
        await super().on_event(event)

    def choose_language(self, language: str) -> None:
        """Switch every screen to the language (a screen's language buttons call this)."""
        self.language = language

    def remember_home(self, helplines: list[ServiceResult], categories: list[Category]) -> None:
        """Keep the home screen's helplines and categories for the other screens."""
        self.helplines = helplines
        self.categories = categories

    def say(self, lines: list[str]) -> None:
        """Read lines aloud in the current language, in the background."""
        if self.speech_available:
            self.speaker.say(script(lines, self.language, self.translator), self.language)

    @on(Button.Pressed, "#read-aloud")
    def _read_screen(self, event: Button.Pressed) -> None:
        event.stop()
        if not self._tap_cut_speech and isinstance(self.screen, KioskScreenMixin):
            self.say(self.screen.speech_lines())

    @on(Button.Pressed, ".say-result")
    def _read_result(self, event: Button.Pressed) -> None:
        event.stop()
        if not self._tap_cut_speech:
            self.say(list(getattr(event.button, "lines", [])))

    @on(Button.Pressed, "#louder")
    def _louder(self, event: Button.Pressed) -> None:
        event.stop()
        self.speaker.louder()
        self.say([self.translator("Louder")])

    @on(Button.Pressed, "#quieter")
    def _quieter(self, event: Button.Pressed) -> None:
        event.stop()
        self.speaker.quieter()
        self.say([self.translator("Quieter")])

    def watch_language(self, language: str) -> None:
        """Switch every open screen to the new language, keeping its place."""
        self.translator = Translator(language)
        # Said in its own language, so that someone who cannot read any of the names on the
        # buttons still hears which language they chose.
        self.say([language_name(language)])
        for screen in self.screen_stack:
            if isinstance(screen, KioskScreenMixin):
                # On the screen's own queue, so that its redraw never overlaps its handling of
                # data arriving from a worker (both change the same widgets).
                screen.call_later(screen.language_changed)
        if self._results is not None and self._results not in self.screen_stack:
            self.call_later(self._drop_results)

    def show_results(
        self, *, category: str | None = None, near: str | None = None, text: str | None = None
    ) -> None:
        """Search and show the results, reusing one results screen.

        Building a results screen costs more than the search itself, so the screen is kept
        (installed) and only its rows change from one search to the next.
        """
        from kiosk.screens.results import ResultsScreen

        screen = self._results
        if screen is None:
            screen = self._results = ResultsScreen()
            self.install_screen(screen, "results")
        elif screen in self.screen_stack:
            screen = ResultsScreen()  # already open further down: a separate one for now
        self.push_screen(screen.ask(category=category, near=near, text=text))

    async def _drop_results(self) -> None:
        # The kept results screen is in the old language, or holds the last family's search.
        # One on screen follows the language itself and is dropped at the next reset.
        screen = self._results
        if screen is None or screen in self.screen_stack:
            return
        self._results = None
        self.uninstall_screen(screen)
        if screen.is_attached:
            await screen.remove()

    async def idle_tick(self) -> None:
        """Warn after a quiet spell, then start again for the next family."""
        if self.pristine:
            return
        from kiosk.screens.staff_exit import StaffExitScreen
        from kiosk.screens.still_there import StillThereScreen

        idle = self.clock.now() - self.last_input
        if self.staff is not None:
            # Staff mode has no "still there?": a desk left open goes straight back to families.
            if idle >= self.settings.staff_idle_seconds:
                self.desk_action("leave-idle")
                await self.reset_session()
            return
        limit = self.settings.idle_seconds
        warning = limit - self.settings.idle_warning_seconds
        top = self.screen
        if idle >= limit:
            await self.reset_session()
        elif idle >= warning:
            left = math.ceil(limit - idle)
            if isinstance(top, StillThereScreen):
                top.count(left)
            elif not isinstance(top, StaffExitScreen):
                await self.push_screen(StillThereScreen(left))
        elif isinstance(top, StillThereScreen):
            top.dismiss(None)

    async def reset_session(self, *, family_done: bool = True) -> None:
        """Back to a fresh home screen in the default language, with everything typed gone.

        A family's session ends here: it is counted once, in the language it ended in (not when
        staff leave the desk, nor when the staff PIN opens it: `family_done=False`).
        """
        if family_done and self.staff is None and not self.pristine:
            self.backend.record("session", language=self.language)
        self.staff = None  # staff mode ends with every reset: families never see a staff screen
        self.speaker.stop()
        self.speaker.volume = self.settings.speech_volume
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        if self.language != self.settings.default_language:
            self.set_reactive(KioskApp.language, self.settings.default_language)
            self.translator = Translator(self.settings.default_language)
        if len(self.screen_stack) > 1:
            await self.switch_screen(HomeScreen())
        else:  # only Textual's blank default screen is left: the home screen goes back on top
            await self.push_screen(HomeScreen())
        await self._drop_results()
        self.texts_this_session = 0
        self.pristine = True
        self.last_input = self.clock.now()

    def go_home(self) -> None:
        """Back to the home screen, keeping the language."""
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def _handle_exception(self, error: Exception) -> None:
        # A kiosk must never leave a family looking at a traceback or a shell: log it, count it,
        # and start again from a fresh home screen.
        if not self.is_running or self._exit_renderables:
            super()._handle_exception(error)
            return
        log.error("unexpected error; resetting the kiosk", exc_info=error)
        self.errors_recovered += 1
        self.call_later(self.reset_session)

    def on_unmount(self) -> None:
        """Stop speaking and close the directory."""
        self.speaker.stop()
        self.backend.close()


def _import_later_modules() -> None:
    for name in WARM_UP_MODULES:
        importlib.import_module(name)
    # Everything loaded so far (modules, classes, the first screen) lives as long as the kiosk.
    # Out of the collector's reach, full collections stay short instead of being felt as
    # stalls after a tap (docs/performance.md).
    gc.freeze()


if TYPE_CHECKING:

    def _serves_the_screens(app: KioskApp) -> KioskHost:
        # mypy checks here that the app gives the screens everything KioskHost promises.
        return app
