"""What every kiosk screen shares: the translator, the backend, and a language switch hook."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from kiosk.app import KioskApp
    from kiosk.backend import Backend


class KioskScreenMixin:
    """Shortcuts to the kiosk app, its backend and the current language's translator."""

    @property
    def kiosk(self) -> KioskApp:
        """The running kiosk app."""
        return cast("KioskApp", cast(Any, self).app)

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

    async def language_changed(self) -> None:
        """Redraw in the new language, keeping this screen's state (its place)."""
        await cast(Any, self).recompose()


class KioskScreen(KioskScreenMixin, Screen[None]):
    """A full kiosk screen."""


class KioskModal(KioskScreenMixin, ModalScreen[Any]):
    """A kiosk dialog over another screen."""
