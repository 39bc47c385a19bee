"""Understanding a text: a pure function from a message body to a `Command`. No I/O here.

The keyword table and a place resolver are passed in, so the parser can be tested on its own and
the gateway decides how places are looked up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from directory.errors import PlaceNotFound, PlaceSuggestion
from directory.guides.keywords import GuideWord
from directory.models import Place
from directory.text.folding import fold
from directory.text.stopwords import OPT_FILLER, REQUEST_FILLER
from directory.understanding import Understanding
from directory.understanding.words import DISTRESS
from sms_gateway import vocabulary as v

Action = Literal[
    "stop", "start", "help", "more", "details", "query", "unknown", "empty", "guide", "wrong"
]
MAX_BODY = 480  # longer texts are read from their start only: nobody needs more to ask
MAX_PLACE_WORDS = 6
_NAMED_WORDS = 10  # a name with a filler word inside is looked for in a text's first words only
_NUMBER = re.compile(r"^\d{1,2}$")


class KeywordTable(Protocol):
    """What the parser needs from the directory's keyword index."""

    @property
    def max_words(self) -> int:
        """The longest keyword, in words."""
        ...

    def lookup(self, folded: str) -> tuple[str, str] | None:
        """(category key, language) of a folded keyword."""
        ...

    def lookup_in(self, folded: str, language: str) -> tuple[str, str] | None:
        """As `lookup`, preferring `language` when the keyword is a word of it too."""
        ...


class PlaceResolver(Protocol):
    """Looks up a place; exact names and codes only unless `fuzzy` (raises PlaceNotFound)."""

    def __call__(self, text: str, fuzzy: bool, /) -> Place:
        """The place the text names."""
        ...


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Command:
    """What a text asks for."""

    action: Action
    language: str | None = None  # from a keyword or command word; None when nothing says
    category: str | None = None
    place: Place | None = None
    place_suggestions: list[PlaceSuggestion] = field(default_factory=list)
    place_missing: bool = False  # some words looked like a place but matched none
    number: int | None = None
    exact: bool = False  # the whole body was one of Twilio's own opt-out/in/help keywords
    distress: bool = False
    country_language: str | None = None  # the sender's country as a language hint
    guide: tuple[str, str] | None = None  # ("section", "bring") or ("stage", "court")
    also: tuple[str, ...] = ()  # other topics the text asked about, answered on request


def _fold_keys(table: dict[str, str]) -> dict[str, str]:
    folded: dict[str, str] = {}
    for word, lang in table.items():
        folded.setdefault(fold(word), lang)  # the first listed wins (English "menu")
    return folded


_STOP = _fold_keys(v.STOP_WORDS)
_START = _fold_keys(v.START_WORDS)
_HELP = _fold_keys(v.HELP_WORDS)
_MORE = _fold_keys(v.MORE_WORDS)
_DETAIL = frozenset(fold(w) for w in v.DETAIL_WORDS)
# Padded with spaces, so that a substring test of the padded text matches on word bounds.
_DISTRESS = tuple(f" {p} " for p in DISTRESS)


_LATIN_TO_GREEK = str.maketrans("abehikmnoptyxz", "αβεηικμνορτυχζ")


def _greek_word(word: str) -> str:
    # Replies write Greek with Latin look-alikes (GSM-7); texts copied back mix both scripts.
    if any("\u03b1" <= ch <= "\u03c9" for ch in word):
        return word.translate(_LATIN_TO_GREEK)
    return word


def normalise(body: str) -> list[str]:
    """NFKC, fold (case, accents, Greek tonos), punctuation to spaces: the words of a text."""
    text = unicodedata.normalize("NFKC", body[:MAX_BODY])
    folded = fold(text)
    return [_greek_word(w) for w in folded.split()] if folded else []


def _match(words: list[str], table: dict[str, str], start: int = 0) -> tuple[int, int, str] | None:
    """The first (index, length, language) of a one- or two-word entry of the table."""
    for i in range(start, len(words)):
        for size in (2, 1):
            if i + size <= len(words):
                lang = table.get(" ".join(words[i : i + size]))
                if lang:
                    return i, size, lang
    return None


def _is_distress(words: list[str]) -> bool:
    padded = " " + " ".join(words) + " "
    return any(phrase in padded for phrase in _DISTRESS)


def _opt_command(words: list[str], table: dict[str, str]) -> str | None:
    """The language of a stop/start near miss: a short text of only that word and filler."""
    if not words or len(words) > 5:
        return None
    hit = _match(words, table)
    if hit is None:
        return None
    i, size, lang = hit
    rest = words[:i] + words[i + size :]
    return lang if all(w in OPT_FILLER or w in table for w in rest) else None


def _keyword(
    words: list[str], keywords: KeywordTable, prefer: str | None = None
) -> tuple[int, int, str, str] | None:
    # A word of several languages (VISITAS) reads as the sender's country's language when it is
    # one of them: "visitas Lisboa" from a Portuguese phone is Portuguese.
    for i in range(len(words)):
        for size in range(min(keywords.max_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            hit = keywords.lookup_in(phrase, prefer) if prefer else keywords.lookup(phrase)
            if hit:
                return i, size, hit[0], hit[1]
    return None


def _named(words: list[str], resolve: PlaceResolver, has_keyword: bool) -> Place | None:
    """A place whose name has a filler word inside it ("Soto del Real", "Barrow in Furness"),
    looked up whole, longest run first, before the filler words are dropped from the text.

    Only exact lookups, and only of runs that start and end on a word that is not filler; a
    town counts beside a keyword, or when its name is all the text says.
    """
    head = words[:_NAMED_WORDS]
    content = [w for w in head if w not in REQUEST_FILLER]
    for size in range(min(len(head), MAX_PLACE_WORDS), 2, -1):
        for start in range(len(head) - size + 1):
            run = head[start : start + size]
            if run[0] in REQUEST_FILLER or run[-1] in REQUEST_FILLER:
                continue
            if not any(w in REQUEST_FILLER for w in run[1:-1]):
                continue
            name = " ".join(run)
            try:
                place = resolve(name, False)
            except PlaceNotFound:
                continue
            if place.kind != "town":
                return place
            whole = [w for w in run if w not in REQUEST_FILLER] == content
            if fold(place.name) == name and (has_keyword or whole):
                return place
    return None


def _resolve(
    words: list[str], resolve: PlaceResolver, has_keyword: bool, expect_place: Callable[[], bool]
) -> tuple[Place | None, PlaceNotFound | None]:
    """Exact lookups on the words, then on shorter runs of them, longest first; then at most
    one fuzzy lookup (a guess, with suggestions) on the whole leftover text.

    Each exact lookup is a few index probes; a fuzzy one compares against every town name and
    costs tens of milliseconds, so it is tried once, and only where a place is expected: beside
    a keyword, or when the sender's last text was a keyword waiting for its place. A town found
    inside a longer sentence counts only beside a keyword: "hello there" is not about Theres.
    """
    head = words[:MAX_PLACE_WORDS]
    whole = " ".join(head)
    partial: Place | None = None
    try:
        place = resolve(whole, False)
        if place.kind != "town" or len(head) == 1 or fold(place.name) == whole:
            return place, None
        # A town named by the first words only ("Brighton and Hove", but also "son is HMP
        # Lewes" -> Son, in Spain): a prison or postcode further on says more.
        partial = place
    except PlaceNotFound:
        pass
    runs = head if len(words) <= MAX_PLACE_WORDS else words[:3]
    town = partial
    named_something = partial is not None
    for size in range(len(runs) - 1, 0, -1):
        for start in range(0, len(runs) - size + 1):
            try:
                place = resolve(" ".join(runs[start : start + size]), False)
            except PlaceNotFound:
                continue
            if place.kind != "town":
                return place, None
            named_something = True
            if town is None and has_keyword:
                town = place
    if town is not None:
        return town, None
    if named_something or not (has_keyword or expect_place()):
        # A real town inside a sentence with no keyword ("I can't cope" names Cope): a guess
        # or "did you mean" would only confuse; the menu answers better.
        return None, None
    try:
        return resolve(whole, True), None
    except PlaceNotFound as exc:
        return None, exc


def _guide_word(
    words: list[str], guides: Mapping[str, GuideWord]
) -> tuple[int, int, GuideWord] | None:
    for i in range(len(words)):
        for size in (3, 2, 1):
            if i + size <= len(words):
                hit = guides.get(" ".join(words[i : i + size]))
                if hit:
                    return i, size, hit
    return None


def _guide(
    words: list[str],
    guides: Mapping[str, GuideWord],
    resolve: PlaceResolver,
    base: dict[str, Any],
) -> Command | None:
    """A guide word ("BRING LEWES", "COURT", "WRONG"), or None to read the text as usual.

    A section word wants a prison; a stage word stands alone or with a prison. With any other
    place the text is an ordinary search ("COURT BN7" finds legal help near BN7).
    """
    hit = _guide_word(words, guides)
    if hit is None:
        return None
    i, size, word = hit
    kept = words[:i] + words[i + size :]
    rest = [w for w in kept if w not in REQUEST_FILLER]
    if word.kind == "wrong":
        return None if rest else Command("wrong", language=word.language, **base)
    asked = (word.kind, word.key)
    if not rest:
        return Command("guide", language=word.language, guide=asked, **base)
    place = _named(kept, resolve, True)
    if place is None:
        place, _error = _resolve(rest, resolve, True, _never)
    if place is not None and not place.prison:
        return None
    return Command("guide", language=word.language, guide=asked, place=place, **base)


def _understood(u: Understanding, keyword_language: str | None, base: dict[str, Any]) -> Command:
    """A command from what the interpreter understood (never a word it did not understand)."""
    language = keyword_language or u.language
    place = u.place.place if u.place else None
    if u.topic or place:
        return Command(
            "query", language=language, category=u.topic, place=place,
            also=tuple(t.key for t in u.topics[1:]), **base,
        )  # fmt: skip
    if u.command == "menu":
        return Command("help", language=language, **base)
    suggestions = [PlaceSuggestion(name, "town") for name in u.suggestions]
    return Command(
        "unknown", language=u.language, place_suggestions=suggestions,
        place_missing=bool(suggestions), **base,
    )  # fmt: skip


def parse(
    body: str,
    keywords: KeywordTable,
    resolve: PlaceResolver,
    from_country: str | None = None,
    expect_place: Callable[[], bool] = _never,
    guides: Mapping[str, GuideWord] | None = None,
    understand: Callable[[str], Understanding] | None = None,
) -> Command:
    """Turn a text into a command: tokens in any order, keywords in any language, a place.

    `understand` is the core's interpreter (directory.understanding.interpret) over the
    directory: given, it reads topics and places from sentences as families write them.

    `expect_place` is asked (only when it matters) whether the sender's conversation waits for
    a place, which makes a misspelt town worth a guess.
    """
    country_language = v.COUNTRY_LANGUAGE.get((from_country or "").upper())
    stripped = body.strip().casefold()
    if stripped in v.TWILIO_STOP:
        return Command("stop", exact=True, country_language=country_language)
    if stripped in v.TWILIO_START:
        return Command("start", exact=True, country_language=country_language)
    if stripped in v.TWILIO_HELP:
        return Command("help", exact=True, country_language=country_language)
    words = normalise(body)
    if not words:
        return Command("empty", country_language=country_language)
    distress = _is_distress(words)
    base = {"distress": distress, "country_language": country_language}
    lang = _opt_command(words, _STOP)
    if lang and not distress:
        return Command("stop", language=lang, **base)  # type: ignore[arg-type]
    lang = _opt_command(words, _START)
    if lang:
        return Command("start", language=lang, **base)  # type: ignore[arg-type]

    if guides:
        asked = _guide(words, guides, resolve, base)
        if asked is not None:
            return asked
    keyword = _keyword(words, keywords, country_language)
    rest = words
    category = language = None
    if keyword:
        i, size, category, language = keyword
        rest = words[:i] + words[i + size :]
    meaningful = [w for w in rest if w not in REQUEST_FILLER]

    numbers = [w for w in meaningful if _NUMBER.match(w)]
    if numbers and not category and all(w in _DETAIL or _NUMBER.match(w) for w in meaningful):
        return Command("details", number=int(numbers[0]), **base)  # type: ignore[arg-type]
    if not category and meaningful:
        more = _match(meaningful, _MORE)
        if more and more[1] == len(meaningful):
            return Command("more", language=more[2], **base)  # type: ignore[arg-type]
        help_word = _match(meaningful, _HELP)
        if help_word and help_word[1] == len(meaningful):
            return Command("help", language=help_word[2], **base)  # type: ignore[arg-type]

    if understand is not None:
        return _understood(understand(body), language, base)
    place, error = _named(rest, resolve, category is not None), None
    if place is None and meaningful:
        place, error = _resolve(meaningful, resolve, category is not None, expect_place)
    if category or place:
        return Command(
            "query",
            language=language,
            category=category,
            place=place,
            place_suggestions=error.suggestions if (error and not place) else [],
            place_missing=bool(error and not place),
            **base,  # type: ignore[arg-type]
        )
    return Command(
        "unknown",
        place_suggestions=error.suggestions if error else [],
        place_missing=error is not None,
        **base,  # type: ignore[arg-type]
    )
