"""Staff mode's part of the app: the PIN opens the desk; leaving, or its idle reset, closes it.

A mixin of KioskApp, so that app.py keeps to screens, bindings, language and the families'
idle reset. Staff screens post messages (LeaveDesk, VolunteerNamed, StaffLanguageChosen);
only these handlers change the app's staff state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.staff_session import StaffSession

if TYPE_CHECKING:
    from textual.app import App

    from kiosk.desk import Desk
    from kiosk.screens.staff.base import LeaveDesk
    from kiosk.screens.staff.home import StaffLanguageChosen, VolunteerNamed
    from kiosk.screens.staff_exit import StaffExitScreen
    from kiosk.settings import KioskSettings

    _Base = App[None]
else:
    _Base = object


class StaffMode(_Base):
    """The staff gesture's action and the staff screens' message handlers."""

    desk: Desk
    settings: KioskSettings
    staff: StaffSession | None
    pristine: bool

    if TYPE_CHECKING:

        async def reset_session(self, *, family_done: bool = True) -> None:
            """Back to a fresh families' home (defined by KioskApp)."""

    def action_staff_exit(self) -> None:
        """Ask for the staff PIN."""
        from kiosk.screens.staff_exit import StaffExitScreen

        if self.staff is None and not isinstance(self.screen, StaffExitScreen):
            self.push_screen(StaffExitScreen())

    async def on_staff_exit_screen_unlocked(self, message: StaffExitScreen.Unlocked) -> None:
        """The right PIN: open the desk over a fresh families' home, in the staff language."""
        from kiosk.screens.staff.home import StaffHomeScreen

        await self.reset_session(family_done=False)  # staff at the kiosk: no family session
        self.staff = StaffSession(self.settings.staff_language)
        self.pristine = False
        self.run_worker(self.desk.start_visit, thread=True, group="desk-audit", exit_on_error=False)
        await self.push_screen(StaffHomeScreen())

    async def on_leave_desk(self, message: LeaveDesk) -> None:
        """Staff are done: close the kiosk, or back to the families' home with nothing kept."""
        if message.close_kiosk:
            self.desk_action("close-kiosk")
            await self.workers.wait_for_complete()
            self.exit()
            return
        self.desk_action("leave")
        await self.reset_session()

    def on_volunteer_named(self, message: VolunteerNamed) -> None:
        """The volunteer typed their name (once per visit; it goes into the audit log)."""
        if self.staff is not None:
            self.staff.volunteer = message.name

    async def on_staff_language_chosen(self, message: StaffLanguageChosen) -> None:
        """Staff screens in another language."""
        if self.staff is not None:
            self.staff.switch_language(message.language)
            await self.screen.recompose()

    def desk_action(self, action: str, detail: str = "") -> None:
        """Write a staff action to the audit log, in a thread (it never blocks a tap)."""
        volunteer = self.staff.volunteer if self.staff is not None else ""
        self.run_worker(
            lambda: self.desk.audit(action, detail, volunteer),
            thread=True,
            group="desk-audit",
            exit_on_error=False,
        )
