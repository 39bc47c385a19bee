"""Reading the gazetteers in data/places into place records."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from directory.building.records import PlaceRecord
from directory.lookup.places import normalise_postcode
from directory.text.folding import fold_uncached as fold


def _rows(path: Path) -> csv.DictReader[str]:
    return csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines())


def load_outcodes(path: Path) -> list[PlaceRecord]:
    """UK outward codes with their centroids; `name` is the town label."""
    out = []
    for row in _rows(path):
        country = "GB"
        out.append(
            PlaceRecord(
                "outcode",
                row["outcode"].upper(),
                row["town"],
                country,
                float(row["latitude"]),
                float(row["longitude"]),
                row["region"],
            )
        )
    return out


def load_uk_places(path: Path) -> list[PlaceRecord]:
    """UK towns, villages and localities."""
    return [
        PlaceRecord(
            "town",
            fold(row["name"]),
            row["name"],
            "GB",
            float(row["latitude"]),
            float(row["longitude"]),
            row["region"],
            int(row["population"] or 0),
        )
        for row in _rows(path)
    ]


def load_eu_postcodes(path: Path) -> list[PlaceRecord]:
    """DE/ES/PT/RO postal codes (one point per code) and their place names as towns."""
    # Running sums: [first name, lat total, lon total, rows]; 127k rows, so no per-row lists.
    codes: dict[tuple[str, str], list[Any]] = {}
    towns: dict[tuple[str, str], list[Any]] = {}
    folded: dict[str, str] = {}
    reader = csv.reader(path.read_text(encoding="utf-8-sig").splitlines())
    next(reader)
    for country, postcode, place, lat_text, lon_text in reader:
        lat, lon = float(lat_text), float(lon_text)
        key = folded.get(place)
        if key is None:
            key = folded[place] = fold(place)
        for table, ident in ((codes, (country, postcode)), (towns, (country, key))):
            acc = table.get(ident)
            if acc is None:
                table[ident] = [place, lat, lon, 1]
            else:
                acc[1] += lat
                acc[2] += lon
                acc[3] += 1
    out = [
        PlaceRecord("eu_postcode", code, name, country, lat / n, lon / n)
        for (country, code), (name, lat, lon, n) in codes.items()
    ]
    # population is unknown here; many postcodes for one name means a bigger place
    out.extend(
        PlaceRecord("town", key, name, country, lat / n, lon / n, "", n)
        for (country, key), (name, lat, lon, n) in towns.items()
        if key
    )
    return out


def load_gr_places(path: Path, country: str = "GR") -> list[PlaceRecord]:
    """Greek (or Romanian) towns by GeoNames and local name; folding makes accents optional."""
    out = []
    for row in _rows(path):
        lat, lon = float(row["latitude"]), float(row["longitude"])
        pop = int(row.get("population") or 0)
        names = {row["name"], row.get("name_local") or ""}
        for name in filter(None, names):
            out.append(
                PlaceRecord(
                    "town", fold(name), row["name"], country, lat, lon, row.get("region", ""), pop
                )
            )
    return out


def add_aliases(path: Path, places: list[PlaceRecord]) -> list[PlaceRecord]:
    """Other names for UK towns (Welsh names, e.g. Caerdydd), placed where the town is."""
    best: dict[str, PlaceRecord] = {}
    for p in places:
        if p.kind == "town" and p.country == "GB":
            seen = best.get(p.key)
            if seen is None or p.population > seen.population:
                best[p.key] = p
    out = []
    for row in _rows(path):
        town = best.get(fold(row["name"]))
        if town is not None:
            out.append(
                PlaceRecord(
                    "town",
                    fold(row["alias"]),
                    town.name,
                    "GB",
                    town.latitude,
                    town.longitude,
                    town.region,
                    town.population,
                )
            )
    return out


def load_exonyms(path: Path) -> list[PlaceRecord]:
    """Other-language names of big towns (Londres, Λονδίνο, Bucuresti), under the town's name."""
    return [
        PlaceRecord(
            "town",
            fold(row["alias"]),
            row["name"],
            row["country"],
            float(row["latitude"]),
            float(row["longitude"]),
            "",
            int(row["population"] or 0),
        )
        for row in _rows(path)
        if fold(row["alias"])
    ]


def load_ro_places(path: Path) -> list[PlaceRecord]:
    """Romanian towns: "Bucuresti", "București" and "Bucureşti" all fold to one key."""
    return load_gr_places(path, "RO")


def add_eu_aliases(path: Path, places: list[PlaceRecord]) -> list[PlaceRecord]:
    """Other names of EU towns ("Lisbon", "Lissabon" for Lisboa), placed where the town is."""
    best: dict[tuple[str, str], PlaceRecord] = {}
    for p in places:
        if p.kind == "town" and p.country != "GB":
            seen = best.get((p.country, p.key))
            if seen is None or p.population > seen.population:
                best[(p.country, p.key)] = p
    out = []
    for row in _rows(path):
        town = best.get((row["country"], fold(row["name"])))
        key = fold(row["alias"])
        if town is not None and key:
            out.append(
                PlaceRecord(
                    "town",
                    key,
                    town.name,
                    town.country,
                    town.latitude,
                    town.longitude,
                    town.region,
                    town.population,
                )
            )
    return out


def load_places(folder: Path) -> list[PlaceRecord]:
    """Every gazetteer in data/places that is present."""
    places: list[PlaceRecord] = []
    loaders = (
        ("uk_outcodes.csv", load_outcodes),
        ("uk_places.csv", load_uk_places),
        ("eu_postcodes.csv", load_eu_postcodes),
        ("gr_places.csv", load_gr_places),
        ("ro_places.csv", load_ro_places),
    )
    for name, loader in loaders:
        path = folder / name
        if path.is_file():
            places.extend(loader(path))
    if (folder / "uk_place_aliases.csv").is_file():
        places.extend(add_aliases(folder / "uk_place_aliases.csv", places))
    if (folder / "eu_place_aliases.csv").is_file():
        places.extend(add_eu_aliases(folder / "eu_place_aliases.csv", places))
    if (folder / "town_exonyms.csv").is_file():
        # A town abroad keeps its own name ("Lisboa"); a UK name also names the bigger town
        # ("Hull" is Kingston upon Hull as well as the hamlet)
        known = {(p.country, p.key) for p in places if p.kind == "town"}
        places.extend(
            p
            for p in load_exonyms(folder / "town_exonyms.csv")
            if p.country == "GB" or (p.country, p.key) not in known
        )
    return places


class Geocoder:
    """Coordinates for a postcode district or town, from the gazetteer records."""

    def __init__(self, places: list[PlaceRecord]) -> None:
        self.outcodes = {p.key: p for p in places if p.kind == "outcode"}
        self.eu_codes = {(p.country, p.key): p for p in places if p.kind == "eu_postcode"}
        self.towns: dict[tuple[str, str], PlaceRecord] = {}
        for p in places:
            if p.kind == "town":
                best = self.towns.get((p.country, p.key))
                if best is None or p.population > best.population:
                    self.towns[(p.country, p.key)] = p

    def locate(
        self, postal_code: str, city: str, country: str = "GB"
    ) -> tuple[float, float] | None:
        """Centroid of the postcode district (or EU postal code), else of the town in the
        service's own country: "Zuera" is looked up in Spain only."""
        if country == "GB":
            full = normalise_postcode(postal_code)
            outcode = full.split(" ")[0] if full else postal_code.strip().upper()
            if outcode in self.outcodes:
                p = self.outcodes[outcode]
                return (p.latitude, p.longitude)
        elif postal_code and (country, postal_code.strip()) in self.eu_codes:
            p = self.eu_codes[(country, postal_code.strip())]
            return (p.latitude, p.longitude)
        town = self.towns.get((country, fold(city))) if city else None
        return (town.latitude, town.longitude) if town else None
