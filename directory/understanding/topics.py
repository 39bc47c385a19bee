"""Finding topics in a text: the directory's keywords, everyday phrases, word endings, typos."""

from __future__ import annotations

from dataclasses import dataclass

from directory.db.connections import ContentDB
from directory.lookup.categories import keyword_index
from directory.text.folding import fold
from directory.text.stopwords import FUNCTION
from directory.text.variants import deletions, edit_distance
from directory.understanding import topic_words as tw
from directory.understanding.words import COMMON

MIN_STEM = 4
MIN_TYPO = 6  # shorter words are too often another real word one letter away


@dataclass(frozen=True)
class TopicHit:
    """A topic named by words[start:start+size]."""

    key: str
    start: int
    size: int
    words: str
    strong: bool
    language: str | None
    typo: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """Every way a topic is named, built once per directory file."""

    phrases: dict[str, tuple[str, bool, str | None]]
    stems: dict[str, tuple[str, bool]]
    typos: dict[str, frozenset[str]]  # deletion variant -> keywords it may be a typo of
    max_words: int

    def known(self, word: str) -> bool:
        """Whether the word is a topic word (exactly or by its ending)."""
        return word in self.phrases or self._stem(word) is not None

    def _stem(self, word: str) -> tuple[str, bool] | None:
        for end in range(len(word), MIN_STEM - 1, -1):
            hit = self.stems.get(word[:end])
            if hit:
                return hit
        return None

    def match(self, words: list[str], start: int) -> TopicHit | None:
        """The longest topic phrase starting at words[start]."""
        for size in range(min(self.max_words, len(words) - start), 0, -1):
            text = " ".join(words[start : start + size])
            hit = self.phrases.get(text)
            if hit:
                return TopicHit(hit[0], start, size, text, hit[1], hit[2])
        word = words[start]
        stem = self._stem(word)
        if stem:
            return TopicHit(stem[0], start, 1, word, stem[1], None)
        return self._typo(word, start)

    def _typo(self, word: str, start: int) -> TopicHit | None:
        if len(word) < MIN_TYPO or word in FUNCTION or word in COMMON or not word.isalpha():
            return None
        close: set[str] = set()
        for variant in deletions(word):
            close.update(self.typos.get(variant, ()))
        found = {self.phrases[k][0] for k in close if edit_distance(word, k, 1) <= 1}
        if len(found) != 1:
            return None  # no keyword, or two topics equally close: not a guess worth making
        key = found.pop()
        return TopicHit(key, start, 1, word, True, None, typo=True)


def _phrases(text: str) -> list[str]:
    out = []
    for phrase in text.split(";"):
        star = phrase.strip().endswith("*")
        folded = fold(phrase).replace("ł", "l")
        if folded:
            out.append(folded + ("*" if star else ""))
    return out


def _build(db: ContentDB) -> Vocabulary:
    phrases: dict[str, tuple[str, bool, str | None]] = {}
    stems: dict[str, tuple[str, bool]] = {}
    for folded, (key, language) in keyword_index(db).entries.items():
        phrases.setdefault(folded.replace("ł", "l"), (key, True, language))
    for table, strong in ((tw.PHRASES, True), (tw.WEAK, False)):
        for key, text in table.items():
            for phrase in _phrases(text):
                if phrase.endswith("*"):
                    stems.setdefault(phrase[:-1], (key, strong))
                else:
                    phrases.setdefault(phrase, (key, strong, None))
    typos: dict[str, set[str]] = {}
    for phrase, (_key, strong, _lang) in phrases.items():
        if strong and " " not in phrase and len(phrase) >= MIN_TYPO and phrase.isalpha():
            for variant in deletions(phrase):
                typos.setdefault(variant, set()).add(phrase)
    max_words = max(len(p.split()) for p in phrases)
    return Vocabulary(phrases, stems, {k: frozenset(v) for k, v in typos.items()}, max_words)


def vocabulary(db: ContentDB) -> Vocabulary:
    """The topic vocabulary of this directory (its keywords plus the everyday phrases)."""
    return db.cached("understanding-vocabulary", _build)


def find_topics(vocab: Vocabulary, words: list[str]) -> list[TopicHit]:
    """Topic hits left to right, longest phrase first, no word used twice."""
    hits: list[TopicHit] = []
    i = 0
    while i < len(words):
        hit = vocab.match(words, i)
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i += hit.size
    return hits


def rank_topics(hits: list[TopicHit], prison_named: bool = False) -> list[str]:
    """Topic keys, the one to answer first at the front.

    Family words ("my son") are the prisoner when a prison is named, so they name no topic then.
    """
    strong = [h.key for h in hits if h.strong]
    if prison_named and not strong:
        return []
    order = strong or [h.key for h in hits]
    first = [k for k in tw.FIRST if k in strong]
    if "emotional" in strong and "helplines" in strong:
        first.append("emotional")  # feelings are the topic, a phone line the means
    out: list[str] = []
    rest = [] if prison_named else [h.key for h in hits]
    for key in [*first, *order, *rest]:
        if key not in out:
            out.append(key)
    return out


def suggest_topics(vocab: Vocabulary, words: list[str], language: str, limit: int = 3) -> list[str]:
    """Topics for what is being typed: those the words already name, then those whose words
    start like the last (partly typed) word, in the language or English."""
    out = rank_topics(find_topics(vocab, words))
    last = words[-1] if words else ""
    if len(last) >= 2:
        for phrase, (key, _strong, lang) in vocab.phrases.items():
            if key not in out and phrase.startswith(last) and lang in (language, "en", None):
                out.append(key)
    return out[:limit]
