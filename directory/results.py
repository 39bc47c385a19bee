"""Turning service rowids into result rows, cached per directory file."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from directory.categories import category_positions
from directory.database import ContentDB
from directory.models import Phone, ServiceResult


def rows_in(db: ContentDB, sql: str, ids: Sequence[Any], *params: object) -> list[Any]:
    """Run a query whose `{ids}` placeholder is filled with one ? per id."""
    marks = ",".join("?" * len(ids))
    return db.execute(sql.replace("{ids}", marks), (*params, *ids)).fetchall()


RESULT_CACHE_SIZE = 20_000


def hydrate(
    db: ContentDB, ranked: list[tuple[int, float | None]], language: str | None
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


def _load_results(
    db: ContentDB, ranked: list[tuple[int, float | None]], language: str | None
) -> list[tuple[int, ServiceResult]]:
    if not ranked:
        return []
    ids = [rowid for rowid, _ in ranked]
    base = {
        r[0]: r
        for r in rows_in(
            db,
            "SELECT s.rowid, s.ref, s.name, o.name, s.assured_date, COALESCE(s.hours_text, ''), "
            "COALESCE(s.description, ''), s.scope, COALESCE(s.url, ''), s.id, "
            "(SELECT a.city FROM service_at_location sal JOIN address a "
            " ON a.location_id = sal.location_id WHERE sal.service_id = s.id LIMIT 1) "
            "FROM service s JOIN organization o ON o.id = s.organization_id "
            "WHERE s.rowid IN ({ids})",
            ids,
        )
    }
    uuids = {row[9]: rowid for rowid, row in base.items()}
    phones: dict[int, list[Phone]] = {i: [] for i in ids}
    for sid, number, desc in rows_in(
        db,
        "SELECT service_id, number, COALESCE(description, '') FROM phone "
        "WHERE service_id IN ({ids}) ORDER BY position",
        list(uuids),
    ):
        phones[uuids[sid]].append(Phone(number, desc))
    positions = category_positions(db)
    cats: dict[int, list[str]] = {i: [] for i in ids}
    for rowid, key in rows_in(
        db,
        "SELECT service_rowid, category_key FROM service_category WHERE service_rowid IN ({ids})",
        ids,
    ):
        cats[rowid].append(key)
    translated: dict[tuple[str, str], str] = {}
    if language and language != "en":
        for record, field, value in rows_in(
            db,
            "SELECT record_id, field, value FROM translation WHERE table_name = 'service' "
            "AND language = ? AND field IN ('name', 'description') AND record_id IN ({ids})",
            list(uuids),
            language,
        ):
            translated[(record, field)] = value
    out = []
    for rowid, dist in ranked:
        r = base.get(rowid)
        if r is None:
            continue
        out.append(
            (
                rowid,
                ServiceResult(
                    service_id=r[1],
                    name=translated.get((r[9], "name"), r[2]),
                    organization=r[3],
                    distance_km=dist,
                    phones=phones[rowid],
                    categories=sorted(cats[rowid], key=lambda k: positions.get(k, 99)),
                    schedule_text=r[5],
                    assured_date=r[4],
                    description=translated.get((r[9], "description"), r[6]),
                    scope=r[7],
                    town=r[10] or "",
                    url=r[8],
                ),
            )
        )
    return out
