"""Text folding shared by indexing, searching and message parsing.

Folding makes "Habitação", "HABITACAO" and "habitacao" the same, and Greek "Στέγαση" the same as
"ΣΤΕΓΑΣΗ": NFKD, drop combining marks (accents, Greek tonos, dialytika), casefold (ß -> ss,
final sigma -> sigma), and turn anything that is not a letter or digit into a space.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Fold text for matching: no accents, case-folded, words separated by single spaces."""
    if text.isascii():  # most text: nothing to decompose, and casefold is lower
        return _NON_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.casefold()
    return _NON_WORD.sub(" ", folded).strip()


def fold_uncached(text: str) -> str:
    """Fold without the cache, for bulk indexing of text seen once."""
    return fold.__wrapped__(text)


def tokens(text: str) -> list[str]:
    """The folded words of a text."""
    folded = fold(text) if len(text) <= 500 else fold_uncached(text)
    return folded.split() if folded else []


def word_set(*texts: str) -> frozenset[str]:
    """The folded words of hand-written word lists, as a set.

    Each word is folded on its own, and Polish Ł (a letter of its own, with no accent to fold
    away) is written as L, as the texts it is compared with are.
    """
    return frozenset(fold(w).replace("ł", "l") for text in texts for w in text.split() if fold(w))
