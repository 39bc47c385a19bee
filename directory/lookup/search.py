"""Search: local services ranked by distance, national ones apart, and safe full-text search."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable

from directory.db.connections import ContentDB
from directory.lookup.categories import category_positions, check_category
from directory.lookup.places import place_area, resolve_place
from directory.lookup.results import hydrate, rows_in
from directory.lookup.text_query import service_query, split_text
from directory.models import Place, SearchResults, ServiceResult
from directory.text.areas import AREA_URI, covering_codes

EARTH_KM = 6371.0088
FIRST_RADIUS_KM = 8.0
MAX_RADIUS_KM = 80.0
TEXT_CANDIDATES = 400
NATIONAL_LIMIT = 5
SELECTIVE_TEXT = 4000  # at most this many text matches: rank them all by distance


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _text_rowids(db: ContentDB, words: list[str], limit: int, prefix_last: bool) -> list[int]:
    """Matching service rowids in static order: name matches first, then anywhere."""
    query = service_query(db, words, prefix_last)
    if query is None:
        return []
    ids: list[int] = []
    seen: set[int] = set()
    for match in (f"name : ({query})", query):
        for (rowid,) in db.execute(
            "SELECT rowid FROM service_fts WHERE service_fts MATCH ? LIMIT ?", (match, limit)
        ):
            if rowid not in seen:
                seen.add(rowid)
                ids.append(rowid)
        if len(ids) >= limit:
            break
    return ids[:limit]


def _text_filter(db: ContentDB, words: list[str], rowids: Iterable[int], prefix: bool) -> set[int]:
    query = service_query(db, words, prefix)
    ids = list(rowids)
    if query is None or not ids:
        return set(ids)
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0]
            for r in db.execute(
                f"SELECT rowid FROM service_fts WHERE service_fts MATCH ? AND rowid IN ({marks})",
                (query, *chunk),
            )
        )
    return found


def _nearby(
    db: ContentDB, place: Place, cat_pos: int | None, radius: float, nearest: int | None = None
) -> dict[int, float]:
    """Service rowid -> nearest distance, for locations inside the radius.

    With `nearest`, SQLite orders the box by an equirectangular distance (exact enough to rank
    within 100 km) and returns only that many rows, so Python measures tens, not hundreds.
    """
    dlat = radius / 111.0
    kx = max(0.05, math.cos(math.radians(place.latitude)))
    dlon = radius / (111.320 * kx)
    sql = (
        "SELECT service_rowid, lat, lon FROM service_point WHERE category = ?"
        " AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
    )
    params: tuple[float, ...] = (
        cat_pos or 0,
        place.latitude - dlat,
        place.latitude + dlat,
        place.longitude - dlon,
        place.longitude + dlon,
    )
    if nearest is not None:
        sql += " ORDER BY (lat - ?) * (lat - ?) + (lon - ?) * (lon - ?) * ? LIMIT ?"
        lat0, lon0 = place.latitude, place.longitude
        params = (*params, lat0, lat0, lon0, lon0, kx * kx, nearest)
    best: dict[int, float] = {}
    for rowid, lat, lon in db.execute(sql, params).fetchall():
        d = distance_km(place.latitude, place.longitude, lat, lon)
        if d <= radius and d < best.get(rowid, math.inf):
            best[rowid] = d
    return best


def _covered(area: str | None) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    """SQL (on service `s`) keeping active services, and with an area those that serve it; and
    a 0/1 column that lists those for exactly that area (Scotland) before wider ones (the UK)."""
    if not area:
        return "s.status = 'active'", (), "0", ()
    codes = tuple(AREA_URI + c for c in covering_codes(area))
    marks = ",".join("?" * len(codes))
    return (
        "s.status = 'active' AND EXISTS (SELECT 1 FROM service_area a WHERE a.service_id = s.id"
        f" AND a.uri IN ({marks}))",
        codes,
        "EXISTS (SELECT 1 FROM service_area x WHERE x.service_id = s.id AND x.uri = ?)",
        codes[:1],
    )


def _national(
    db: ContentDB,
    category: str | None,
    words: list[str],
    limit: int,
    prefix: bool,
    area: str | None = None,
) -> list[int]:
    """National services that are active and serve `area` when one is given: those for exactly
    that area first, then in static order."""
    where, params, exact, exact_params = _covered(area)
    head = f"SELECT s.rowid, {exact} AS exact"
    if words:
        ids = _text_rowids(db, words, TEXT_CANDIDATES, prefix)
        if not ids:
            return []
        rows = rows_in(
            db,
            f"{head} FROM service s WHERE s.scope = 'national' AND {where}"
            " AND s.rowid IN ({ids})",
            ids,
            *exact_params,
            *params,
        )
        found = [r[0] for r in sorted(rows, key=lambda r: (-r[1], r[0]))]
        if category:
            keep = {
                r[0]
                for r in rows_in(
                    db,
                    "SELECT service_rowid FROM service_category WHERE category_key = ? "
                    "AND service_rowid IN ({ids})",
                    found,
                    category,
                )
            }
            found = [i for i in found if i in keep]
        return found[:limit]
    # Without words the answer depends only on the category and the area, and national
    # services are few: both sets are read once per directory file and intersected here.
    # (Ordering by "exact area first" in SQL made it evaluate every service of the category:
    # tens of milliseconds on a large directory.)
    candidates = _national_in(db, category)
    serving = _serving(db, area)
    if serving is not None:
        candidates = [i for i in candidates if i in serving]
        candidates.sort(key=lambda i: (not serving[i], i))
    return candidates[:limit]


def _national_in(db: ContentDB, category: str | None) -> list[int]:
    """Active national services (of the category), in static order; read once per file."""
    return list(db.cached("national-by-category", _national_by_category).get(category or "", ()))


def _national_by_category(db: ContentDB) -> dict[str, list[int]]:
    """Every category's active national services, and all of them under "": one scan of the
    service table for every category (a scan per category cost each category's first search
    about as much as all of them; docs/performance.md)."""
    by_category: dict[str, list[int]] = {"": []}
    rows = db.execute(
        "SELECT s.rowid, c.category_key FROM service s"
        " LEFT JOIN service_category c ON c.service_rowid = s.rowid"
        " WHERE s.scope = 'national' AND s.status = 'active' ORDER BY s.rowid"
    )
    for rowid, category in rows:
        if not by_category[""] or by_category[""][-1] != rowid:
            by_category[""].append(rowid)
        if category:
            by_category.setdefault(category, []).append(rowid)
    return by_category


def _serving(db: ContentDB, area: str | None) -> dict[int, bool] | None:
    """Services whose coverage includes the area, each with True when it is exactly that area
    (Scotland before the UK); None when there is no area to filter by. Read once per file."""
    if not area:
        return None
    codes = [AREA_URI + c for c in covering_codes(area)]

    def read(db: ContentDB) -> dict[int, bool]:
        marks = ",".join("?" * len(codes))
        rows = db.execute(
            "SELECT s.rowid, a.uri FROM service_area a JOIN service s ON s.id = a.service_id"
            f" WHERE a.uri IN ({marks})",
            codes,
        )
        serving: dict[int, bool] = {}
        for rowid, uri in rows:
            serving[rowid] = serving.get(rowid, False) or uri == codes[0]
        return serving

    return db.cached(f"serving:{area}", read)


def _local_without_place(
    db: ContentDB, category: str | None, words: list[str], limit: int, offset: int, prefix: bool
) -> list[int]:
    if words:
        ids = _text_rowids(db, words, TEXT_CANDIDATES, prefix)
        if not ids:
            return []
        rows = rows_in(
            db,
            "SELECT rowid FROM service WHERE scope = 'local' AND status = 'active'"
            " AND rowid IN ({ids})",
            ids,
        )
        local = {r[0] for r in rows}
        if category:
            local &= {
                r[0]
                for r in rows_in(
                    db,
                    "SELECT service_rowid FROM service_category WHERE category_key = ? "
                    "AND service_rowid IN ({ids})",
                    list(local),
                    category,
                )
            }
        ordered = [i for i in ids if i in local]
        return ordered[offset : offset + limit]
    if category:
        sql = (
            "SELECT s.rowid FROM service_category c JOIN service s ON s.rowid = c.service_rowid "
            "WHERE c.category_key = ? AND s.scope = 'local' AND s.status = 'active'"
            " ORDER BY s.rowid LIMIT ? OFFSET ?"
        )
        return [r[0] for r in db.execute(sql, (category, limit, offset))]
    return [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM service WHERE scope = 'local' AND status = 'active'"
            " ORDER BY rowid LIMIT ? OFFSET ?",
            (limit, offset),
        )
    ]


def search_services(
    db: ContentDB,
    *,
    near: Place | str | None = None,
    category: str | None = None,
    text: str | None = None,
    language: str | None = None,
    limit: int = 10,
    offset: int = 0,
    national_limit: int = NATIONAL_LIMIT,
    max_radius_km: float = MAX_RADIUS_KM,
    country_hint: str | None = None,
    prefix: bool = False,
) -> SearchResults:
    """Find services: local ones nearest first (radius widened until enough), national apart.

    `text` may name categories in any language ("vivienda"); those words filter by category and
    the rest go to full-text search. `prefix` treats the last word as a prefix (typing on a
    keypad). Raises PlaceNotFound for an unknown place and UnknownCategory for a bad key.
    """
    limit = max(0, min(int(limit), 100))
    offset = max(0, min(int(offset), 10_000))
    place = resolve_place(db, near, country_hint) if isinstance(near, str) else near
    cat = check_category(db, category) if category else None
    words: list[str] = []
    if text:
        named, words = split_text(db, text)
        if cat is None and len(named) == 1:
            cat = named[0]
        elif named and cat is None:
            words = [*words, *named]  # several categories named: each key is in the documents
    if place is not None and not place.area:
        # A place from a session or the kiosk's settings: work out its nation once, so that the
        # caller's national lookups (and labels) use the same area as this search.
        place = dataclasses.replace(place, area=place_area(db, place))
    area = place.area if place is not None else None
    national_ids = _national(db, cat, words, national_limit, prefix, area)
    national = hydrate(db, [(i, None) for i in national_ids], language)
    if place is None:
        local_ids = _local_without_place(db, cat, words, limit, offset, prefix)
        local = hydrate(db, [(i, None) for i in local_ids], language)
        return SearchResults(None, local, national, None, [cat] if cat else [])
    cat_pos = category_positions(db).get(cat) if cat else None
    wanted = offset + limit
    found, radius = _local_near(db, place, cat_pos, words, prefix, wanted, max_radius_km)
    ranked = sorted(found.items(), key=lambda kv: (kv[1], kv[0]))
    if place.prison and cat == "visiting":
        ranked = _prison_first(db, place.prison, ranked)
    local = hydrate(db, ranked[offset:wanted], language)
    return SearchResults(place, local, national, radius, [cat] if cat else [])


def _prison_first(
    db: ContentDB, nomis: str, ranked: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """For "VISITS LEWES" the prison's own visiting entry leads, even if another is nearer."""
    row = db.execute(
        "SELECT s.rowid FROM prison p JOIN service s ON s.ref = p.service_ref WHERE p.nomis = ?",
        (nomis,),
    ).fetchone()
    if row is None:
        return ranked
    own = [item for item in ranked if item[0] == row[0]]
    return own + [item for item in ranked if item[0] != row[0]] if own else ranked


def _match_ids(db: ContentDB, words: list[str], prefix: bool, limit: int) -> list[int]:
    query = service_query(db, words, prefix)
    if query is None:
        return []
    sql = "SELECT rowid FROM service_fts WHERE service_fts MATCH ? LIMIT ?"
    return [r[0] for r in db.execute(sql, (query, limit))]


def _local_near(
    db: ContentDB,
    place: Place,
    cat_pos: int | None,
    words: list[str],
    prefix: bool,
    wanted: int,
    max_radius_km: float,
) -> tuple[dict[int, float], float]:
    """Service rowid -> distance for local matches, and the radius searched."""
    if words:
        ids = _match_ids(db, words, prefix, SELECTIVE_TEXT + 1)
        if len(ids) <= SELECTIVE_TEXT:
            # Rare words: measure the few matches directly rather than widening a box.
            return _distances(db, place, cat_pos, ids, max_radius_km), max_radius_km
    checked: dict[int, bool] = {}  # text membership, tested once per service across widenings
    radius = FIRST_RADIUS_KM
    while True:
        found = _nearby(db, place, cat_pos, radius, None if words else wanted)
        if words:
            new = [k for k in found if k not in checked]
            keep = _text_filter(db, words, new, prefix)
            checked.update((k, k in keep) for k in new)
            found = {k: v for k, v in found.items() if checked[k]}
        if len(found) >= wanted or radius >= max_radius_km:
            break
        # Widen in proportion to what is missing (density ~ count / area), 2x to 4x a step.
        factor = math.sqrt(wanted / max(len(found), 0.5)) * 1.25
        radius = min(radius * min(4.0, max(2.0, factor)), max_radius_km)
    return found, radius


def _distances(
    db: ContentDB, place: Place, cat_pos: int | None, ids: list[int], max_radius_km: float
) -> dict[int, float]:
    best: dict[int, float] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = rows_in(
            db,
            "SELECT service_rowid, lat, lon FROM service_point WHERE category = ?"
            " AND service_rowid IN ({ids})",
            chunk,
            cat_pos or 0,
        )
        for rowid, lat, lon in rows:
            d = distance_km(place.latitude, place.longitude, lat, lon)
            if d <= max_radius_km and d < best.get(rowid, math.inf):
                best[rowid] = d
    return best


def national_services(
    db: ContentDB,
    category: str | None,
    language: str | None,
    limit: int,
    area: str | None = None,
) -> list[ServiceResult]:
    """The first national services of a category, as `search_services` lists them apart.

    For a caller that needs them only when the local results fall short (the SMS line fills a
    page with local results first), so that they are not looked up on every search.
    """
    cat = check_category(db, category) if category else None
    ids = _national(db, cat, [], max(0, min(int(limit), 100)), False, area)
    return hydrate(db, [(i, None) for i in ids], language)
