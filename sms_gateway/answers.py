"""The answers to an understood text: the menu, a page of results, details, a prison, topics.

The dialogue (sms_gateway.dialogue) decides whether a text is answered at all; these functions
decide what the answer says. They read the directory, remember the sender's place in their
session, note usage events, and leave composing within the segment budget to `replies`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from directory.db.connections import ContentDB
from directory.errors import DirectoryError
from directory.lookup.categories import category_label, list_categories
from directory.lookup.keywords import primary_keyword
from directory.lookup.search import national_services, search_services
from directory.lookup.services import get_service, helplines, prison_visiting
from directory.lookup.topics import PRISON_TOPICS, example_query, topics_near
from directory.models import Place, ServiceResult
from directory.state.sms_sessions import Session, save_session
from sms_gateway import guide_answers, replies
from sms_gateway import templates as t
from sms_gateway.gsm import count_segments
from sms_gateway.parser import Command
from sms_gateway.tally import Tally
from sms_gateway.templates import Wording

MAX_REMEMBERED = 30  # result ids kept for "INFO n"
MAX_OFFSET = 100  # MORE stops after this many results
# Topics whose services are national: answered without asking where the family lives.
NATIONAL_TOPICS = frozenset({"helplines"})


@dataclass(frozen=True)
class PlaceRef:
    """A place as a session keeps it: the gazetteer's name and coordinates."""

    name: str
    latitude: float
    longitude: float
    country: str
    outcode: str | None
    prison: str | None = None  # NOMIS code when the place names a prison

    @classmethod
    def of(cls, place: Place) -> PlaceRef:
        """From a resolved place."""
        return cls(
            place.name, place.latitude, place.longitude, place.country, place.outcode,
            place.prison,
        )  # fmt: skip

    @classmethod
    def of_session(cls, s: Session) -> PlaceRef:
        """From a stored session."""
        assert s.latitude is not None and s.longitude is not None
        return cls(
            s.place_name or "", s.latitude, s.longitude, s.country or "GB", s.outcode, s.prison
        )

    @property
    def short_name(self) -> str:
        """The name as a reply shows it."""
        # "BN7 1EA (HMP & YOI Lewes)" -> the part a phone user recognises, kept short.
        return self.name if len(self.name) <= 24 else self.name.split(" (")[0]

    def as_place(self) -> Place:
        """A Place to search from."""
        return Place("", "coordinates", self.name, self.latitude, self.longitude, self.country,
                     self.outcode, self.prison)  # fmt: skip


@dataclass(frozen=True)
class Rules:
    """The settings an answer needs."""

    results_per_page: int
    session_seconds: int


@dataclass
class Turn:
    """One text being answered: who, what they asked, in which language, and the counts."""

    conn: sqlite3.Connection
    db: ContentDB
    sender_hash: str
    command: Command
    session: Session | None
    language: str
    now: float
    wording: Wording
    tally: Tally
    rules: Rules


def answer(turn: Turn) -> str:
    """The reply to an understood (or not understood) text."""
    c = turn.command
    if c.action == "empty":
        return words_only(turn)
    if c.action == "help":
        return menu(turn)
    if c.action == "more":
        return more(turn)
    if c.action == "details":
        return details(turn, c.number or 0)
    if c.action == "query":
        return query(turn)
    if c.action == "guide" and c.guide:
        return guide_answers.guide(turn)
    if c.action == "wrong":
        return guide_answers.wrong(turn)
    pending = turn.session is not None and turn.session.pending
    if c.place_missing and (pending or c.place_suggestions):
        return place_not_found(turn)
    turn.tally.add("not_understood", language=turn.language, found=False)
    return not_understood(turn)


def words_only(turn: Turn) -> str:
    """A picture or an empty text: the line reads words; one segment."""
    example = turn.wording.clean(example_query(turn.db, turn.language))
    return replies.prompt(turn.wording, t.WORDS_ONLY, example=example)


def not_understood(turn: Turn) -> str:
    """Nothing understood: one example and the national helpline, in one segment (the topic
    list is what MENU sends)."""
    w = turn.wording
    example = w.clean(example_query(turn.db, turn.language))
    line = helpline(turn.db, turn.language)
    if line is None:
        return menu(turn)
    return replies.helpline_line(w, t.NOT_UNDERSTOOD, line, example=example)


def helpline(db: ContentDB, language: str) -> ServiceResult | None:
    """The first national 24-hour helpline, looked up once per directory file and language."""

    def first(db: ContentDB) -> ServiceResult | None:
        found = helplines(db, language, limit=1)
        return found[0] if found else None

    return db.cached(f"sms-helpline:{language}", first)


def example(turn: Turn) -> str:
    """The example text ("HOUSING BN7") in the sender's language."""
    return turn.wording.clean(example_query(turn.db, turn.language))


def menu(turn: Turn) -> str:
    """The short menu: the topics, an example and a helpline."""
    topics = [
        turn.wording.clean(primary_keyword(turn.db, c.key, turn.language))
        for c in list_categories(turn.db, turn.language)
    ]
    turn.tally.add("menu", language=turn.language)
    return replies.menu(turn.wording, example(turn), topics, helpline(turn.db, turn.language))


def place_not_found(turn: Turn) -> str:
    """The place was not understood: an example, and up to two guesses if they fit."""
    w = turn.wording
    text = replies.prompt(w, t.PLACE_NOT_FOUND, example=example(turn))
    suggestions = [w.clean(s.text) for s in turn.command.place_suggestions[:2]]
    if suggestions:
        longer = text + "\n" + w(t.DID_YOU_MEAN, places=" / ".join(suggestions))
        if count_segments(longer).segments == 1:
            text = longer
    turn.tally.add("place_not_found", language=turn.language, found=False)
    return text


def query(turn: Turn) -> str:
    """A keyword, a place, or both."""
    c, s = turn.command, turn.session
    if c.category and c.place:
        page = search(turn, category=c.category, place=PlaceRef.of(c.place))
        return also_asked(turn, page, PlaceRef.of(c.place))
    if c.category in NATIONAL_TOPICS and not c.place_missing:
        return national(turn, c.category)
    if c.category:
        if c.place_missing:
            remember_pending(turn, c.category)
            return place_not_found(turn)
        if s is not None and not s.pending and s.latitude is not None:
            return search(turn, category=c.category, place=PlaceRef.of_session(s))
        remember_pending(turn, c.category)
        topic = category_label(turn.db, c.category, turn.language, short=True)
        sample = example_query(turn.db, turn.language, category=c.category)
        turn.tally.add("ask_place", keyword=c.category, language=turn.language)
        return replies.prompt(turn.wording, t.ASK_PLACE, topic=topic, example=sample)
    assert c.place is not None
    if s is not None and s.pending and s.category:
        return search(turn, category=s.category, place=PlaceRef.of(c.place))
    if c.place.kind == "prison" and c.place.prison:
        return prison(turn, nomis=c.place.prison, area=c.place.outcode or c.place.name)
    return topics(turn, PlaceRef.of(c.place))


def also_asked(turn: Turn, page: str, place: PlaceRef) -> str:
    """A text that asked about two topics: say how to ask for the second, if the page has room."""
    if not turn.command.also:
        return page
    w = turn.wording
    other = turn.command.also[0]
    example = w.clean(
        f"{primary_keyword(turn.db, other, turn.language)} {place.outcode or place.short_name}"
    )
    topic = w.clean(category_label(turn.db, other, turn.language, short=True))
    longer = page + "\n" + w(t.ALSO_ASKED, topic=topic, example=example)
    return longer if count_segments(longer).segments <= replies.PAGE_SEGMENTS else page


def national(turn: Turn, category: str) -> str:
    """A topic served nationally ("talk to someone"): the national services, no place asked."""
    found = national_services(turn.db, category, turn.language, turn.rules.results_per_page)
    w = turn.wording
    topic = category_label(turn.db, category, turn.language, short=True)
    page = replies.national_page(w, topic=w.clean(topic), national=found, country="GB")
    session = Session(
        sender_hash=turn.sender_hash,
        language=turn.language,
        category=category,
        result_ids=[r.service_id for r in found],
    )
    save_session(turn.conn, session, turn.now, turn.rules.session_seconds)
    turn.tally.add("search", keyword=category, area="", language=turn.language, found=bool(found))
    return page


def remember_pending(turn: Turn, category: str) -> None:
    """Keep the keyword until the sender texts a place."""
    save_session(
        turn.conn,
        Session(
            sender_hash=turn.sender_hash, language=turn.language, category=category, pending=True
        ),
        turn.now,
        turn.rules.session_seconds,
    )


def search(
    turn: Turn,
    *,
    category: str,
    place: PlaceRef,
    offset: int = 0,
    shown: tuple[str, ...] = (),
) -> str:
    """One page of results for a category near a place (national ones fill a short first page)."""
    per_page = turn.rules.results_per_page
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
    # Looked up only for a short first page (most pages are full of local results), and only
    # those that serve the place: never a Scotland-only line to Leeds, nor a UK one to Madrid.
    area = found.place.area if found.place else None
    national = (
        national_services(turn.db, category, turn.language, per_page - len(local), area)
        if offset == 0 and len(local) < per_page
        else []
    )
    if area and offset == 0 and not local and not national:
        # Nothing of this topic is known there: say so, and give the country's own helpline
        # (its child helpline, for instance) rather than nothing.
        national = national_services(turn.db, "helplines", turn.language, 1, area)
    topic = category_label(turn.db, category, turn.language, short=True)
    w = turn.wording
    page = replies.results_page(
        w,
        topic=w.clean(topic),
        place=w.clean(place.short_name),
        local=local,
        national=national,
        first_number=len(shown) + 1,
        has_more=has_more,
        country=place.country,
        area=area,
    )
    ids = [*shown, *(r.service_id for r in local), *(r.service_id for r in national)]
    session = Session(
        sender_hash=turn.sender_hash,
        language=turn.language,
        category=category,
        pending=False,
        place_name=place.name,
        latitude=place.latitude,
        longitude=place.longitude,
        outcode=place.outcode,
        country=place.country,
        page_offset=offset + len(local),
        has_more=has_more,
        result_ids=ids[-MAX_REMEMBERED:],
        prison=place.prison,
    )
    save_session(turn.conn, session, turn.now, turn.rules.session_seconds)
    turn.tally.add(
        "search" if offset == 0 else "more",
        keyword=category,
        area=place.outcode or "",
        language=turn.language,
        found=bool(local or national),
    )
    return page


def more(turn: Turn) -> str:
    """The next page of the last search."""
    s = turn.session
    if s is None or s.pending or not s.category or s.latitude is None:
        return replies.prompt(turn.wording, t.NOTHING_TO_SHOW, example=example(turn))
    if not s.has_more or s.page_offset >= MAX_OFFSET:
        return replies.prompt(turn.wording, t.NO_MORE, example=example(turn))
    return search(
        turn,
        category=s.category,
        place=PlaceRef.of_session(s),
        offset=s.page_offset,
        shown=tuple(s.result_ids),
    )


def details(turn: Turn, number: int) -> str:
    """Full details of result `number` of the last search."""
    s = turn.session
    missing = replies.prompt(turn.wording, t.NO_SUCH_RESULT, number=number, example=example(turn))
    if s is None or not (1 <= number <= len(s.result_ids)):
        return missing
    try:
        detail = get_service(turn.db, s.result_ids[number - 1], turn.language)
    except DirectoryError:
        return missing
    turn.tally.add("details", keyword=s.category or "", language=turn.language)
    return replies.details(turn.wording, detail)


def prison(turn: Turn, *, nomis: str, area: str) -> str:
    """A prison's visits line and times, then what else to ask about it."""
    visiting = prison_visiting(turn.db, nomis)
    keywords = [
        turn.wording.clean(primary_keyword(turn.db, key, turn.language)) for key in PRISON_TOPICS
    ]
    turn.tally.add(
        "prison",
        keyword="visiting",
        area=visiting.address.postal_code,
        language=turn.language,
        found=True,
    )
    if turn.command.category is None:
        return replies.first_steps(
            turn.wording,
            visiting,
            keywords,
            area,
            families_helpline(turn.db, turn.wording, visiting.area),
        )
    return replies.prison_page(turn.wording, visiting, keywords, area)


FAMILIES_HELPLINE = "prisoners-families-helpline"  # the service id in data/services.csv
# The families helpline of each nation whose prisons have one (service ids in data/services.csv):
# the Prisoners' Families Helpline serves England and Wales only, Families Outside Scotland only.
# A prison elsewhere (Northern Ireland, abroad) gets no "To talk now" line rather than a line
# that does not serve its families.
FAMILIES_HELPLINES = {
    "GB-ENG": FAMILIES_HELPLINE,
    "GB-WLS": FAMILIES_HELPLINE,
    "GB-SCT": "families-outside-helpline",
}


def families_helpline(db: ContentDB, w: Wording, area: str = "GB-ENG") -> str | None:
    """ "To talk now: Prisoners' Families Helpline 0808 ..." for a prison in `area` (a UK nation
    or country code), when the directory has a families helpline serving it."""
    ref = FAMILIES_HELPLINES.get(area)
    if ref is None:
        return None
    try:
        service = get_service(db, ref, w.language)
    except DirectoryError:
        return None
    if not service.phones:
        return None
    return w(t.TALK_NOW, name=w.clean(service.name), phone=service.phones[0].number)


def topics(turn: Turn, place: PlaceRef) -> str:
    """A place on its own: the topics with help near it, and an example to send."""
    nearby = topics_near(turn.db, place.as_place(), turn.language)
    keywords = [turn.wording.clean(primary_keyword(turn.db, k, turn.language)) for k in nearby.keys]
    turn.tally.add(
        "place_only", area=place.outcode or "", language=turn.language, found=nearby.found
    )
    sample = turn.wording.clean(f"{keywords[0]} {place.outcode or place.short_name}")
    return replies.topics_near(turn.wording, turn.wording.clean(place.short_name), keywords, sample)
