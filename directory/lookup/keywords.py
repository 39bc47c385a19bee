"""The SMS keyword to show for each category in each language (the first one listed)."""

from __future__ import annotations

from directory.db.connections import ContentDB


def _load(db: ContentDB) -> dict[tuple[str, str], str]:
    primary: dict[tuple[str, str], str] = {}
    # Rows are inserted in the order categories.toml lists them: the first is the main keyword.
    for key, language, keyword in db.execute(
        "SELECT category_key, language, keyword FROM keyword ORDER BY rowid"
    ):
        primary.setdefault((key, language), keyword)
    return primary


def primary_keyword(db: ContentDB, category: str, language: str) -> str:
    """The main SMS keyword of a category in a language (English, then the key, if none)."""
    table = db.cached("primary-keywords", _load)
    return table.get((category, language)) or table.get((category, "en")) or category.upper()
