"""The flow of one text: parse, check opt-outs and limits, search, reply, remember.

Everything a text changes (its MessageSid, the opt-out list, the rate counter, the session, the
usage counts and the stored reply) is written in one transaction: a message is handled once, in
full, or not at all.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass

from directory.db.connections import ContentDB, transaction
from directory.errors import DirectoryError
from directory.lookup.categories import category_label, keyword_index, list_categories
from directory.lookup.keywords import primary_keyword
from directory.lookup.places import resolve_place
from directory.lookup.search import national_services, search_services
from directory.lookup.services import get_service, helplines, prison_visiting
from directory.models import Place, ServiceResult
from directory.state.dedup import claim_message, prune_messages, seen_message, store_reply
from directory.state.optouts import is_opted_out, opt_in, opt_out
from directory.state.privacy import hash_sender
from directory.state.ratelimit import count_text, prune_rates
from directory.state.sms_sessions import (
    Session,
    end_session,
    load_session,
    prune_sessions,
    save_session,
)
from sms_gateway import replies
from sms_gateway import templates as t
from sms_gateway.gsm import count_segments
from sms_gateway.parser import Command, parse
from sms_gateway.place_ref import PlaceRef
from sms_gateway.settings import GatewaySettings
from sms_gateway.tally import Tally
from sms_gateway.templates import Wording
from sms_gateway.twiml import EMPTY, twiml
from sms_gateway.vocabulary import COUNTRY_LANGUAGE

log = logging.getLogger(__name__)

PRUNE_EVERY = 500
MAX_REMEMBERED = 30
PRISON_TOPICS = ("visiting", "travel", "money")


@dataclass(frozen=True)
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


@dataclass
class _Turn:
    """Working state while one text is handled."""

    conn: sqlite3.Connection
    db: ContentDB
    sender_hash: str
    command: Command
    session: Session | None
    language: str
    now: float
    wording: Wording
    tally: Tally


class Line:
    """The SMS keyword line over one directory and one state database."""

    def __init__(self, settings: GatewaySettings) -> None:
        self.settings = settings
        self._key = settings.hash_key_bytes()
        self._default = settings.default_language
        self._handled = 0
        self._write_lock = threading.Lock()

    # -- entry points -------------------------------------------------------------------------

    def warm(self, db: ContentDB) -> None:
        """Fill the directory's and the wording's caches for every language before the first
        text: cold, a language's first menu or distress reply took 10-25 ms on the event loop,
        which every text queued behind it waited out (the p99 under load)."""
        keyword_index(db)
        for language in t.LANGUAGES:
            wording = Wording(language)
            _helpline(db, language)
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
        # hands over at once, instead of SQLite's busy handler, which sleeps 1-100 ms between
        # tries (measured: p99 over a second at 32 concurrent texts). busy_timeout still covers
        # other processes (the outbox sender, a kiosk).
        with self._write_lock, transaction(conn):
            # The MessageSid first: a retried delivery gets its stored reply without being
            # hashed or parsed again (~300 -> ~60 µs). Parsing reads only the directory; it
            # holds the write lock for well under a millisecond, a fuzzy guess ~20 ms.
            if msg.message_sid and not claim_message(conn, msg.message_sid, now):
                seen = seen_message(conn, msg.message_sid)
                return Outcome(None, (seen.reply if seen else None) or EMPTY, duplicate=True)
            sender_hash = hash_sender(msg.sender or "unknown", self._key)

            def expect_place() -> bool:
                session = load_session(conn, sender_hash, now)
                return session is not None and session.pending

            command = parse(msg.body, keyword_index(db), resolve, msg.from_country, expect_place)
            tally = Tally(command.language or command.country_language or self._default)
            reply = self._decide(conn, db, sender_hash, command, now, tally)
            tally.write(conn, reply)
            document = twiml(reply)
            if msg.message_sid:
                store_reply(conn, msg.message_sid, document)
            self._housekeeping(conn, now)
        return Outcome(reply, document)

    def unavailable(self, msg: Inbound) -> Outcome:
        """The reply when the directory cannot be opened."""
        language = parse_language_hint(msg.from_country) or self.settings.default_language
        reply = replies.prompt(Wording(language), t.UNAVAILABLE)
        return Outcome(reply, twiml(reply))

    def failed(self, msg: Inbound) -> Outcome:
        """The short generic reply after an unexpected error."""
        language = parse_language_hint(msg.from_country) or self.settings.default_language
        reply = replies.prompt(Wording(language), t.ERROR)
        return Outcome(reply, twiml(reply))

    # -- the decision -------------------------------------------------------------------------

    def _decide(
        self,
        conn: sqlite3.Connection,
        db: ContentDB,
        sender_hash: str,
        command: Command,
        now: float,
        tally: Tally,
    ) -> str | None:
        if command.action in ("stop", "start"):
            return self._opt_commands(conn, db, sender_hash, command, now, tally)
        if is_opted_out(conn, sender_hash):
            return None
        if command.action == "help" and command.exact and not self.settings.answer_exact_help:
            return None  # Twilio answers an exact HELP or INFO itself
        count = count_text(conn, sender_hash, now, self.settings.rate_limit_window_seconds)
        limit = self.settings.rate_limit_count
        if count > limit + 1:
            return None
        session = load_session(conn, sender_hash, now)
        language = self._language(command, session)
        tally.language = language
        turn = _Turn(
            conn, db, sender_hash, command, session, language, now, Wording(language), tally
        )
        if count == limit + 1:
            tally.add("rate_limited")
            return replies.prompt(turn.wording, t.PLEASE_WAIT)
        reply = self._answer(turn)
        if command.distress:
            reply = replies.with_distress(turn.wording, _helpline(db, language), reply)
            turn.tally.add("distress", language=language)
        return reply

    def _opt_commands(
        self, conn: sqlite3.Connection, db: ContentDB, sender_hash: str, command: Command,
        now: float, tally: Tally,
    ) -> str | None:  # fmt: skip
        """Opt-out and opt-in: exact keywords silently, a near miss confirmed once."""
        language = command.language or command.country_language or self.settings.default_language
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
        example = w.clean(f"{primary_keyword(db, 'housing', language)} BN7")
        return replies.prompt(w, t.STARTED, example=example)

    def _language(self, command: Command, session: Session | None) -> str:
        if command.language:
            return command.language
        if session is not None:
            return session.language
        return command.country_language or self.settings.default_language

    def _answer(self, turn: _Turn) -> str:
        c = turn.command
        if c.action in ("help", "empty"):
            return self._menu(turn)
        if c.action == "more":
            return self._more(turn)
        if c.action == "details":
            return self._details(turn, c.number or 0)
        if c.action == "query":
            return self._query(turn)
        pending = turn.session is not None and turn.session.pending
        if c.place_missing and (pending or c.place_suggestions):
            return self._place_not_found(turn)
        turn.tally.add("not_understood", language=turn.language, found=False)
        return self._menu(turn)

    # -- replies ------------------------------------------------------------------------------

    def _example_for(self, turn: _Turn) -> str:
        return turn.wording.clean(f"{primary_keyword(turn.db, 'housing', turn.language)} BN7")

    def _menu(self, turn: _Turn) -> str:
        topics = [
            turn.wording.clean(primary_keyword(turn.db, c.key, turn.language))
            for c in list_categories(turn.db, turn.language)
        ]
        turn.tally.add("menu", language=turn.language)
        return replies.menu(
            turn.wording, self._example_for(turn), topics, _helpline(turn.db, turn.language)
        )

    def _place_not_found(self, turn: _Turn) -> str:
        w = turn.wording
        text = replies.prompt(w, t.PLACE_NOT_FOUND, example=self._example_for(turn))
        suggestions = [w.clean(s.text) for s in turn.command.place_suggestions[:2]]
        if suggestions:
            longer = text + "\n" + w(t.DID_YOU_MEAN, places=" / ".join(suggestions))
            if count_segments(longer).segments == 1:
                text = longer
        turn.tally.add("place_not_found", language=turn.language, found=False)
        return text

    def _query(self, turn: _Turn) -> str:
        c, s = turn.command, turn.session
        if c.category and c.place:
            return self._search(turn, c.category, PlaceRef.of(c.place), 0, 0, [])
        if c.category:
            if c.place_missing:
                self._remember_pending(turn, c.category)
                return self._place_not_found(turn)
            if s is not None and not s.pending and s.latitude is not None:
                return self._search(turn, c.category, PlaceRef.of_session(s), 0, 0, [])
            self._remember_pending(turn, c.category)
            topic = category_label(turn.db, c.category, turn.language, short=True)
            keyword = primary_keyword(turn.db, c.category, turn.language)
            turn.tally.add("ask_place", keyword=c.category, language=turn.language)
            return replies.prompt(turn.wording, t.ASK_PLACE, topic=topic, keyword=keyword)
        assert c.place is not None
        if s is not None and s.pending and s.category:
            return self._search(turn, s.category, PlaceRef.of(c.place), 0, 0, [])
        if c.place.kind == "prison" and c.place.prison:
            return self._prison(turn, c.place.prison, c.place.outcode or c.place.name)
        return self._topics_near(turn, PlaceRef.of(c.place))

    def _remember_pending(self, turn: _Turn, category: str) -> None:
        save_session(
            turn.conn,
            Session(turn.sender_hash, turn.language, category, pending=True),
            turn.now,
            self.settings.session_seconds,
        )

    def _search(
        self, turn: _Turn, category: str, place: PlaceRef, offset: int, first_index: int,
        shown: list[str],
    ) -> str:  # fmt: skip
        per_page = self.settings.results_per_page
        found = search_services(
            turn.db,
            near=place.as_place(),
            category=category,
            language=turn.language,
            limit=per_page + 1,
            offset=offset,
            national_limit=0,
        )
        local = found.local[:per_page]
        has_more = len(found.local) > per_page
        # National services fill a first page that is short of local ones; looked up only then
        # (most pages are full of local results).
        national = (
            national_services(turn.db, category, turn.language, per_page - len(local))
            if offset == 0 and len(local) < per_page
            else []
        )
        topic = category_label(turn.db, category, turn.language, short=True)
        w = turn.wording
        page = replies.results_page(
            w,
            topic=w.clean(topic),
            place=w.clean(place.short_name),
            local=local,
            national=national,
            first_number=first_index + 1,
            has_more=has_more,
            miles=place.country == "GB",
        )
        ids = shown + [r.service_id for r in local] + [r.service_id for r in national]
        save_session(
            turn.conn,
            Session(
                turn.sender_hash, turn.language, category, False, place.name, place.latitude,
                place.longitude, place.outcode, place.country, offset + len(local),
                has_more, ids[-MAX_REMEMBERED:], place.prison,
            ),
            turn.now,
            self.settings.session_seconds,
        )  # fmt: skip
        turn.tally.add(
            "search" if offset == 0 else "more", keyword=category, area=place.outcode or "",
            language=turn.language, found=bool(local or national),
        )  # fmt: skip
        return page

    def _more(self, turn: _Turn) -> str:
        s = turn.session
        if s is None or s.pending or not s.category or s.latitude is None:
            return replies.prompt(turn.wording, t.NOTHING_TO_SHOW, example=self._example_for(turn))
        if not s.has_more or s.page_offset >= 100:
            return replies.prompt(turn.wording, t.NO_MORE, example=self._example_for(turn))
        place = PlaceRef.of_session(s)
        return self._search(turn, s.category, place, s.page_offset, len(s.result_ids), s.result_ids)

    def _details(self, turn: _Turn, number: int) -> str:
        s = turn.session
        if s is None or not (1 <= number <= len(s.result_ids)):
            return replies.prompt(
                turn.wording, t.NO_SUCH_RESULT, number=number, example=self._example_for(turn)
            )
        try:
            detail = get_service(turn.db, s.result_ids[number - 1], turn.language)
        except DirectoryError:
            return replies.prompt(
                turn.wording, t.NO_SUCH_RESULT, number=number, example=self._example_for(turn)
            )
        turn.tally.add("details", keyword=s.category or "", language=turn.language)
        return replies.details(turn.wording, detail)

    def _prison(self, turn: _Turn, nomis: str, area: str) -> str:
        visiting = prison_visiting(turn.db, nomis)
        topics = [
            turn.wording.clean(primary_keyword(turn.db, key, turn.language))
            for key in PRISON_TOPICS
        ]
        turn.tally.add("prison", keyword="visiting", area=visiting.address.postal_code,
                       language=turn.language, found=True)  # fmt: skip
        return replies.prison_page(turn.wording, visiting, topics, area)

    def _topics_near(self, turn: _Turn, place: PlaceRef) -> str:
        found = search_services(
            turn.db, near=place.as_place(), language=turn.language, limit=40, national_limit=0
        )
        keys: list[str] = []
        for r in found.local:
            keys.extend(k for k in r.categories if k not in keys)
        order = [c.key for c in list_categories(turn.db, turn.language)]
        keys = sorted(keys, key=order.index) if keys else order
        topics = [turn.wording.clean(primary_keyword(turn.db, k, turn.language)) for k in keys]
        turn.tally.add("place_only", area=place.outcode or "", language=turn.language,
                       found=bool(found.local))  # fmt: skip
        example = turn.wording.clean(f"{topics[0]} {place.outcode or place.short_name}")
        return replies.topics_near(turn.wording, turn.wording.clean(place.short_name), topics,
                                   example)  # fmt: skip

    def _housekeeping(self, conn: sqlite3.Connection, now: float) -> None:
        self._handled += 1
        if self._handled % PRUNE_EVERY == 1:
            prune_messages(conn, now)
            prune_sessions(conn, now)
            prune_rates(conn, now, self.settings.rate_limit_window_seconds)


def _helpline(db: ContentDB, language: str) -> ServiceResult | None:
    """The first national 24-hour helpline, looked up once per directory file and language."""

    def first(db: ContentDB) -> ServiceResult | None:
        found = helplines(db, language, limit=1)
        return found[0] if found else None

    return db.cached(f"sms-helpline:{language}", first)


def parse_language_hint(country: str) -> str | None:
    """The language a sender's country suggests, if any."""
    return COUNTRY_LANGUAGE.get((country or "").upper())
