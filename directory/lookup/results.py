"""Turning service rowids into result rows, cached per directory file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from directory.db.connections import ContentDB
from directory.lookup.categories import category_positions
from directory.models import Phone, ServiceResult


def rows_in(db: ContentDB, sql: str, ids: Sequence[Any], *params: object) -> list[Any]:
    """Run a query whose `{ids}` placeholder is filled with one ? per id."""
    marks = ",".join("?" * len(ids))
    return db.execute(sql.replace("{ids}", marks), (*params, *ids)).fetchall()


RESULT_CACHE_SIZE = 20_000


def hydrate(
    db: ContentDB, ranked: Sequence[tuple[int, float | None]], language: str | None
) -> list[ServiceResult]:
    """Turn (rowid, distance) pairs into full result rows, translated where possible.

    Rows are cached per directory file and language, so a busy line or kiosk reads each
    service once; the cache is dropped with the file when it is swapped.
    """
    lang = language or "en"
    cache: dict[tuple[int, str], ServiceResult] = db.cached("result-cache", lambda _db: {})
    missing = [rowid for rowid, _ in ranked if (rowid, lang) not in cache]
    if missing:
        if len(cache) > RESULT_CACHE_SIZE:
            cache.clear()
        for result_rowid, result in _load_results(db, [(i, None) for i in missing], lang):
            cache[(result_rowid, lang)] = result
    out = []
    for rowid, dist in ranked:
        template = cache.get((rowid, lang))
        if template is not None:
            out.append(template if dist is None else _with_distance(template, dist))
    return out


def _with_distance(template: ServiceResult, distance: float) -> ServiceResult:
    # dataclasses.replace re-runs __init__ (~10 us); a copy of the fields is ~1 us, and this
    # runs for every row of every search.
    result = object.__new__(ServiceResult)
    result.__dict__.update(template.__dict__)
    result.__dict__["distance_km"] = distance
    return result


_RESULT_SQL = (
    "SELECT s.rowid, s.ref, s.name, o.name, s.assured_date, COALESCE(s.hours_text, ''),"
    " COALESCE(s.description, ''), s.scope, COALESCE(s.url, ''),"
    " (SELECT a.city FROM service_at_location sal JOIN address a"
    "  ON a.location_id = sal.location_id WHERE sal.service_id = s.id LIMIT 1),"
    " (SELECT json_group_array(json_array(p.number, COALESCE(p.description, '')))"
    "  FROM (SELECT number, description FROM phone WHERE service_id = s.id ORDER BY position) p),"
    " (SELECT group_concat(category_key, ' ') FROM service_category WHERE service_rowid = s.rowid),"
    " (SELECT value FROM translation t WHERE t.table_name = 'service' AND t.record_id = s.id"
    "  AND t.field = 'name' AND t.language = ?),"
    " (SELECT value FROM translation t WHERE t.table_name = 'service' AND t.record_id = s.id"
    "  AND t.field = 'description' AND t.language = ?),"
    " (SELECT group_concat(a.name, ' ') FROM service_area a WHERE a.service_id = s.id"
    "  AND a.uri LIKE 'https://www.iso.org/obp/ui/#iso:code:3166:%')"
    " FROM service s JOIN organization o ON o.id = s.organization_id"
    " WHERE s.rowid IN ({ids})"
)


def _load_results(
    db: ContentDB, ranked: list[tuple[int, float | None]], language: str | None
) -> list[tuple[int, ServiceResult]]:
    """One query for all the rows: phones as JSON, categories as a list, translations joined."""
    if not ranked:
        return []
    lang = language or "en"
    positions = category_positions(db)
    rows = {r[0]: r for r in rows_in(db, _RESULT_SQL, [i for i, _ in ranked], lang, lang)}
    out = []
    for rowid, dist in ranked:
        r = rows.get(rowid)
        if r is None:
            continue
        phones = [Phone(number, desc) for number, desc in json.loads(r[10] or "[]")]
        cats = sorted((r[11] or "").split(), key=lambda k: positions.get(k, 99))
        result = ServiceResult(
            service_id=r[1],
            name=r[12] or r[2],
            organization=r[3],
            distance_km=dist,
            phones=phones,
            categories=cats,
            schedule_text=r[5],
            assured_date=r[4],
            description=r[13] or r[6],
            scope=r[7],
            town=r[9] or "",
            url=r[8],
            areas=(r[14] or "").split(),
        )
        out.append((rowid, result))
    return out
