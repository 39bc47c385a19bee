"""Text me this: a phone keypad, a consent line, and a number used once and never kept."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from directory import ServiceDetail
from directory.state.outbox import NumberRefused, TextLimitReached, mobile_number
from kiosk.literal import literal
from kiosk.screens.base import KioskModal
from kiosk.text_message import compose_text
from kiosk.widgets.keypad import PHONE, Keypad
from kiosk.widgets.kiosk_button import KioskButton
from kiosk.widgets.notice import Notice

MAX_DIGITS = 16


class TextMeScreen(KioskModal):
    """Type a mobile number with taps, agree, and the details are queued as a text."""

    class Queued(Message):
        """The text was queued (ok) or could not be; `limited` when a cap said no."""

        def __init__(self, ok: bool, limited: bool = False) -> None:
            super().__init__()
            self.ok = ok
            self.limited = limited

    def __init__(self, detail: ServiceDetail) -> None:
        super().__init__()
        self.detail = detail
        self.number = ""
        self.sent = False

    def compose(self) -> ComposeResult:
        """The number, the keypad, the consent line and the buttons."""
        _ = self._
        with Vertical(id="text-me-panel"):
            yield Static(
                literal(_("Type your mobile number. We will text you these details.")),
                id="text-prompt",
            )
            yield Static(self._shown(), id="number")
            yield Notice(id="notice")
            yield Keypad([*PHONE, "⌫"], 3, id="phone-keypad")
            yield Static(
                literal(
                    _(
                        "We use your number once, to send this text, and then delete it. "
                        "We do not keep it."
                    )
                ),
                id="consent",
            )
            with Horizontal(id="text-actions"):
                yield KioskButton(_("Cancel"), id="cancel")
                yield KioskButton(_("Send the text"), id="send", classes="-primary")

    def _shown(self) -> Content:
        return literal(f" {self.number}" if self.number else " " + self._("(no number yet)"))

    def _set(self, number: str) -> None:
        self.number = number[:MAX_DIGITS]
        self.query_one("#number", Static).update(self._shown())
        self.query_one(Notice).clear()

    @on(Keypad.Tapped)
    def _key(self, event: Keypad.Tapped) -> None:
        if self.sent:
            return
        if event.key == "⌫":
            self._set(self.number[:-1])
        elif event.key != "+" or not self.number:
            self._set(self.number + event.key)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self._forget()
        self.dismiss(None)

    @on(Button.Pressed, "#send")
    def _send(self) -> None:
        if self.sent:
            self._forget()
            self.dismiss(None)
            return
        settings = self.kiosk.settings
        if self.kiosk.texts_this_session >= settings.texts_per_session:
            self._forget()
            self.query_one(Notice).show(self._limit_message())
            return
        try:
            # Checked here to answer at once; the core checks again before queueing.
            number = mobile_number(self.number, settings.text_regions)
        except NumberRefused:
            self.query_one(Notice).show(
                self._("That does not look like a UK mobile number. Please check it.")
                if settings.text_regions == ["GB"]
                else self._("That does not look like a mobile number we can text. Please check it.")
            )
            return
        centre = settings.centre_name if settings.text_names_centre else ""
        body = compose_text(self.detail, self._, self.language, centre)
        self._forget()
        self.kiosk.texts_this_session += 1
        self.query_one(Notice).show(self._("Sending…"))
        self.queue(number, body)

    def _limit_message(self) -> str:
        return self._(
            "Sorry, no more texts can be sent from here just now. Please ask a member of staff."
        )

    def _forget(self) -> None:
        # The number leaves the screen and memory as soon as it has been handed over.
        self.number = ""
        self.query_one("#number", Static).update(self._shown())

    @work(thread=True, exclusive=True, exit_on_error=False, group="text")
    def queue(self, number: str, body: str) -> None:
        """Queue the text in the state database (the SMS line's sender sends it)."""
        try:
            self.backend.queue_text(number, body, self.language)
        except (TextLimitReached, NumberRefused) as exc:
            self.post_message(self.Queued(False, limited=isinstance(exc, TextLimitReached)))
            return
        except Exception:
            self.log.error("queueing a text failed")
            self.post_message(self.Queued(False))
            raise
        finally:
            number = ""
        self.post_message(self.Queued(True))
        keyword = (self.detail.categories or [""])[0]
        self.backend.record("text", keyword=keyword, language=self.language)

    def on_text_me_screen_queued(self, message: TextMeScreen.Queued) -> None:
        """Confirm, or say kindly that texting is not working."""
        _ = self._
        notice = self.query_one(Notice)
        if message.ok:
            self.sent = True
            notice.show(_("Done. The text should reach your phone in a few minutes."))
            self.query_one("#send", Button).label = _("Finish")
        elif message.limited:
            notice.show(self._limit_message())
        else:
            notice.show(
                _("Sorry, we could not send the text just now. Please ask a member of staff.")
            )

    def on_unmount(self) -> None:
        """Never keep the number."""
        self.number = ""
