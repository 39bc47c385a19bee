"""Finding the place a text names: scored word n-grams looked up in the directory.

Precision first: a wrong place ("Visits near How") costs a family's trust, a missing one only a
question. A prison name, a full postcode and an outward code beat a town; a longer name beats a
shorter one; a word after a place word ("in", "en", "στο", "w") beats one without; function
words are never places and everyday words only when nothing else could be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from directory.db.connections import ContentDB
from directory.lookup.places import normalise_postcode
from directory.models import Place
from directory.text.folding import fold
from directory.text.stopwords import FUNCTION
from directory.text.variants import deletions, edit_distance
from directory.understanding import words as lex

MAX_WORDS = 4
_OUTCODE = re.compile(r"^[a-z]{1,2}[0-9][a-z0-9]?$")
_EU_CODE = re.compile(r"^\d{4,6}$")
_EU_CODE_COUNTRY = {"de": ("DE", 5), "es": ("ES", 5), "pt": ("PT", 4), "ro": ("RO", 6)}
MIN_TOWN_POPULATION = 1000  # a single word with no place word before it
MIN_FOREIGN_WEIGHT = 20  # postcodes per name (or people) before a foreign town counts alone
MIN_FUZZY = 5
MIN_PRISON_TOWN = 5000  # people: a smaller place named like a prison means the prison
MIN_CITY = 100_000  # people: a foreign city named in any language's text
# ES, PT and DE towns come from postal codes: their weight is how many codes share the name
_WEIGHED_BY_POSTCODES = frozenset({"ES", "PT", "DE"})
MIN_POSTCODE_CITY = 40  # Lisboa has 47 (CP4), Madrid and Berlin hundreds
MIN_SUBSTITUTION = 7  # shorter words with a wrong letter are too often another real word


@dataclass(frozen=True)
class Candidate:
    """One place the words at [start, start+size) may name."""

    place: Place
    kind: str  # prison, postcode, outcode, town, foreign
    start: int
    size: int
    score: float
    words: str
    also_prison: Place | None = None  # a town that is also a prison's name


def _span_ok(span: list[str]) -> bool:
    if span[0] in FUNCTION or span[-1] in FUNCTION:
        return False
    if len(span) == 1:
        return len(span[0]) >= 3 and not span[0].isdigit()
    return any(w not in FUNCTION and w not in lex.COMMON for w in span)


def _cue_before(words: list[str], start: int, breaks: frozenset[int] = frozenset()) -> str | None:
    """The place word just before words[start] ("in", "en", "στο"), if any."""
    for back in (1, 2):
        i = start - back
        if i < 0 or i + 1 in breaks:
            return None
        if words[i] in lex.PLACE_CUES:
            return words[i]
        if words[i] not in lex.PRISON_WORDS and words[i] not in ("the", "la", "el", "o", "y"):
            return None
    return None


def _names_prison(words: list[str], i: int, breaks: frozenset[int]) -> bool:
    if words[i] in lex.NAMING_PRISON_WORDS:
        return True
    # "he is in prison, Bristol" / "a parent in prison Nottingham": prison as a state, not a name
    return words[i] in lex.PRISON_WORDS and not (
        i > 0 and i not in breaks and words[i - 1] in lex.PLACE_CUES
    )


def _prison_word_near(words: list[str], start: int, size: int, breaks: frozenset[int]) -> bool:
    """A prison word right before (skipping "de", "y", "of") or after the name."""
    i = start - 1
    while i >= 0 and (i + 1) not in breaks:
        if _names_prison(words, i, breaks):
            return True
        if words[i] not in ("of", "de", "y", "the", "la", "el", "do", "da", "din", "z"):
            break
        i -= 1
    after = start + size
    return after < len(words) and after not in breaks and words[after] in lex.PRISON_WORDS


def _variants(word: str, language: str | None) -> list[str]:
    """Other forms of a word that may be a town's own name (Welsh mutations, Polish cases)."""
    out: list[str] = []
    if language in (None, "cy"):
        for mutated, radical in lex.WELSH_RADICALS:
            if not mutated and word[0] not in "aeiouwy":
                continue
            if word.startswith(mutated) and len(word) > len(mutated) + 3:
                out.append(radical + word[len(mutated) :])
    if language in (None, "pl"):
        for ending in lex.POLISH_ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 3:
                out.append(word[: -len(ending)])
    return out


def _grams(words: list[str], language: str | None) -> dict[str, list[tuple[int, int]]]:
    grams: dict[str, list[tuple[int, int]]] = {}
    for i in range(len(words)):
        for size in range(1, min(MAX_WORDS, len(words) - i) + 1):
            span = words[i : i + size]
            if not _span_ok(span):
                continue
            grams.setdefault(" ".join(span), []).append((i, size))
        if _span_ok(words[i : i + 1]):
            for variant in _variants(words[i], language):
                for size in range(1, min(MAX_WORDS, len(words) - i) + 1):
                    span = [variant, *words[i + 1 : i + size]]
                    if _span_ok(span):
                        grams.setdefault(" ".join(span), []).append((i, size))
    return grams


def _placeholders(n: int) -> str:
    return ",".join("?" * n)


def _prisons(db: ContentDB, keys: list[str]) -> dict[str, Place]:
    rows = db.execute(
        "SELECT a.key, p.nomis, p.display_name, p.latitude, p.longitude, p.postcode, "
        "COALESCE(p.country, 'GB') FROM prison_alias a JOIN prison p ON p.nomis = a.nomis "
        f"WHERE a.key IN ({_placeholders(len(keys))})",
        keys,
    ).fetchall()
    # A prison is in its own country ("GB-SCT" -> GB, "PT" for Lisbon's): only UK prisons have
    # an outward code.
    return {
        key: Place(
            "",
            "prison",
            name,
            lat,
            lon,
            str(area)[:2],
            ((postcode or "").split(" ")[0] or None) if str(area).startswith("GB") else None,
            nomis,
        )
        for key, nomis, name, lat, lon, postcode, area in rows
    }


@dataclass(frozen=True)
class _Town:
    place: Place
    weight: int  # population, or postcodes per name abroad
    names: int  # how many different places share the name


def _towns(db: ContentDB, keys: list[str], country: str) -> dict[str, _Town]:
    rows = db.execute(
        "SELECT key, name, latitude, longitude, country, population FROM place "
        f"WHERE kind = 'town' AND key IN ({_placeholders(len(keys))})",
        keys,
    ).fetchall()
    best: dict[str, tuple[int, tuple[object, ...]]] = {}
    names: dict[str, set[str]] = {}
    for row in rows:
        key, name, _lat, _lon, where, population = row
        names.setdefault(key, set()).add(f"{name}|{where}")
        rank = (2 if where == country else 1 if where == "GB" else 0) * 10**9 + min(
            population, 10**9 - 1
        )
        if key not in best or rank > best[key][0]:
            best[key] = (rank, row)
    out: dict[str, _Town] = {}
    for key, (_rank, row) in best.items():
        _key, name, lat, lon, where, population = row
        place = Place("", "town", str(name), float(lat), float(lon), str(where))  # type: ignore[arg-type]
        out[key] = _Town(place, int(population), len(names[key]))  # type: ignore[call-overload]
    return out


def _outcodes(db: ContentDB, codes: list[str]) -> dict[str, Place]:
    rows = db.execute(
        "SELECT key, name, latitude, longitude, country FROM place "
        f"WHERE kind = 'outcode' AND key IN ({_placeholders(len(codes))})",
        codes,
    ).fetchall()
    return {
        key: Place("", "outcode", f"{key} ({town})", lat, lon, where, key)
        for key, town, lat, lon, where in rows
    }


def _postcode_place(db: ContentDB, full: str, district: Place) -> Place:
    """A full postcode at its district's centre, or exactly at the prison that has it."""
    code = full.split(" ")[0]
    prison = db.execute(
        "SELECT nomis, display_name, latitude, longitude FROM prison WHERE postcode = ?", (full,)
    ).fetchone()
    if prison:
        nomis, name, lat, lon = prison
        return Place("", "postcode", f"{full} ({name})", lat, lon, "GB", code, nomis)
    town = district.name.split(" (", 1)[-1].rstrip(")")
    return Place(
        "", "postcode", f"{full} ({town})", district.latitude, district.longitude,
        district.country, code,
    )  # fmt: skip


def _postcode_candidates(db: ContentDB, words: list[str]) -> list[Candidate]:
    out: list[Candidate] = []
    outs: dict[str, int] = {}
    for i, word in enumerate(words):
        pair = word + words[i + 1] if i + 1 < len(words) else ""
        full = normalise_postcode(pair) if pair and _OUTCODE.match(word) else None
        size = 2
        if full is None:
            full, size = normalise_postcode(word), 1
        if full:
            code = full.split(" ")[0]
            row = _outcodes(db, [code]).get(code)
            if row:
                place = _postcode_place(db, full, row)
                out.append(
                    Candidate(place, "postcode", i, size, 100, " ".join(words[i : i + size]))
                )
        elif _OUTCODE.match(word) and any(ch.isdigit() for ch in word):
            outs.setdefault(word.upper(), i)
    if outs:
        for code, place in _outcodes(db, list(outs)).items():
            i = outs[code]
            if not any(c.start <= i < c.start + c.size for c in out):
                out.append(Candidate(place, "outcode", i, 1, 85, words[i]))
    return out


def _eu_candidates(db: ContentDB, words: list[str], language: str | None) -> list[Candidate]:
    country_len = _EU_CODE_COUNTRY.get(language or "")
    if country_len is None:
        return []
    country, length = country_len
    out = []
    for i, word in enumerate(words):
        if _EU_CODE.match(word) and len(word) == length:
            row = db.execute(
                "SELECT name, latitude, longitude FROM place "
                "WHERE key = ? AND kind = 'eu_postcode' AND country = ?",
                (word, country),
            ).fetchone()
            if row:
                place = Place("", "eu_postcode", f"{word} {row[0]}", row[1], row[2], country)
                out.append(Candidate(place, "foreign", i, 1, 80, word))
    return out


def candidates(
    db: ContentDB, words: list[str], topic_words: set[int], topics: list[str],
    language: str | None, country: str, breaks: frozenset[int] = frozenset(),
) -> list[Candidate]:  # fmt: skip
    """Every place the text may name, scored."""
    found = _postcode_candidates(db, words) + _eu_candidates(db, words, language)
    grams = {
        key: spans
        for key, spans in _grams(words, language).items()
        if not all(i in topic_words for s, n in spans for i in range(s, s + n))
    }
    if not grams:
        return found
    keys = list(grams)
    towns = _towns(db, keys, country)
    # A town under another name finds its prison too ("Caerdydd" -> HMP Cardiff)
    prisons = _prisons(db, keys + [fold(t.place.name) for t in towns.values()])
    visiting = bool(topics) and topics[0] in ("visiting", "travel")
    for key, spans in grams.items():
        for start, size in spans:
            cue = _cue_before(words, start, breaks)
            near_prison = _prison_word_near(words, start, size, breaks)
            common = size == 1 and (words[start] in lex.COMMON or start in topic_words)
            town = towns.get(key)
            prison = prisons.get(key) or (prisons.get(fold(town.place.name)) if town else None)
            base = 10 * size + (15 if cue else 0)
            if prison and (near_prison or not common):
                # A prison in a hamlet (Pentonville, Brixton) is better known than the hamlet
                home = cue is not None and any(
                    w in lex.HOME_WORDS for w in words[max(0, start - 3) : start]
                )
                wants_prison = (
                    near_prison
                    or town is None
                    or town.weight < MIN_PRISON_TOWN
                    or (visiting and cue not in lex.FROM_CUES and not home)
                )
                if wants_prison:
                    found.append(Candidate(prison, "prison", start, size, 90 + base, key))
                    continue
            if town is None or (common and not topics):
                continue
            if not _town_ok(town, size, cue, common and bool(topics), near_prison, country):
                continue
            found.append(Candidate(town.place, "town", start, size, 50 + base, key, prison))
    return found


def _town_ok(
    town: _Town, size: int, cue: str | None, common: bool, near_prison: bool, country: str
) -> bool:
    if common:
        # An everyday word is a town only after a place word, and only when it names one place.
        return cue is not None and town.names == 1 and not near_prison
    if size > 1:
        return True
    if town.place.country != "GB":
        # Abroad, a single word is a town in the country of the text's language, or a big city
        # ("Vamos" in a Portuguese text is not the Greek village).
        if town.place.country == country:
            return town.weight >= MIN_FOREIGN_WEIGHT or cue is not None
        if town.place.country in _WEIGHED_BY_POSTCODES:
            return town.weight >= MIN_POSTCODE_CITY
        return town.weight >= MIN_CITY
    return town.weight >= MIN_TOWN_POPULATION or cue is not None


def fuzzy(
    db: ContentDB, words: list[str], unknown: list[int], country: str
) -> tuple[Candidate | None, list[str]]:
    """A misspelt town or prison among the unknown words: (the one close name, suggestions)."""
    probes: dict[str, tuple[int, int]] = {}
    for i in unknown:
        probes.setdefault(words[i], (i, 1))
        if i + 1 < len(words):
            probes.setdefault(f"{words[i]} {words[i + 1]}", (i, 2))
        if i > 0 and words[i - 1] not in FUNCTION:
            probes.setdefault(f"{words[i - 1]} {words[i]}", (i - 1, 2))
    variants: dict[str, set[str]] = {}
    for probe in probes:
        for variant in deletions(probe):
            variants.setdefault(variant, set()).add(probe)
    if not variants:
        return None, []
    rows = db.execute(
        f"SELECT variant, key FROM place_variant WHERE variant IN ({_placeholders(len(variants))})",
        list(variants),
    ).fetchall()
    close: dict[str, str] = {}
    for variant, key in rows:
        for probe in variants[variant]:
            if abs(len(probe) - len(key)) > 1 or edit_distance(probe, key, 1) > 1:
                continue
            if (
                len(probe) == len(key)
                and len(probe) < MIN_SUBSTITUTION
                and sorted(probe) != sorted(key)
            ):
                continue  # "faint" is not Flint; "brigthon" (two letters swapped) is Brighton
            close.setdefault(key, probe)
    if not close:
        return None, []
    keys = list(close)
    prisons = _prisons(db, keys)
    towns = _towns(db, keys, country)
    places: dict[str, tuple[Place, str, str]] = {}
    for key, probe in close.items():
        if key in prisons:
            places.setdefault(prisons[key].prison or key, (prisons[key], "prison", probe))
        elif key in towns:
            t = towns[key].place
            places.setdefault(f"{t.name}|{t.country}", (t, "town", probe))
    if len(places) != 1:
        return None, sorted(p.name for p, _k, _w in places.values())[:3]
    place, kind, probe = next(iter(places.values()))
    start, size = probes[probe]
    return Candidate(place, kind, start, size, 40, probe), []
