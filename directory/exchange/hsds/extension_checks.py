"""Checking the `waypost_*` resources of an HSDS package like every other row, before use.

They come from whoever made the package, so a missing column, a position that is not a number
or a latitude of "north" is reported by file, row and column (and the row left out) instead of
stopping the import with a traceback. Prisons are checked by the build's own prison reader.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from directory.building.data_folder import LANG, TRANSLATED_FIELDS, Issues
from directory.exchange.hsds.reader import Origin, SourceTables
from directory.text.folding import fold_uncached as fold

KEY = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
KIND = re.compile(r"^[a-z][a-z_]{0,29}$")
Row = dict[str, str]
Check = Callable[[Origin, Row, Issues], bool]


def _problem(origin: Origin, issues: Issues, column: str, value: str, message: str) -> bool:
    issues.add(origin[0], origin[1], origin[2] + column, value, message)
    return False


def _required(origin: Origin, row: Row, issues: Issues, *columns: str) -> bool:
    ok = True
    for column in columns:
        if not row.get(column, ""):
            ok = _problem(origin, issues, column, "", "is required")
    return ok


def _language(origin: Origin, row: Row, issues: Issues) -> bool:
    value = row.get("language", "")
    if not LANG.match(value):
        return _problem(origin, issues, "language", value, "must be a language code such as en")
    return True


def _number(origin: Origin, row: Row, issues: Issues, column: str, low: float, high: float) -> bool:
    value = row.get(column, "")
    try:
        number = float(value)
    except ValueError:
        return _problem(origin, issues, column, value, "must be a number")
    if not (math.isfinite(number) and low <= number <= high):
        return _problem(origin, issues, column, value, f"must be between {low:g} and {high:g}")
    return True


def _whole(origin: Origin, row: Row, issues: Issues, column: str) -> bool:
    value = row.get(column, "")
    if value and not (value.isascii() and value.isdigit() and len(value) <= 10):
        return _problem(origin, issues, column, value, "must be a whole number (or empty)")
    return True


def _category(origin: Origin, row: Row, issues: Issues) -> bool:
    ok = _required(origin, row, issues, "key")
    key = row.get("key", "")
    if key and not KEY.match(key):
        ok = _problem(
            origin, issues, "key", key, "must be lower-case letters, digits, - and _ (up to 40)"
        )
    return _whole(origin, row, issues, "position") and ok


def _place(origin: Origin, row: Row, issues: Issues) -> bool:
    ok = _required(origin, row, issues, "key", "name", "country")
    kind = row.get("kind", "")
    if not KIND.match(kind):
        ok = _problem(origin, issues, "kind", kind, "must be a kind of place such as town")
    ok = _number(origin, row, issues, "latitude", -90, 90) and ok
    ok = _number(origin, row, issues, "longitude", -180, 180) and ok
    return _whole(origin, row, issues, "population") and ok


def _translation(origin: Origin, row: Row, issues: Issues) -> bool:
    ok = _required(origin, row, issues, "record_id", "value")
    table = row.get("table_name", "")
    if table not in ("service", "organization"):
        ok = _problem(origin, issues, "table_name", table, "must be service or organization")
    field = row.get("field", "")
    if field not in TRANSLATED_FIELDS:
        ok = _problem(
            origin, issues, "field", field, f"must be one of {', '.join(sorted(TRANSLATED_FIELDS))}"
        )
    return _language(origin, row, issues) and ok


def _checked(tables: SourceTables, name: str, check: Check, issues: Issues) -> None:
    tables.rows[name] = [(o, r) for o, r in tables.rows.get(name, []) if check(o, r, issues)]


def _linked(tables: SourceTables, name: str, keys: set[str], issues: Issues, check: Check) -> None:
    def linked(origin: Origin, row: Row, issues: Issues) -> bool:
        ok = _required(origin, row, issues, "key")
        if row.get("key") and row["key"] not in keys:
            ok = _problem(
                origin, issues, "key", row["key"], "is not a category in waypost_categories"
            )
        return check(origin, row, issues) and _language(origin, row, issues) and ok

    _checked(tables, name, linked, issues)


def _keywords_once(tables: SourceTables, issues: Issues) -> None:
    seen: dict[tuple[str, str], str] = {}
    kept = []
    for origin, row in tables.rows.get("waypost_keywords", []):
        slot = (fold(row["keyword"]), row["language"])
        other = seen.setdefault(slot, row["key"])
        if other != row["key"]:
            _problem(
                origin,
                issues,
                "keyword",
                row["keyword"],
                f"is already a keyword of {other!r} in this language",
            )
            continue
        kept.append((origin, row))
    tables.rows["waypost_keywords"] = kept


def check_extensions(tables: SourceTables, issues: Issues) -> None:
    """Report every malformed waypost_* row in `issues` and leave only the good rows."""
    _checked(tables, "waypost_categories", _category, issues)
    keys: set[str] = set()
    unique = []
    for origin, row in tables.rows.get("waypost_categories", []):
        if row["key"] in keys:
            _problem(origin, issues, "key", row["key"], "is used twice")
            continue
        keys.add(row["key"])
        unique.append((origin, row))
    tables.rows["waypost_categories"] = unique
    _linked(
        tables,
        "waypost_category_labels",
        keys,
        issues,
        lambda o, r, i: _required(o, r, i, "label"),
    )
    _linked(tables, "waypost_keywords", keys, issues, lambda o, r, i: _required(o, r, i, "keyword"))
    _keywords_once(tables, issues)
    _checked(tables, "waypost_places", _place, issues)
    _checked(tables, "waypost_translations", _translation, issues)


__all__ = ["check_extensions"]
