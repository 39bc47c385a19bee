"""What every kiosk screen shares: the translator, the backend, and a language switch hook.

Screens know the app only through `KioskHost`, the few things they read and ask of it; they do
not import the app (which imports them) or set its attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual import on
from textual.await_complete import AwaitComplete
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from directory import Category, ServiceResult
    from kiosk.backend import Backend
    from kiosk.clock import Clock
    from kiosk.desk import Desk
    from kiosk.i18n import Translator
    from kiosk.pin_guard import PinGuard
    from kiosk.settings import KioskSettings
    from kiosk.staff_session import StaffSession


class KioskHost(Protocol):
    """What the screens need from the kiosk app."""

    # "Text me this" in this family's session (capped; reset for the next family).
    texts_this_session: int

    @property
    def settings(self) -> KioskSettings: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def backend(self) -> Backend: ...

    @property
    def translator(self) -> Translator: ...

    @property
    def language(self) -> str: ...

    @property
    def helplines(self) -> list[ServiceResult]: ...

    @property
    def texting_available(self) -> bool: ...

    @property
    def speech_available(self) -> bool: ...

    @property
    def pin_guard(self) -> PinGuard: ...

    @property
    def desk(self) -> Desk: ...

    @property
    def staff(self) -> StaffSession | None: ...

    def choose_language(self, language: str) -> None:
        """Switch every screen to the language."""

    def remember_home(self, helplines: list[ServiceResult], categories: list[Category]) -> None:
        """Keep the home screen's helplines and categories for the other screens."""

    def show_results(
        self, *, category: str | None = None, near: str | None = None, text: str | None = None
    ) -> None:
        """Search and show the results."""

    def go_home(self) -> None:
        """Back to the home screen."""

    def action_staff_exit(self) -> None:
        """Ask for the staff PIN."""


class KioskScreenMixin:
    """Shortcuts to the kiosk app, its backend and the current language's translator."""

    @property
    def kiosk(self) -> KioskHost:
        """The running kiosk app."""
        return cast(KioskHost, cast(Any, self).app)

    @property
    def backend(self) -> Backend:
        """The directory access for workers."""
        return self.kiosk.backend

    @property
    def language(self) -> str:
        """The language shown now."""
        return self.kiosk.language

    def _(self, message: str) -> str:
        """The message in the current language."""
        return self.kiosk.translator(message)

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close this screen, but only while it is the one on top.

        Textual's own dismiss pops whichever screen is on top. A tap queued on a screen just
        before an idle reset took it away would then pop the home screen, and the next family
        would find a blank kiosk.
        """
        if cast(Any, self).app.screen is not self:
            return AwaitComplete.nothing()
        return cast(AwaitComplete, cast(Any, super()).dismiss(result))

    async def language_changed(self) -> None:
        """Redraw in the new language, keeping this screen's state (its place)."""
        await cast(Any, self).recompose()

    def speech_lines(self) -> list[str]:
        """What "Read aloud" says: the text this screen shows, top to bottom.

        Its words and tiles are read; its buttons for getting around (Back, Home, the pager)
        are not. Screens with more to say in a better order override this.
        """
        lines: list[str] = []
        for widget in cast(Any, self).query("*"):
            if not _shown(widget):
                continue
            if isinstance(widget, Button):
                if widget.has_class("tile") or widget.has_class("-primary"):
                    lines.append(str(getattr(widget.label, "plain", widget.label)))
            elif isinstance(widget, Static):
                lines.extend(str(getattr(widget.render(), "plain", "")).splitlines())
        return [line for line in lines if line.strip()]


def _shown(widget: Widget) -> bool:
    node: Any = widget
    while isinstance(node, Widget):
        if not (node.display and node.visible):
            return False
        node = node.parent
    return True


class KioskScreen(KioskScreenMixin, Screen[None]):
    """A full kiosk screen."""

    @on(Button.Pressed, "#language")
    def _choose_language(self) -> None:
        # Not imported at the top: the language screen is itself built on this module.
        from kiosk.screens.languages import LanguageScreen

        self.app.push_screen(LanguageScreen())


class ScrollingScreen(KioskScreen):
    """A screen of text taller than the kiosk, paged with its Up and Down buttons (touch
    scrolling is unreliable)."""

    SCROLL_ID: ClassVar[str]

    @on(Button.Pressed, "#up")
    def _up(self) -> None:
        self.query_one(f"#{self.SCROLL_ID}", VerticalScroll).scroll_page_up(animate=False)

    @on(Button.Pressed, "#down")
    def _down(self) -> None:
        self.query_one(f"#{self.SCROLL_ID}", VerticalScroll).scroll_page_down(animate=False)


class KioskModal(KioskScreenMixin, ModalScreen[Any]):
    """A kiosk dialog over another screen."""
