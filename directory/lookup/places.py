"""Place lookup, offline: UK postcodes and outward codes, towns, prisons, EU postal codes."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import defaultdict

from directory.db.connections import ContentDB
from directory.errors import PlaceNotFound, PlaceSuggestion
from directory.models import Place
from directory.text.areas import nation_of
from directory.text.folding import fold
from directory.text.stopwords import PLACE_FILLER

_UK_FULL = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_UK_OUT = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")
_EU_CODE = re.compile(
    r"^(?:(?P<prefix>[A-Z]{1,2})[\s-]*)?(?P<code>\d{4}(?:-\d{3})?|\d{5,6})(?:\s+(?P<town>.+))?$"
)
_COUNTRY_PREFIX = {"D": "DE", "DE": "DE", "E": "ES", "ES": "ES", "P": "PT", "PT": "PT", "RO": "RO"}
_PRISON_WORDS = {
    "hmp",
    "hm",
    "yoi",
    "prison",
    "prisons",
    "jail",
    "gaol",
    "carchar",
    "ei",
    "mawrhydi",
}


def normalise_postcode(text: str) -> str | None:
    """ "bn71ea" -> "BN7 1EA"; None when it is not shaped like a full UK postcode."""
    compact = re.sub(r"[\s-]+", "", text.upper())
    match = _UK_FULL.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else None


def _outcode_row(db: ContentDB, outcode: str) -> tuple[str, float, float, str] | None:
    row = db.execute(
        "SELECT name, latitude, longitude, country FROM place WHERE key = ? AND kind = 'outcode'",
        (outcode,),
    ).fetchone()
    return (row[0], row[1], row[2], row[3]) if row else None


def _prison_by_key(db: ContentDB, key: str) -> Place | None:
    row = db.execute(
        "SELECT p.nomis, p.display_name, p.latitude, p.longitude, p.postcode, p.country "
        "FROM prison_alias a JOIN prison p ON p.nomis = a.nomis WHERE a.key = ?",
        (key,),
    ).fetchone()
    if not row:
        return None
    country = str(row[5] or "GB")[:2]  # "GB-SCT" -> GB; "ES" for a prison in Spain
    outcode = (row[4] or "").split(" ")[0] or None if country == "GB" else None
    return Place("", "prison", row[1], row[2], row[3], country, outcode, row[0])


def _town(db: ContentDB, key: str, country_hint: str | None) -> Place | None:
    rows = db.execute(
        "SELECT name, latitude, longitude, country, region FROM place "
        "WHERE key = ? AND kind = 'town' ORDER BY population DESC",
        (key,),
    ).fetchall()
    if not rows:
        return None
    preferred = [r for r in rows if r[3] == (country_hint or "GB")] or rows
    name, lat, lon, country, region = preferred[0]
    # The town's own row says its nation: no second look-up by name (a scan of every place).
    area = nation_of(country, region or "") if region or country != "GB" else ""
    outcode = _nearest_outcode(db, lat, lon, country)
    return Place("", "town", name, lat, lon, country, outcode, area=area)


def _nearest_outcode(db: ContentDB, lat: float, lon: float, country: str) -> str | None:
    if country != "GB":
        return None
    row = db.execute(
        "SELECT key FROM place WHERE kind = 'outcode' AND latitude BETWEEN ? AND ? "
        "AND longitude BETWEEN ? AND ? "
        "ORDER BY (latitude - ?) * (latitude - ?)"
        " + (longitude - ?) * (longitude - ?) * 0.4 LIMIT 1",
        (lat - 0.2, lat + 0.2, lon - 0.3, lon + 0.3, lat, lat, lon, lon),
    ).fetchone()
    return row[0] if row else None


def nearest_outcode(db: ContentDB, lat: float, lon: float, country: str) -> str | None:
    """The UK outward code nearest a point (None abroad or far from any)."""
    return _nearest_outcode(db, lat, lon, country)


def _town_keys(db: ContentDB) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = defaultdict(list)
    seen: set[str] = set()
    for (key,) in db.execute(
        "SELECT key FROM place WHERE kind = 'town' UNION SELECT key FROM prison_alias"
    ):
        if key and key not in seen:
            seen.add(key)
            by_letter[key[0]].append(key)
    return dict(by_letter)


def _display_for_key(db: ContentDB, key: str) -> tuple[str, str]:
    row = db.execute(
        "SELECT name, 'town' FROM place WHERE key = ? AND kind = 'town' "
        "ORDER BY population DESC LIMIT 1",
        (key,),
    ).fetchone()
    if row:
        return row[0], row[1]
    row = db.execute(
        "SELECT p.display_name FROM prison_alias a JOIN prison p ON p.nomis = a.nomis "
        "WHERE a.key = ?",
        (key,),
    ).fetchone()
    return (row[0], "prison") if row else (key, "town")


def suggest(db: ContentDB, text: str, limit: int = 3) -> list[PlaceSuggestion]:
    """Places whose names are close to the text, best first."""
    key = fold(text)
    if not key:
        return []
    pool = db.cached("place-town-keys", _town_keys).get(key[0], [])
    close = difflib.get_close_matches(key, pool, n=limit * 3, cutoff=0.75)
    out: list[PlaceSuggestion] = []
    names: set[str] = set()
    for match in close:
        name, kind = _display_for_key(db, match)
        if name not in names:
            names.add(name)
            out.append(PlaceSuggestion(name, kind))
    return out[:limit]


def _eu_postcode(db: ContentDB, text: str, country_hint: str | None) -> Place | None:
    match = _EU_CODE.match(text.upper().strip())
    if not match:
        return None
    code = match.group("code")
    prefix = match.group("prefix")
    country = _COUNTRY_PREFIX.get(prefix) if prefix else None
    if prefix and not country:
        return None
    if "-" in code:  # Portuguese CP7 "1000-001": districts are held as CP4
        code = code.split("-")[0]
    candidates = {4: ("PT",), 5: ("DE", "ES"), 6: ("RO",)}.get(len(code), ())
    countries = (
        [country] if country else [c for c in candidates if c == country_hint] or list(candidates)
    )
    for each in countries:
        row = db.execute(
            "SELECT name, latitude, longitude FROM place "
            "WHERE key = ? AND kind = 'eu_postcode' AND country = ?",
            (code, each),
        ).fetchone()
        if row:
            return Place("", "eu_postcode", f"{code} {row[0]} ({each})", row[1], row[2], each)
    return None


def resolve_place(
    db: ContentDB, text: str, country_hint: str | None = None, *, fuzzy: bool = True
) -> Place:
    """Resolve what a family typed or texted to a place; raise PlaceNotFound with suggestions.

    With fuzzy=False only exact names and codes match and no suggestions are computed: cheap
    enough to try on every run of words in a text message.
    """
    raw = (text or "").strip()[:120]
    hint = country_hint.upper() if country_hint else None
    if not raw:
        raise PlaceNotFound(raw)
    place = _resolve(db, raw, hint, fuzzy)
    if place is None:
        raise PlaceNotFound(raw, suggest(db, raw) if fuzzy else [])
    return dataclasses.replace(place, text=raw, area=place.area or place_area(db, place))


def place_area(db: ContentDB, place: Place) -> str:
    """The coverage code of a place: its UK nation (from the prison or the gazetteer region),
    else its country. "GB" alone when the nation cannot be told (the Crown Dependencies)."""
    if place.kind in ("prison", "postcode") and place.prison:
        row = db.execute("SELECT country FROM prison WHERE nomis = ?", (place.prison,)).fetchone()
        if row and row[0] and (place.kind == "prison" or str(row[0]).startswith("GB")):
            return str(row[0])
    if place.country != "GB":
        return place.country
    region = None
    if place.kind == "town":
        found = db.execute(
            "SELECT region FROM place WHERE key = ? AND kind = 'town' AND country = 'GB'"
            " ORDER BY population DESC LIMIT 1",
            (fold(place.name),),
        ).fetchone()
        region = found[0] if found and found[0] else None
    outcode = place.outcode or (
        _nearest_outcode(db, place.latitude, place.longitude, "GB") if region is None else None
    )
    if region is None and outcode:
        found = db.execute(
            "SELECT region FROM place WHERE kind = 'outcode' AND key = ?", (outcode,)
        ).fetchone()
        region = found[0] if found else None
    return nation_of("GB", region or "")


def _resolve(db: ContentDB, raw: str, hint: str | None, fuzzy: bool) -> Place | None:
    postcode = normalise_postcode(raw)
    if postcode:
        outcode = postcode.split(" ")[0]
        # Only district centroids are open data; a prison's own postcode is known exactly.
        exact = db.execute(
            "SELECT nomis, display_name, latitude, longitude FROM prison WHERE postcode = ?",
            (postcode,),
        ).fetchone()
        if exact:
            return Place(
                "",
                "postcode",
                f"{postcode} ({exact[1]})",
                exact[2],
                exact[3],
                "GB",
                outcode,
                exact[0],
            )
        row = _outcode_row(db, outcode)
        if row:
            return Place("", "postcode", f"{postcode} ({row[0]})", row[1], row[2], row[3], outcode)
    compact = re.sub(r"\s+", "", raw.upper())
    if _UK_OUT.match(compact):
        row = _outcode_row(db, compact)
        if row:
            return Place("", "outcode", f"{compact} ({row[0]})", row[1], row[2], row[3], compact)
    if any(ch.isdigit() for ch in raw):
        found = _eu_postcode(db, raw, hint)
        if found:
            return found
    folded = fold(raw).split()
    words = [w for w in folded if w not in PLACE_FILLER]
    if not words:
        return None
    # A filler word inside a name is part of it ("Isle of Wight", "Barrow in Furness"): the name
    # as typed, trimmed of "near", "in" and the like at its ends, is looked up first.
    trimmed = _trim_filler(folded)
    if trimmed != words:
        found = _exact(db, trimmed, hint)
        if found:
            return found
    found = _exact(db, words, hint)
    if found:
        return found
    if len(words) > 1:  # "Brighton and Hove", "Lewes town centre": try the leading name
        for size in range(len(words) - 1, 0, -1):
            town = _town(db, " ".join(words[:size]), hint)
            if town:
                return town
    return _fuzzy(db, " ".join(words), hint) if fuzzy else None


def _trim_filler(words: list[str]) -> list[str]:
    """The words without filler at either end ("near", "the"), keeping any inside a name."""
    start, end = 0, len(words)
    while start < end and words[start] in PLACE_FILLER:
        start += 1
    while end > start and words[end - 1] in PLACE_FILLER:
        end -= 1
    return words[start:end]


def _exact(db: ContentDB, words: list[str], hint: str | None) -> Place | None:
    """A prison or town named by exactly these words ("HMP Lewes", "Lewes prison", "Lewes")."""
    key = " ".join(words)
    named_prison = any(w in _PRISON_WORDS for w in words)
    prison = _prison_by_key(db, key)
    if prison is None and named_prison:
        bare = " ".join(w for w in words if w not in _PRISON_WORDS)
        prison = _prison_by_key(db, bare) if bare else None
    if prison and named_prison:
        return prison
    town = _town(db, key, hint)
    if town:
        return _with_prison(town, prison)
    return prison


def _with_prison(place: Place, prison: Place | None) -> Place:
    return place if prison is None else dataclasses.replace(place, prison=prison.prison)


def _fuzzy(db: ContentDB, key: str, hint: str | None) -> Place | None:
    if len(key) < 4:
        return None
    pool = db.cached("place-town-keys", _town_keys).get(key[0], [])
    scored = sorted(
        (
            (difflib.SequenceMatcher(None, key, k).ratio(), k)
            for k in difflib.get_close_matches(key, pool, n=5, cutoff=0.85)
        ),
        reverse=True,
    )
    if not scored:
        return None
    best_score, best = scored[0]
    if len(scored) > 1 and scored[1][0] >= best_score - 0.02:
        return None  # two equally likely places: ask instead of guessing
    place = _town(db, best, hint) or _prison_by_key(db, best)
    if place is None:
        return None
    return dataclasses.replace(place, fuzzy=True)
