"""The directory's health at a glance, and "Sync now" with its progress and plain outcome."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, ProgressBar, Static

from kiosk.desk_health import Health, SyncOutcome, read_health, sync_now
from kiosk.screens.staff.base import StaffScreen
from kiosk.screens.staff.printer_words import state_words
from kiosk.widgets.kiosk_button import KioskButton


class HealthRead(Message):
    """Everything the screen shows, read in a thread."""

    def __init__(self, health: Health, printer: tuple[str, str, str], today: dict[str, str]):
        super().__init__()
        self.health = health
        self.printer = printer
        self.today = today


class SyncProgress(Message):
    """A step of the sync: downloading or checking, done of total."""

    def __init__(self, step: str, done: int, total: int) -> None:
        super().__init__()
        self.step = step
        self.done = done
        self.total = total


class SyncFinished(Message):
    """The sync ended."""

    def __init__(self, outcome: SyncOutcome) -> None:
        super().__init__()
        self.outcome = outcome


class HealthScreen(StaffScreen):
    """Version, syncs, printer, outbox, the SMS line and today's counts; "Sync now"."""

    DEFAULT_CSS = """
    HealthScreen { padding: 0 1; }
    HealthScreen #health-text { height: auto; }
    HealthScreen #health-scroll { height: 1fr; }
    HealthScreen #sync-progress { height: 1; display: none; }
    HealthScreen #sync-progress.-running { display: block; }
    HealthScreen #sync-outcome { height: auto; text-style: bold; }
    HealthScreen .health-row { height: 3; }
    HealthScreen .health-row > Button { width: 1fr; height: 3; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.outcome = ""
        self.syncing_now = False

    def compose(self) -> ComposeResult:
        """The facts, the progress bar and the buttons."""
        _ = self._
        with VerticalScroll(id="health-scroll"):
            yield Static(Content(self.text or _("Reading…")), id="health-text")
        yield ProgressBar(total=None, show_eta=False, id="sync-progress")
        yield Static(Content(self.outcome), id="sync-outcome")
        with Horizontal(classes="health-row"):
            yield KioskButton(_("Sync now"), id="sync-now")
            yield KioskButton(_("Check again"), id="health-refresh")
            yield KioskButton(_("Back"), id="back")

    def on_mount(self) -> None:
        """Read the facts."""
        self.read()

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk-health")
    def read(self) -> None:
        """Read everything in a thread (CUPS and the SMS line may take a moment)."""
        health = read_health(self.kiosk.settings, self.backend)
        self.post_message(HealthRead(health, self.desk.printer(), self.desk.today_counts()))

    def on_health_read(self, message: HealthRead) -> None:
        """Show the facts as plain lines."""
        self.text = self._describe(message)
        self.query_one("#health-text", Static).update(Content(self.text))

    def _describe(self, message: HealthRead) -> str:
        _ = self._
        h = message.health
        lines = [
            _("Directory version {version}, built {built}.").format(
                version=h.version, built=h.built_at[:16].replace("T", " ")
            )
        ]
        if not h.syncing:
            lines.append(_("This kiosk does not sync: its directory is kept here."))
        elif h.last_sync is None:
            lines.append(_("No sync recorded yet."))
        else:
            s = h.last_sync
            lines.append(
                _("Last sync: {when} from {source}.").format(
                    when=s.at[:16].replace("T", " "), source=s.source
                )
            )
            lines.append(self._outcome_words(s.outcome, s.version))
            lines.append(
                _("The release's signature was checked.")
                if s.signed
                else _("Signatures are not checked (no release key is set).")
            )
        if h.syncing:
            lines.append(
                _("Next sync: {when}.").format(when=h.next_sync)
                if h.next_sync
                else _("Next sync: no timer found on this machine.")
            )
            lines.append(
                _("Checks waiting for the keepers: {count}.").format(count=h.checks_waiting)
            )
        queue, state, _detail = message.printer
        lines.append(
            _("Printer {queue}: {state}").format(queue=queue or "-", state=state_words(_, state))
        )
        lines.append(
            _("Texts waiting to send: {queued}; failed: {failed}.").format(
                queued=h.outbox_queued, failed=h.outbox_failed
            )
        )
        if h.sms_line:
            lines.append(
                _("SMS line: working.") if h.sms_line == "ok" else _("SMS line: not answering.")
            )
        t = message.today
        today = _("Today: {searches} searches, {prints} cards printed, {texts} texts sent.")
        lines.append(today.format(searches=t["search"], prints=t["print"], texts=t["text"]))
        lines.append(_("SMS questions today: {sms}. (Under 5 shows as <5.)").format(sms=t["sms"]))
        return "\n".join(lines)

    def _outcome_words(self, outcome: str, version: str) -> str:
        _ = self._
        if outcome == "installed":
            return _("Installed directory version {version}.").format(version=version)
        if outcome == "up-to-date":
            return _("The directory was already up to date.")
        if outcome == "older":
            return _("The release offered was older than this directory; it was refused.")
        if outcome == "not-set-up":
            return _("No sync address is set for this kiosk.")
        return _("The sync failed; the directory was not changed.")

    @on(Button.Pressed, "#health-refresh")
    def _refresh(self) -> None:
        self.read()

    @on(Button.Pressed, "#sync-now")
    def _sync(self) -> None:
        if self.syncing_now:
            return
        self.syncing_now = True
        self.query_one(ProgressBar).add_class("-running")
        self._say(self._("Syncing…"))
        self.run_sync()

    @work(thread=True, exclusive=True, exit_on_error=False, group="desk-sync")
    def run_sync(self) -> None:
        """Sync in a thread, posting progress; the outcome is recorded with the audit log."""

        def progress(step: str, done: int, total: int) -> None:
            self.post_message(SyncProgress(step, done, total))

        outcome = sync_now(self.kiosk.settings, progress)
        self.desk.audit("sync", f"{outcome.outcome} {outcome.version}".strip(), self.volunteer)
        self.post_message(SyncFinished(outcome))

    def on_sync_progress(self, message: SyncProgress) -> None:
        """Move the bar."""
        bar = self.query_one(ProgressBar)
        bar.update(total=message.total or None, progress=message.done)

    def on_sync_finished(self, message: SyncFinished) -> None:
        """The plain outcome (with the core's own words on a failure), then read again."""
        self.syncing_now = False
        self.query_one(ProgressBar).remove_class("-running")
        outcome = message.outcome
        text = self._outcome_words(outcome.outcome, outcome.version)
        if outcome.outcome == "failed" and outcome.message:
            text += f" ({outcome.message})"
        self._say(text)
        self.read()

    def _say(self, text: str) -> None:
        self.outcome = text
        self.query_one("#sync-outcome", Static).update(Content(text))
