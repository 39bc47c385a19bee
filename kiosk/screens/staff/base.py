"""What every staff screen shares: staff-mode translations, the desk, and the way out."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from kiosk.desk import Desk
from kiosk.screens.base import KioskScreenMixin
from kiosk.staff_session import StaffSession


class LeaveDesk(Message):
    """Staff are done: back to the families' home (or, with close_kiosk, end the kiosk)."""

    def __init__(self, *, close_kiosk: bool = False) -> None:
        super().__init__()
        self.close_kiosk = close_kiosk


class StaffMixin(KioskScreenMixin):
    """Staff screens speak the visit's staff language, not the families' one."""

    @property
    def desk(self) -> Desk:
        """The desk's jobs (for workers)."""
        return self.kiosk.desk

    @property
    def session(self) -> StaffSession:
        """This visit; a staff screen only exists while there is one."""
        session = self.kiosk.staff
        if session is None:  # an idle reset took the visit away under a queued tap
            return StaffSession(self.kiosk.settings.staff_language)
        return session

    @property
    def volunteer(self) -> str:
        """The name the volunteer typed, or ""."""
        return self.session.volunteer

    def _(self, message: str) -> str:
        """The message in the staff language."""
        return self.session.translator(message)

    async def language_changed(self) -> None:
        """A family's language change does not concern staff screens."""


class StaffScreen(StaffMixin, Screen[None]):
    """A full staff screen with a Back button (id "back") to the screen below."""

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.dismiss(None)


class StaffModal(StaffMixin, ModalScreen[Any]):
    """A staff dialog over another staff screen."""
