"""The dialogue of one text: claim and count it, parse it, honour opt-outs and limits, answer.

A text is claimed (MessageSid) and counted (rate limit, burst guard) in a first short
transaction, before it is parsed: a flood costs no parsing and no place guessing. It is parsed
with no transaction open (a misspelt place's guess never holds the write lock), and everything else
it changes (the opt-out list, the session, the usage counts and the stored reply) is written in
a second transaction. A text whose second step never ran keeps its claim with no stored reply,
so a retry gets silence rather than a second answer. What the answer says is
`sms_gateway.answers`.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass

from directory.db.connections import ContentDB, transaction
from directory.guides.keywords import guide_words
from directory.lookup.categories import category_label, keyword_index, list_categories
from directory.lookup.keywords import primary_keyword
from directory.lookup.places import resolve_place
from directory.lookup.topics import example_query
from directory.models import Place
from directory.state.dedup import prune_messages, store_reply
from directory.state.optouts import opt_in, opt_out
from directory.state.privacy import hash_sender
from directory.state.ratelimit import prune_bursts, prune_rates
from directory.state.sms_sessions import Session, end_session, load_session, prune_sessions
from directory.understanding import Understanding, interpret
from sms_gateway import answers, replies
from sms_gateway import templates as t
from sms_gateway.admission import Admission, Duplicate, admit, finish_silently, unread
from sms_gateway.parser import Command, parse
from sms_gateway.settings import GatewaySettings
from sms_gateway.tally import Tally
from sms_gateway.templates import Wording
from sms_gateway.twiml import EMPTY, twiml
from sms_gateway.vocabulary import COUNTRY_LANGUAGE

PRUNE_EVERY = 500  # texts between prunings of expired sessions, MessageSids and rate counts


@dataclass(frozen=True, kw_only=True)
class Inbound:
    """The parts of Twilio's webhook the line uses."""

    message_sid: str
    sender: str
    body: str
    from_country: str = ""
    num_media: int = 0


@dataclass(frozen=True)
class Outcome:
    """What the line answered: the text (None for silence) and its TwiML."""

    reply: str | None
    twiml: str
    duplicate: bool = False
    understood: Understanding | None = None  # what the interpreter read (for `sms try --json`)


class Line:
    """The SMS keyword line over one directory and one state database."""

    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        self._key = settings.hash_key_bytes()
        self._rules = answers.Rules(
            results_per_page=settings.results_per_page, session_seconds=settings.session_seconds
        )
        self._handled = 0
        self._write_lock = threading.Lock()

    def warm(self, db: ContentDB) -> None:
        """Fill the directory's and the wording's caches for every language before the first
        text: a cold cache would be paid by the first texts, and by every text queued behind
        them on the event loop."""
        keyword_index(db)
        for language in t.LANGUAGES:
            wording = Wording(language)
            answers.helpline(db, language)
            for category in list_categories(db, language):
                primary_keyword(db, category.key, language)
                category_label(db, category.key, language, short=True)
            for msgid in (*t.PROMPTS.values(), *t.PAGE_PARTS.values()):
                wording.raw(msgid)
        # The understanding's vocabulary and the guide words are built on first use too.
        interpret(db, "visits")
        guide_words(db)

    def respond(self, conn: sqlite3.Connection, db: ContentDB, msg: Inbound, now: float) -> Outcome:
        """Handle one text: claim and count it, read it, answer it; a retried MessageSid
        gets the stored reply and changes nothing."""
        step = self.admit(conn, msg, now)
        if isinstance(step, Outcome):
            return step
        command, understood = self.understand(db, msg, step)
        return self.finish(conn, db, msg, step, command, now, understood)

    def admit(self, conn: sqlite3.Connection, msg: Inbound, now: float) -> Admission | Outcome:
        """Claim and count the text before reading it: an Outcome when it is already answered
        (a retry, or silence during a flood), else what `finish` needs to know."""
        sender_hash = hash_sender(msg.sender or "unknown", self._key)
        # One writer at a time inside this process: threads queue on a Python lock, which
        # hands over at once, instead of SQLite's busy handler, which sleeps between tries.
        # busy_timeout still covers other processes (the outbox sender, a kiosk).
        with self._write_lock, transaction(conn):
            step = admit(conn, self.settings, msg.message_sid, sender_hash, now)
            if isinstance(step, Duplicate):
                return Outcome(None, step.twiml, duplicate=True)
            if unread(step, msg.body):
                finish_silently(conn, msg.message_sid)
                return Outcome(None, EMPTY)
        return step

    def understand(
        self, db: ContentDB, msg: Inbound, step: Admission
    ) -> tuple[Command, Understanding | None]:
        """Read the text, with no state transaction open: a misspelt place's guess (tens of
        ms) never holds the state database's write lock. The web route runs this, like the
        rest of a text's work, in the line's worker thread, off the event loop."""
        hint = msg.from_country or None

        def resolve(text: str, fuzzy: bool) -> Place:
            return resolve_place(db, text, country_hint=hint, fuzzy=fuzzy)

        read: list[Understanding] = []

        def understand(text: str) -> Understanding:
            read.append(interpret(db, text, country_hint=hint))
            return read[-1]

        command = parse(
            msg.body,
            keyword_index(db),
            resolve,
            msg.from_country,
            lambda: step.pending,
            guides=guide_words(db),
            understand=understand,
        )
        return command, (read[-1] if read else None)

    def finish(
        self,
        conn: sqlite3.Connection,
        db: ContentDB,
        msg: Inbound,
        step: Admission,
        command: Command,
        now: float,
        understood: Understanding | None = None,
    ) -> Outcome:
        """Decide and write everything else the text changes, in one transaction."""
        with self._write_lock, transaction(conn):
            tally = Tally(command.language or command.country_language or self._default)
            reply = self._decide(conn=conn, db=db, step=step, command=command, now=now, tally=tally)
            tally.write(conn, reply)
            document = twiml(reply)
            if msg.message_sid:
                store_reply(conn, msg.message_sid, document, typed=msg.body)
            self._housekeeping(conn, now)
        return Outcome(reply, document, understood=understood)

    def unavailable(self, conn: sqlite3.Connection, msg: Inbound, now: float) -> Outcome:
        """The reply when the directory cannot be opened: claimed, counted, limited and kept
        for retries like any other reply, and never sent to a sender who opted out."""
        return self._fallback(conn, msg, now, t.UNAVAILABLE, "unavailable", None)

    def failed(
        self, conn: sqlite3.Connection, msg: Inbound, now: float, step: Admission | None
    ) -> Outcome:
        """The short generic reply after an unexpected error, under the same rules."""
        return self._fallback(conn, msg, now, t.ERROR, "error", step)

    def plain(self, msg: Inbound, msgid: str) -> Outcome:
        """The fallback reply with no state at all (the state database itself failed)."""
        reply = replies.prompt(Wording(self._fallback_language(msg)), msgid)
        return Outcome(reply, twiml(reply))

    def _fallback_language(self, msg: Inbound) -> str:
        return parse_language_hint(msg.from_country) or self._default

    def _fallback(
        self,
        conn: sqlite3.Connection,
        msg: Inbound,
        now: float,
        msgid: str,
        event: str,
        step: Admission | None,
    ) -> Outcome:
        language = self._fallback_language(msg)
        with self._write_lock, transaction(conn):
            if step is None:
                sender_hash = hash_sender(msg.sender or "unknown", self._key)
                got = admit(conn, self.settings, msg.message_sid, sender_hash, now)
                if isinstance(got, Duplicate):
                    return Outcome(None, got.twiml, duplicate=True)
                step = got
            tally = Tally(language)
            reply: str | None = None
            if not (step.opted_out or step.quiet):
                wait = step.please_wait
                reply = replies.prompt(Wording(language), t.PLEASE_WAIT if wait else msgid)
                tally.add("rate_limited" if wait else event)
            tally.write(conn, reply)
            document = twiml(reply)
            if msg.message_sid:
                store_reply(conn, msg.message_sid, document, typed=msg.body)
        return Outcome(reply, document)

    @property
    def _default(self) -> str:
        return self.settings.default_language

    def _decide(
        self,
        *,
        conn: sqlite3.Connection,
        db: ContentDB,
        step: Admission,
        command: Command,
        now: float,
        tally: Tally,
    ) -> str | None:
        """Whether to answer at all (opt-outs, Twilio's own HELP, the limits), then how."""
        sender_hash = step.sender_hash
        if command.action in ("stop", "start"):
            return self._opt_commands(
                conn=conn, db=db, step=step, command=command, now=now, tally=tally
            )
        if step.opted_out:
            return None
        if command.action == "help" and command.exact and not self.settings.answer_exact_help:
            return None  # Twilio answers an exact HELP or INFO itself
        if step.quiet:
            return None
        session = load_session(conn, sender_hash, now)
        language = choose_language(command, session, self._default)
        tally.language = language
        if session is None:
            tally.add("session", language=language)  # the report counts conversations
        wording = Wording(language)
        if step.please_wait:
            tally.add("rate_limited")
            return replies.prompt(wording, t.PLEASE_WAIT)
        turn = answers.Turn(
            conn=conn,
            db=db,
            sender_hash=sender_hash,
            command=command,
            session=session,
            language=language,
            now=now,
            wording=wording,
            tally=tally,
            rules=self._rules,
        )
        reply = answers.answer(turn)
        if command.distress:
            reply = replies.with_distress(wording, answers.helpline(db, language), reply)
            tally.add("distress", language=language)
        return reply

    def _opt_commands(
        self,
        *,
        conn: sqlite3.Connection,
        db: ContentDB,
        step: Admission,
        command: Command,
        now: float,
        tally: Tally,
    ) -> str | None:
        """Opt-out and opt-in: exact keywords silently, a near miss confirmed once (and, like
        any reply, not past the rate limit or during a burst)."""
        sender_hash = step.sender_hash
        language = command.language or command.country_language or self._default
        if command.action == "stop":
            newly = opt_out(conn, sender_hash, "exact" if command.exact else "near", now)
            end_session(conn, sender_hash)
            if newly:
                tally.add("optout", language=language)
            if command.exact or not newly or step.limited:
                return None  # Twilio confirms exact keywords; a near miss is confirmed once
            return replies.prompt(Wording(language), t.STOPPED)
        if opt_in(conn, sender_hash):
            tally.add("optin", language=language)
        if command.exact or step.quiet:
            return None
        w = Wording(language)
        if step.please_wait:
            tally.add("rate_limited")
            return replies.prompt(w, t.PLEASE_WAIT)
        return replies.prompt(w, t.STARTED, example=w.clean(example_query(db, language)))

    def _housekeeping(self, conn: sqlite3.Connection, now: float) -> None:
        self._handled += 1
        if self._handled % PRUNE_EVERY == 1:
            prune_messages(conn, now)
            prune_sessions(conn, now)
            prune_rates(conn, now, self.settings.rate_limit_window_seconds)
            prune_bursts(conn, now, self.settings.burst_seconds)


def choose_language(command: Command, session: Session | None, default: str) -> str:
    """The reply's language: a language word in the text, else the session's, else the
    sender's country's, else the line's default."""
    if command.language:
        return command.language
    if session is not None:
        return session.language
    return command.country_language or default


def parse_language_hint(country: str) -> str | None:
    """The language a sender's country suggests, if any."""
    return COUNTRY_LANGUAGE.get((country or "").upper())
