"""The dialogue of one text: claim it once, parse it, honour opt-outs and limits, answer, count.

Everything a text changes (its MessageSid, the opt-out list, the rate counter, the session, the
usage counts and the stored reply) is written in one transaction: a message is handled once, in
full, or not at all. What the answer says is `sms_gateway.answers`.
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
from directory.state.dedup import claim_message, prune_messages, seen_message, store_reply
from directory.state.optouts import is_opted_out, opt_in, opt_out
from directory.state.privacy import hash_sender
from directory.state.ratelimit import count_text, prune_rates
from directory.state.sms_sessions import Session, end_session, load_session, prune_sessions
from directory.understanding import Understanding, interpret
from sms_gateway import answers, replies
from sms_gateway import templates as t
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

    def respond(self, conn: sqlite3.Connection, db: ContentDB, msg: Inbound, now: float) -> Outcome:
        """Handle one text; a retried MessageSid gets the stored reply and changes nothing."""
        hint = msg.from_country or None

        def resolve(text: str, fuzzy: bool) -> Place:
            return resolve_place(db, text, country_hint=hint, fuzzy=fuzzy)

        # One writer at a time inside this process: threads queue on a Python lock, which
        # hands over at once, instead of SQLite's busy handler, which sleeps between tries.
        # busy_timeout still covers other processes (the outbox sender, a kiosk).
        with self._write_lock, transaction(conn):
            # The MessageSid first: a retried delivery gets its stored reply without being
            # hashed or parsed again.
            if msg.message_sid and not claim_message(conn, msg.message_sid, now):
                seen = seen_message(conn, msg.message_sid)
                return Outcome(None, (seen.reply if seen else None) or EMPTY, duplicate=True)
            sender_hash = hash_sender(msg.sender or "unknown", self._key)

            read: list[Understanding] = []

            def understand(text: str) -> Understanding:
                read.append(interpret(db, text, country_hint=hint))
                return read[-1]

            def expect_place() -> bool:
                session = load_session(conn, sender_hash, now)
                return session is not None and session.pending

            command = parse(
                msg.body,
                keyword_index(db),
                resolve,
                msg.from_country,
                expect_place,
                guides=guide_words(db),
                understand=understand,
            )
            tally = Tally(command.language or command.country_language or self._default)
            reply = self._decide(
                conn=conn, db=db, sender_hash=sender_hash, command=command, now=now, tally=tally
            )
            tally.write(conn, reply)
            document = twiml(reply)
            if msg.message_sid:
                store_reply(conn, msg.message_sid, document)
            self._housekeeping(conn, now)
        return Outcome(reply, document, understood=read[-1] if read else None)

    def unavailable(self, msg: Inbound) -> Outcome:
        """The reply when the directory cannot be opened."""
        return self._fallback(msg, t.UNAVAILABLE)

    def failed(self, msg: Inbound) -> Outcome:
        """The short generic reply after an unexpected error."""
        return self._fallback(msg, t.ERROR)

    @property
    def _default(self) -> str:
        return self.settings.default_language

    def _fallback(self, msg: Inbound, msgid: str) -> Outcome:
        language = parse_language_hint(msg.from_country) or self._default
        reply = replies.prompt(Wording(language), msgid)
        return Outcome(reply, twiml(reply))

    def _decide(
        self,
        *,
        conn: sqlite3.Connection,
        db: ContentDB,
        sender_hash: str,
        command: Command,
        now: float,
        tally: Tally,
    ) -> str | None:
        """Whether to answer at all (opt-outs, Twilio's own HELP, the rate limit), then how."""
        if command.action in ("stop", "start"):
            return self._opt_commands(
                conn=conn, db=db, sender_hash=sender_hash, command=command, now=now, tally=tally
            )
        if is_opted_out(conn, sender_hash):
            return None
        if command.action == "help" and command.exact and not self.settings.answer_exact_help:
            return None  # Twilio answers an exact HELP or INFO itself
        count = count_text(conn, sender_hash, now, self.settings.rate_limit_window_seconds)
        limit = self.settings.rate_limit_count
        if count > limit + 1:
            return None
        session = load_session(conn, sender_hash, now)
        language = choose_language(command, session, self._default)
        tally.language = language
        wording = Wording(language)
        if count == limit + 1:
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
        sender_hash: str,
        command: Command,
        now: float,
        tally: Tally,
    ) -> str | None:
        """Opt-out and opt-in: exact keywords silently, a near miss confirmed once."""
        language = command.language or command.country_language or self._default
        if command.action == "stop":
            newly = opt_out(conn, sender_hash, "exact" if command.exact else "near", now)
            end_session(conn, sender_hash)
            if newly:
                tally.add("optout", language=language)
            if command.exact or not newly:
                return None  # Twilio confirms exact keywords; a near miss is confirmed once
            return replies.prompt(Wording(language), t.STOPPED)
        if opt_in(conn, sender_hash):
            tally.add("optin", language=language)
        if command.exact:
            return None
        w = Wording(language)
        return replies.prompt(w, t.STARTED, example=w.clean(example_query(db, language)))

    def _housekeeping(self, conn: sqlite3.Connection, now: float) -> None:
        self._handled += 1
        if self._handled % PRUNE_EVERY == 1:
            prune_messages(conn, now)
            prune_sessions(conn, now)
            prune_rates(conn, now, self.settings.rate_limit_window_seconds)


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
