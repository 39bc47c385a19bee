"""The printer's state and a failed job's reason in plain words (the staff screens share them)."""

from __future__ import annotations

from collections.abc import Callable

Gettext = Callable[[str], str]


def state_words(_: Gettext, state: str) -> str:
    """A CUPS queue state (printouts.printer.State) in a few words."""
    words = {
        "ready": _("Ready"),
        "printing": _("Printing"),
        "paused": _("Paused"),
        "out-of-paper": _("Out of paper"),
    }
    return words.get(state, _("Not available"))


def failure_words(_: Gettext, reason: str) -> str:
    """Why a print job failed (kiosk.desk.DeskPrintError.reason), and what to do."""
    words = {
        "paused": _("The printer is paused. Resume it in the printer settings, then try again."),
        "out-of-paper": _("The printer is out of paper. Fill the tray, then try again."),
        "no-such-printer": _("The kiosk's printer does not exist. Check the printer setting."),
        "no-cups": _("Printing is not installed on this kiosk."),
        "no-answer": _("The printer did not answer. Check that it is on and connected."),
        "cups-stopped": _("The print service is not running. Restart the kiosk's computer."),
        "no-centre": _("No centre prison is set, so there is no centre card."),
        "no-sms-number": _("No SMS number is set, so there is no poster."),
        "nothing-chosen": _("Tick at least one service first."),
    }
    return words.get(reason, _("The printer refused the job."))
