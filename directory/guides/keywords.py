"""The words that ask for a guide by text: "BRING LEWES", "COURT", "WRONG", in every language.

They are data (data/guides/labels.csv, keys `kw.*`), so a volunteer adds a word the way they add
a category keyword. Stage words that are also category keywords ("RELEASE") are read as the
stage only when no ordinary place follows: "RELEASE BN7" still finds services near BN7.
"""

from __future__ import annotations

from dataclasses import dataclass

from directory.db.connections import ContentDB
from directory.guides.records import GUIDE_LANGUAGES, KEYWORD_SECTIONS, KEYWORDS
from directory.guides.store import has_guides
from directory.text.folding import fold


@dataclass(frozen=True)
class GuideWord:
    """What a folded guide word asks for."""

    kind: str  # "section", "stage" or "wrong"
    key: str  # section or stage key ("wrong" for wrong)
    language: str


def _index(db: ContentDB) -> dict[str, GuideWord]:
    words: dict[str, GuideWord] = {}
    if not has_guides(db):
        return words
    rows = dict(
        ((key, lang), text)
        for key, lang, text in db.execute("SELECT key, language, text FROM guide_label")
        if key.startswith("kw.")
    )
    for lang in GUIDE_LANGUAGES:  # English first: a word two languages share answers in English
        for key in KEYWORDS:
            kind = "section" if key in KEYWORD_SECTIONS else "wrong" if key == "wrong" else "stage"
            for word in rows.get((f"kw.{key}", lang), "").split(";"):
                folded = fold(word)
                if folded:
                    words.setdefault(folded, GuideWord(kind, key, lang))
    return words


def guide_words(db: ContentDB) -> dict[str, GuideWord]:
    """Every guide word, folded, with what it asks for (cached per directory file)."""
    return db.cached("guide-words", _index)
