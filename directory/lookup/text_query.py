"""Turning search text into category keys and a safe FTS5 query."""

from __future__ import annotations

from collections.abc import Sequence

from directory.db.connections import ContentDB
from directory.lookup.categories import keyword_index
from directory.text.folding import tokens as fold_tokens
from directory.text.stopwords import SEARCH_STOP

MAX_TOKENS = 8
MAX_TOKEN_CHARS = 40


def fts_query(
    words: Sequence[str], prefix_last: bool = False, expansions: Sequence[list[str]] = ()
) -> str | None:
    """Build an FTS5 query that matches all words; user text can never inject syntax.

    `expansions[i]` lists category keys whose labels or keywords match word i: the word then
    also matches services in those categories.
    """
    safe = [w[:MAX_TOKEN_CHARS] for w in words if w][:MAX_TOKENS]
    if not safe:
        return None
    terms = []
    for i, word in enumerate(safe):
        term = '"' + word.replace('"', '""') + '"'
        if prefix_last and i == len(safe) - 1:
            term += "*"
        keys = list(expansions[i]) if i < len(expansions) else []
        if keys:
            term = "(" + " OR ".join([term, *('"' + k + '"' for k in keys)]) + ")"
        terms.append(term)
    return " AND ".join(terms)


def _category_matches(db: ContentDB, word: str, prefix: bool) -> list[str]:
    memo: dict[tuple[str, bool], list[str]] = db.cached("category-word-memo", lambda _db: {})
    prefix = prefix and len(word) >= 3  # "c*" would match every category
    key = (word, prefix)
    if key not in memo:
        query = fts_query([word], prefix)
        memo[key] = (
            [
                r[0]
                for r in db.execute(
                    "SELECT key FROM category_fts WHERE category_fts MATCH ?", (query,)
                )
            ]
            if query
            else []
        )
        if len(memo) > 5000:
            memo.clear()
    return memo[key]


def service_query(db: ContentDB, words: Sequence[str], prefix: bool) -> str | None:
    """The FTS query for these words, widened by category labels and keywords in any language."""
    safe = [w for w in words if w][:MAX_TOKENS]
    expansions = [
        _category_matches(db, w, prefix and i == len(safe) - 1) for i, w in enumerate(safe)
    ]
    return fts_query(safe, prefix, expansions)


def split_text(db: ContentDB, text: str) -> tuple[list[str], list[str]]:
    """Split search text into category keys it names and the remaining words for FTS."""
    words = fold_tokens(text[:2000])
    index = keyword_index(db)
    categories: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(index.max_words, len(words) - i), 0, -1):
            hit = index.lookup(" ".join(words[i : i + size]))
            if hit:
                if hit[0] not in categories:
                    categories.append(hit[0])
                i += size
                break
        else:
            if words[i] not in SEARCH_STOP:
                rest.append(words[i])
            i += 1
    return categories, rest
