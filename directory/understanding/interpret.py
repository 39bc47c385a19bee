"""`interpret`: what a text from a family asks, for the SMS line and the kiosk's search words.

Pure apart from read-only lookups in the directory: no state, no writes, no network.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from directory.db.connections import ContentDB
from directory.lookup.places import nearest_outcode
from directory.models import Place
from directory.text.folding import fold
from directory.text.stopwords import COMMAND_FILLER, FUNCTION, FUNCTION_BY_LANGUAGE
from directory.understanding import places as pl
from directory.understanding import words as lex
from directory.understanding.topics import (
    TopicHit,
    find_topics,
    rank_topics,
    suggest_topics,
    vocabulary,
)

_CLAUSE = re.compile(r"[.,;!?\n]+")
MAX_CHARS = 480  # longer texts are read from their start only: nobody needs more to ask
_LATIN_TO_GREEK = str.maketrans("abehikmnoptyxz", "αβεηικμνορτυχζ")
_DISTRESS = tuple(f" {p} " for p in lex.DISTRESS)
_COUNTRY = {"es": "ES", "pt": "PT", "de": "DE", "el": "GR", "ro": "RO"}


@dataclass(frozen=True)
class TopicMatch:
    """A topic (category key) and the words of the text that named it."""

    key: str
    words: str


@dataclass(frozen=True)
class PlaceMatch:
    """A place understood, its kind and the words it came from."""

    name: str
    kind: str  # prison, postcode, outcode, town, foreign
    words: str
    place: Place
    fuzzy: bool = False


@dataclass(frozen=True)
class Understanding:
    """What a text was understood to ask."""

    topics: tuple[TopicMatch, ...] = ()
    place: PlaceMatch | None = None
    other_place: PlaceMatch | None = None  # the second of two places, not answered for
    chose: str | None = None  # "prison" or "home": which of two places was taken, and why
    prison: str | None = None  # a prison's display name, when the text names one
    prison_code: str | None = None
    command: str | None = None  # menu, more, help: the whole text was that command
    distress: bool = False
    first_steps: bool = False  # new to prison ("just got sent to"): the first steps answer
    language: str | None = None
    confidence: float = 0.0
    suggestions: tuple[str, ...] = ()  # places to ask about ("Did you mean ...?")
    rest: tuple[str, ...] = ()  # words that named no topic, place or command (for text search)

    @property
    def topic(self) -> str | None:
        """The topic to answer first."""
        return self.topics[0].key if self.topics else None

    def as_json(self) -> dict[str, object]:
        """The shape `waypost sms try --json` prints under "understood"."""
        place = (
            {"name": self.place.name, "kind": self.place.kind, "words": self.place.words}
            if self.place
            else None
        )
        return {
            "topics": [t.key for t in self.topics],
            "place": place,
            "prison": self.prison,
            "language": self.language,
        }


def words_of(text: str) -> tuple[list[str], frozenset[int]]:
    """The folded words (Greek written with Latin look-alikes made Greek) and the indexes of
    words that start a new sentence or clause (after . , ; ! ? or a new line)."""
    out: list[str] = []
    breaks: set[int] = set()
    for part in _CLAUSE.split(unicodedata.normalize("NFKC", text[:MAX_CHARS])):
        folded = fold(part)
        if not folded:
            continue
        if out:
            breaks.add(len(out))
        for word in folded.split():
            if any("\u03b1" <= ch <= "\u03c9" for ch in word):
                word = word.translate(_LATIN_TO_GREEK)
            out.append(word.replace("ł", "l"))  # Polish Ł has no accent to fold away
    return out, frozenset(breaks)


def _language(words: list[str], hits: list[TopicHit], hint: str | None) -> str | None:
    for hit in hits:
        if hit.language and hit.language != "en":
            return hit.language
    if any("\u03b1" <= ch <= "\u03c9" for w in words for ch in w):
        return "el"
    scores = {
        lang: sum(1 for w in words if w in vocab) for lang, vocab in FUNCTION_BY_LANGUAGE.items()
    }
    best = max(scores, key=lambda lang: (scores[lang], lang == (hint or "en")))
    if scores[best] and scores[best] > scores.get(hint or "en", 0):
        return best
    for hit in hits:
        if hit.language:
            return hit.language
    return hint


def _command(words: list[str]) -> str | None:
    rest = [w for w in words if w not in COMMAND_FILLER]
    if len(rest) != 1:
        return None
    for name, vocab in lex.COMMANDS.items():
        if rest[0] in vocab:
            return name
    return None


def _match(db: ContentDB, c: pl.Candidate) -> PlaceMatch:
    place = c.place
    if c.kind == "town":
        # As resolve_place gives it: the nearest outward code, and a prison of the same name
        outcode = nearest_outcode(db, place.latitude, place.longitude, place.country)
        prison = c.also_prison.prison if c.also_prison else None
        place = dataclasses.replace(place, outcode=outcode, prison=prison)
    return PlaceMatch(c.place.name, c.kind, c.words, place)


def _choose(
    found: list[pl.Candidate], topic: str | None
) -> tuple[pl.Candidate | None, pl.Candidate | None, str | None]:
    """The place to answer for, the other one (two places), and which was chosen."""
    ranked = sorted(found, key=lambda c: (-c.score, c.start))
    taken: list[pl.Candidate] = []
    for c in ranked:
        apart = all(c.start + c.size <= t.start or t.start + t.size <= c.start for t in taken)
        if apart and not any(t.place.name == c.place.name for t in taken):
            taken.append(c)
    if not taken:
        return None, None, None
    if len(taken) == 1:
        return taken[0], None, None
    prisons = [c for c in taken if c.kind == "prison"]
    homes = [c for c in taken if c.kind != "prison"]
    if prisons and homes:
        if topic in (None, "visiting", "travel"):
            return prisons[0], homes[0], "prison"
        return homes[0], prisons[0], "home"
    return taken[0], taken[1], None


def interpret(
    db: ContentDB, text: str, *, language_hint: str | None = None,
    country_hint: str | None = None,
) -> Understanding:  # fmt: skip
    """Understand a text: topics, place, prison, command, distress, language and confidence."""
    words, breaks = words_of(text or "")
    if not words:
        return Understanding(language=language_hint)
    padded = " " + " ".join(words) + " "
    distress = any(p in padded for p in _DISTRESS)
    vocab = vocabulary(db)
    hits = find_topics(vocab, words)
    language = _language(words, hits, language_hint)
    command = _command(words) if not hits else None
    prison_words = any(w in lex.PRISON_WORDS for w in words)
    keys = rank_topics(hits, prison_words)
    topic_words = {i for h in hits for i in range(h.start, h.start + h.size)}
    country = (country_hint or _COUNTRY.get(language or "", "GB")).upper()
    found = pl.candidates(db, words, topic_words, keys, language, country, breaks)
    if any(c.kind == "prison" for c in found) and not prison_words:
        keys = rank_topics(hits, True)
    # A typo guess inside a place's name was the place ("Stoke on Trent" is not a train)
    spans = {i for c in found for i in range(c.start, c.start + c.size)}
    hits = [h for h in hits if not (h.typo and h.start in spans)]
    keys = [k for k in keys if any(h.key == k for h in hits)]
    suggestions: list[str] = []
    fuzzy = False
    if not found and command is None:
        unknown = [
            i for i, w in enumerate(words)
            if i not in topic_words and len(w) >= pl.MIN_FUZZY and w.isalpha()
            and w not in FUNCTION and w not in lex.COMMON and not vocab.known(w)
        ]  # fmt: skip
        content = [w for w in words if w not in FUNCTION]
        near = topic_words | {i for i, w in enumerate(words) if w in lex.PRISON_WORDS}
        unknown = [
            i for i in unknown
            if len(content) <= 2 or pl._cue_before(words, i, breaks)
            or any(abs(i - j) <= 2 for j in near)
        ]  # fmt: skip
        if unknown:
            guess, suggestions = pl.fuzzy(db, words, unknown, country)
            if guess:
                found, fuzzy = [guess], True
    chosen, other, chose = _choose(found, keys[0] if keys else None)
    if (
        chosen
        and chosen.also_prison
        and not keys
        and any(f" {p} " in padded for p in lex.FIRST_STEPS)
    ):
        # "just got sent to Lewes": the prison, not the town
        chosen = dataclasses.replace(chosen, place=chosen.also_prison, kind="prison")
    place = _match(db, chosen) if chosen else None
    if place and fuzzy:
        place = dataclasses.replace(place, fuzzy=True)
    prison_place = next(
        (c.place for c in (chosen, other) if c and c.kind == "prison"),
        chosen.also_prison if chosen else None,
    )
    first_steps = bool(prison_place and not keys) and (
        chosen is not None and chosen.kind == "prison"
    )
    topics = tuple(TopicMatch(k, next(h.words for h in hits if h.key == k)) for k in keys)
    used = topic_words | (set(range(chosen.start, chosen.start + chosen.size)) if chosen else set())
    rest = tuple(
        w for i, w in enumerate(words)
        if i not in used and w not in FUNCTION and w not in lex.PRISON_WORDS
    )  # fmt: skip
    confidence = (0.5 if keys else 0.0) + (0.5 if place else 0.0) - (0.2 if fuzzy else 0.0)
    return Understanding(
        topics=topics,
        place=place,
        other_place=_match(db, other) if other else None,
        chose=chose,
        prison=prison_place.name if prison_place else None,
        prison_code=prison_place.prison if prison_place else None,
        command=command,
        distress=distress,
        first_steps=first_steps,
        language=language,
        confidence=round(max(confidence, 0.0), 2),
        suggestions=tuple(suggestions),
        rest=rest,
    )


def suggest(db: ContentDB, typed: str, language: str, limit: int = 3) -> list[str]:
    """Category keys to offer while a family types search words, from the same vocabulary."""
    words, _breaks = words_of(typed)
    return suggest_topics(vocabulary(db), words, language, limit)
