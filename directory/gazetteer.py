"""Reading the gazetteers in data/places into place records."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from directory.folding import fold_uncached as fold
from directory.records import PlaceRecord


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
    codes: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    towns: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for row in _rows(path):
        lat, lon = float(row["latitude"]), float(row["longitude"])
        codes[(row["country"], row["postcode"])].append((row["place"], lat, lon))
        towns[(row["country"], fold(row["place"]))].append((row["place"], lat, lon))
    out = []
    for (country, code), rows in codes.items():
        name = rows[0][0]
        out.append(
            PlaceRecord(
                "eu_postcode",
                code,
                name,
                country,
                sum(r[1] for r in rows) / len(rows),
                sum(r[2] for r in rows) / len(rows),
            )
        )
    for (country, key), rows in towns.items():
        if not key:
            continue
        # population is unknown here; many postcodes for one name means a bigger place
        out.append(
            PlaceRecord(
                "town",
                key,
                rows[0][0],
                country,
                sum(r[1] for r in rows) / len(rows),
                sum(r[2] for r in rows) / len(rows),
                "",
                len(rows),
            )
        )
    return out


def load_gr_places(path: Path) -> list[PlaceRecord]:
    """Greek towns, by English and Greek name (there is no open Greek postcode set)."""
    out = []
    for row in _rows(path):
        lat, lon = float(row["latitude"]), float(row["longitude"])
        pop = int(row.get("population") or 0)
        names = {row["name"], row.get("name_local") or ""}
        for name in filter(None, names):
            out.append(
                PlaceRecord(
                    "town", fold(name), row["name"], "GR", lat, lon, row.get("region", ""), pop
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
    )
    for name, loader in loaders:
        path = folder / name
        if path.is_file():
            places.extend(loader(path))
    return places
