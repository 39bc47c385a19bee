"""Generate data/prisons.csv from the MoJ seed data in ../shared/data/prisons (run once).

Sources (see data/SOURCES.md and ../shared/data/prisons/SOURCES.md):
- moj_prison_register_prisons.csv: the 125 active prisons, names, Welsh names, types, addresses;
- uk_prisons_with_latlon.csv: coordinates for most of them (symroe/prison-estate-data, 2017);
- moj_prison_visits_booking_prisons.json: visits phone, email and weekly slots (prison-visits-2);
- ../shared/data/places/uk_outcodes.csv: outward-code centroids for prisons with no coordinates.

After it has run, prisons.csv is edited by hand like any other data file: re-running overwrites it.

    .venv/bin/python data/tools/make_prisons.py [--shared ../shared/data] [--out data/prisons.csv]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import phonenumbers

from directory.building.prison_rows import PRISON_COLUMNS

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "data" / "prisons.csv"
EXPECTED_PRISONS = 125

# The columns the build reads (directory/prison_sources.py), in order.
COLUMNS = list(PRISON_COLUMNS)

SOURCE = (
    "MoJ prison-register seed (commit 8dc0227) and prison-visits-2 seed (commit a0f2a53): "
    "seed data, to be checked"
)

# Both Feltham units are "Feltham" in the register seed; the visits-booking seed and other MoJ
# services call them Feltham A (children) and Feltham B (young adults).
NAME_OVERRIDES = {"FYI": "Feltham A", "FMI": "Feltham B"}
# A shared name that people use for both units of a split site (aliases go to one unit only).
BASE_NAMES = {"FYI": "Feltham", "FMI": "Feltham"}
# Well-known other names: former names, site names used by the visits-booking service.
EXTRA_ALIASES = {
    "MRI": ["Strangeways", "Strangeways prison", "HMP Strangeways"],
    "WSI": ["The Scrubs", "Scrubs prison"],
    "IWI": ["HMP Parkhurst", "Parkhurst prison", "HMP Albany", "Albany prison"],
    "PFI": ["Peterborough women's prison", "Peterborough womens prison"],
    "HDI": ["Hatfield Lakes", "Hatfield Open"],
    "HPI": ["Highpoint North", "Highpoint South"],
}

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
NOT_GIVEN = {"", "unavailable", "unknown", "none", "n/a"}
# gsi.gov.uk addresses were retired with the Government Secure Intranet (2019).
RETIRED_EMAIL = re.compile(r"@.*\bgsi\.gov\.uk$", re.IGNORECASE)
# Rails casts these strings to false for a boolean column; anything else non-empty is true.
FALSE_STRINGS = {"", "0", "f", "false", "off", "no", "n"}


@dataclass(frozen=True)
class Kind:
    """How a prison type is written in names and aliases."""

    prefix: str  # "HMP & YOI"
    suffix: bool  # True: "Oakhill STC" rather than "STC Oakhill"
    alias_forms: tuple[str, ...]  # "{n}" is the name


KINDS = {
    "HMP": Kind("HMP", False, ("HMP {n}", "{n} prison", "{n} HMP")),
    "HMP;YOI": Kind(
        "HMP & YOI",
        False,
        ("HMP {n}", "{n} prison", "{n} HMP", "HMP & YOI {n}", "HMP and YOI {n}"),
    ),
    "YOI": Kind(
        "HMYOI",
        False,
        ("HMYOI {n}", "{n} YOI", "YOI {n}", "{n} young offender institution", "{n} prison"),
    ),
    "YCS": Kind(
        "HMYOI",
        False,
        ("HMYOI {n}", "{n} YOI", "YOI {n}", "{n} young offender institution", "{n} prison"),
    ),
    "IRC": Kind(
        "IRC",
        False,
        ("IRC {n}", "{n} IRC", "{n} immigration removal centre", "{n} prison"),
    ),
    "STC": Kind(
        "STC",
        True,
        ("{n} STC", "STC {n}", "{n} secure training centre", "{n} prison"),
    ),
}


def fold(text: str) -> str:
    """Fold like the directory does: no accents, case-folded, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[\W_]+", " ", stripped).strip()


def norm_postcode(postcode: str) -> str:
    compact = re.sub(r"\s+", "", postcode).upper()
    return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 3 else compact


def short_name(register_name: str) -> tuple[str, str]:
    """ "Isle Of Wight (HMP & YOI)" -> ("Isle of Wight", "HMP & YOI")."""
    match = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", register_name)
    name, suffix = (match.group(1), match.group(2)) if match else (register_name, "")
    name = re.sub(r"\b(Of|The|And)\b", lambda m: m.group(1).lower(), name)
    name = name[0].upper() + name[1:]
    return name.strip(), suffix.strip()


def types_key(types: str) -> str:
    """ "HMP|YOI" -> "HMP;YOI", "YCS|YCS" -> "YCS": the register's types as a list."""
    order = ("HMP", "YOI", "YCS", "IRC", "STC")
    parts = {t for t in types.split("|") if t}
    return ";".join(sorted(parts, key=lambda t: order.index(t) if t in order else len(order)))


def truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() not in FALSE_STRINGS


def format_phone(raw: str) -> str:
    try:
        parsed = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return raw.strip()
    if not phonenumbers.is_valid_number(parsed):
        return raw.strip()
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def hhmm(span: str) -> str:
    """ "1345-1545" -> "13:45-15:45"."""
    match = re.fullmatch(r"(\d{2})(\d{2})-(\d{2})(\d{2})", span.strip())
    if not match:
        raise ValueError(f"unexpected visit slot {span!r}")
    h1, m1, h2, m2 = match.groups()
    return f"{h1}:{m1}-{h2}:{m2}"


def days_text(days: list[int]) -> str:
    """[0, 1, 3, 4, 5, 6] -> "Mon,Tue,Thu-Sun": runs of three or more days become ranges."""
    if days == list(range(7)):
        return "Daily"
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{DAY_NAMES[run[0]]}-{DAY_NAMES[run[-1]]}")
        else:
            parts.extend(DAY_NAMES[d] for d in run)
    return ",".join(parts)


def format_slots(recurring: dict[str, list[str]]) -> str:
    """The weekly slots in the hours grammar of data/README.md, days with equal slots merged."""
    unknown = set(recurring) - set(DAY_KEYS)
    if unknown:
        raise ValueError(f"unexpected day keys {sorted(unknown)}")
    by_slots: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, key in enumerate(DAY_KEYS):
        spans = tuple(sorted(hhmm(s) for s in recurring.get(key) or []))
        if spans:
            by_slots[spans].append(index)
    groups = sorted(by_slots.items(), key=lambda item: item[1][0])
    return "; ".join(f"{days_text(days)} {', '.join(spans)}" for spans, days in groups)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_outcodes(path: Path) -> dict[str, tuple[str, str]]:
    return {r["outcode"]: (r["latitude"], r["longitude"]) for r in read_csv(path)}


def visits_details(records: list[dict[str, Any]]) -> tuple[dict[str, str], list[str]]:
    """Phone, email, slots and booking flag from a prison's visits-booking records, and warnings."""
    warnings: list[str] = []
    phones = {
        format_phone(r["phone_no"])
        for r in records
        if str(r.get("phone_no") or "").strip().lower() not in NOT_GIVEN
    }
    emails: set[str] = set()
    for record in records:
        email = str(record.get("email_address") or "").strip()
        if email.lower() in NOT_GIVEN:
            continue
        if RETIRED_EMAIL.search(email):
            warnings.append(f"retired gsi.gov.uk email left out: {email}")
            continue
        emails.add(email)
    slot_texts = {format_slots(r["recurring"]) for r in records if r.get("recurring")}
    slots = ""
    if len(slot_texts) == 1:
        slots = slot_texts.pop()
    elif slot_texts:
        sections = "; ".join(
            f"{r['name']}: {format_slots(r['recurring'])}" for r in records if r.get("recurring")
        )
        warnings.append(f"slots differ by section, left empty ({sections})")
    enabled = any(truthy(r.get("enabled")) and not truthy(r.get("closed")) for r in records)
    details = {
        "visits_phone": "; ".join(sorted(phones)),
        "visits_email": "; ".join(sorted(emails)),
        "visit_slots": slots,
        "booking_enabled": "true" if enabled else "false",
    }
    return details, warnings


def main_address(rows: list[dict[str, str]], visit_postcodes: set[str]) -> dict[str, str]:
    """The first address, unless another is the one the visits-booking service gives."""
    ordered = sorted(rows, key=lambda r: int(r["address_id"] or 0))
    for row in ordered:
        if norm_postcode(row["postcode"]) in visit_postcodes:
            return row
    return ordered[0]


def build(shared: Path) -> tuple[list[dict[str, str]], list[str]]:
    prisons_dir = shared / "prisons"
    register = [
        r for r in read_csv(prisons_dir / "moj_prison_register_prisons.csv") if r["active"] == "t"
    ]
    latlon = {
        (r["prison_id"], norm_postcode(r["postcode"])): r
        for r in read_csv(prisons_dir / "uk_prisons_with_latlon.csv")
    }
    with (prisons_dir / "moj_prison_visits_booking_prisons.json").open(encoding="utf-8") as f:
        visits_doc = json.load(f)
    visits: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in visits_doc["prisons"]:
        visits[record["nomis_id"]].append(record)
    outcodes = load_outcodes(shared / "places" / "uk_outcodes.csv")

    by_nomis: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in register:
        by_nomis[row["prison_id"]].append(row)

    notes: list[str] = []
    out: list[dict[str, str]] = []
    alias_owner: dict[str, list[tuple[str, str]]] = defaultdict(list)  # folded -> (nomis, alias)
    for nomis, rows in by_nomis.items():
        records = visits.get(nomis, [])
        visit_postcodes = {norm_postcode(r["postcode"]) for r in records if r.get("postcode")}
        reg = main_address(rows, visit_postcodes)
        if len(rows) > 1:
            others = ", ".join(r["postcode"] for r in rows if r is not reg)
            notes.append(f"{nomis}: {len(rows)} addresses, used {reg['postcode']} (not {others})")
        name, suffix = short_name(reg["name"])
        name = NAME_OVERRIDES.get(nomis, name)
        tkey = types_key(reg["types"])
        kind = KINDS[tkey]
        display = f"{name} {kind.prefix}" if kind.suffix else f"{kind.prefix} {name}"

        aliases: list[str] = [display]
        for base in dict.fromkeys([name, BASE_NAMES.get(nomis, name)]):
            aliases += [form.format(n=base) for form in kind.alias_forms]
            if suffix and suffix not in (kind.prefix, "HMYOI", "STC"):
                aliases.append(f"{suffix} {base}")  # the register's own label, e.g. HMP Morton Hall
        if reg["name_cy"]:
            aliases.append(reg["name_cy"])
        aliases += EXTRA_ALIASES.get(nomis, [])
        seen: set[str] = set()
        for alias in aliases:
            key = fold(alias)
            if key not in seen:
                seen.add(key)
                alias_owner[key].append((nomis, alias))

        coords = latlon.get((nomis, norm_postcode(reg["postcode"])))
        if coords and coords["latitude"] and coords["longitude"]:
            lat, lon, latlon_source = (
                coords["latitude"],
                coords["longitude"],
                coords["latlon_source"],
            )
        else:
            outcode = norm_postcode(reg["postcode"]).split(" ")[0]
            lat, lon = outcodes[outcode]
            # uk_outcodes.csv writes Code-Point Open centroids with 5 decimals, GeoNames ones with 4
            origin = (
                "Code-Point Open, OGL v3" if len(lat.split(".")[1]) == 5 else "GeoNames, CC BY 4.0"
            )
            latlon_source = f"outward code centroid {outcode} ({origin})"
            notes.append(f"{nomis} {name}: no coordinates, used {latlon_source}")

        details, warnings = visits_details(records)
        notes += [f"{nomis} {name}: {w}" for w in warnings]
        out.append(
            {
                "nomis": nomis,
                "name": name,
                "name_cy": reg["name_cy"],
                "display_name": display,
                "aliases": "",  # filled in once every prison's aliases are known
                "types": tkey,
                "address_1": reg["address_line1"],
                "address_2": reg["address_line2"],
                "town": reg["town"],
                "county": reg["county"],
                "postcode": norm_postcode(reg["postcode"]),
                "country": "GB",
                "latitude": lat,
                "longitude": lon,
                "latlon_source": latlon_source,
                **details,
                "source": SOURCE,
            }
        )

    # An alias must name one prison: a display name stays with its prison, otherwise a name shared
    # by two units of one site goes to the adult prison (not the YCS unit).
    by_id = {row["nomis"]: row for row in out}
    keep: dict[str, list[str]] = defaultdict(list)
    for key, owners in alias_owner.items():
        if len(owners) > 1:
            displays = [o for o in owners if fold(by_id[o[0]]["display_name"]) == key]
            adults = [o for o in owners if "YCS" not in by_id[o[0]]["types"]]
            chosen = displays or adults
            if len(chosen) != 1:
                notes.append(
                    f"alias {owners[0][1]!r} is ambiguous {[o[0] for o in owners]}: dropped"
                )
                continue
            owners = chosen
        keep[owners[0][0]].append(owners[0][1])
    for row in out:
        row["aliases"] = ";".join(keep[row["nomis"]])
    out.sort(key=lambda r: (fold(r["name"]), r["nomis"]))
    return out, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="../shared/data")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    rows, notes = build(args.shared)
    problems = []
    if len(rows) != EXPECTED_PRISONS:
        problems.append(f"expected {EXPECTED_PRISONS} prisons, got {len(rows)}")
    problems += [f"{r['nomis']}: no coordinates" for r in rows if not r["latitude"]]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    with args.out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    geocoded = [r for r in rows if r["latlon_source"].startswith("outward code")]
    print(f"wrote {args.out} with {len(rows)} prisons")
    print(
        f"  coordinates: {len(rows) - len(geocoded)} from the joined file, "
        f"{len(geocoded)} outward-code centroids ({', '.join(r['nomis'] for r in geocoded)})"
    )
    print(f"  Welsh names: {sum(1 for r in rows if r['name_cy'])}")
    print(
        f"  visits phone: {sum(1 for r in rows if r['visits_phone'])}, "
        f"email: {sum(1 for r in rows if r['visits_email'])}, "
        f"slots: {sum(1 for r in rows if r['visit_slots'])}, "
        f"booking enabled: {sum(1 for r in rows if r['booking_enabled'] == 'true')}"
    )
    print(f"  aliases: {sum(len(r['aliases'].split(';')) for r in rows)}")
    for note in notes:
        print(f"  note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
