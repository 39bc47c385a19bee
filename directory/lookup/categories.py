"""Reads of the category list and the multilingual keyword table."""

from __future__ import annotations

from dataclasses import dataclass, field

from directory.db.connections import ContentDB
from directory.errors import UnknownCategory
from directory.models import Category
from directory.text.folding import fold


@dataclass(frozen=True)
class KeywordIndex:
    """Folded keyword -> (category key, language), with the longest keyword length in words."""

    entries: dict[str, tuple[str, str]]
    max_words: int
    languages: tuple[str, ...]
    # Every language a keyword belongs to: VISITAS is Spanish and Portuguese.
    shared: dict[str, frozenset[str]] = field(default_factory=dict)

    def lookup(self, folded: str) -> tuple[str, str] | None:
        """The category and language of a folded keyword, if it is one."""
        return self.entries.get(folded)

    def lookup_in(self, folded: str, language: str) -> tuple[str, str] | None:
        """As `lookup`, but in `language` when the keyword is also a word of that language."""
        hit = self.entries.get(folded)
        if hit and language != hit[1] and language in self.shared.get(folded, ()):
            return hit[0], language
        return hit


def _load_keywords(db: ContentDB) -> KeywordIndex:
    entries: dict[str, tuple[str, str]] = {}
    langs: set[str] = set()
    # English first so that a keyword shared by several languages reads as English.
    rows = db.execute(
        "SELECT folded, category_key, language FROM keyword ORDER BY language = 'en' DESC, language"
    ).fetchall()
    shared: dict[str, set[str]] = {}
    for folded, key, language in rows:
        entries.setdefault(folded, (key, language))
        if entries[folded][0] == key:
            shared.setdefault(folded, set()).add(language)
        langs.add(language)
    max_words = max((len(k.split()) for k in entries), default=1)
    return KeywordIndex(
        entries,
        max_words,
        tuple(sorted(langs)),
        {k: frozenset(v) for k, v in shared.items() if len(v) > 1},
    )


def keyword_index(db: ContentDB) -> KeywordIndex:
    """The keyword table, cached per directory file."""
    return db.cached("keywords", _load_keywords)


def _positions(db: ContentDB) -> dict[str, int]:
    return dict(db.execute("SELECT key, position FROM category").fetchall())


def category_positions(db: ContentDB) -> dict[str, int]:
    """Category key -> display position (1 = first)."""
    return db.cached("category-positions", _positions)


def check_category(db: ContentDB, key: str) -> str:
    """Return the category key in canonical form, or raise UnknownCategory."""
    positions = category_positions(db)
    canonical = fold(key).replace(" ", "_")
    if canonical in positions:
        return canonical
    found = keyword_index(db).lookup(fold(key))
    if found:
        return found[0]
    raise UnknownCategory(key, sorted(positions, key=positions.__getitem__))


def list_categories(db: ContentDB, language: str = "en") -> list[Category]:
    """All categories in display order, labelled in the language (English where missing)."""

    def load(db: ContentDB) -> list[Category]:
        rows = db.execute(
            "SELECT c.key, COALESCE(l.label, e.label), COALESCE(l.short_label, e.short_label), "
            "c.icon, c.position FROM category c "
            "JOIN category_label e ON e.category_key = c.key AND e.language = 'en' "
            "LEFT JOIN category_label l ON l.category_key = c.key AND l.language = ? "
            "ORDER BY c.position",
            (language,),
        ).fetchall()
        return [Category(*row) for row in rows]

    return db.cached(f"categories:{language}", load)


def category_label(db: ContentDB, key: str, language: str = "en", short: bool = False) -> str:
    """One category's label in a language."""
    for category in list_categories(db, language):
        if category.key == key:
            return category.short_label if short else category.label
    raise UnknownCategory(key, [c.key for c in list_categories(db)])


def available_languages(db: ContentDB) -> list[str]:
    """Languages that have category labels in this directory."""
    return [r[0] for r in db.execute("SELECT DISTINCT language FROM category_label ORDER BY 1")]
