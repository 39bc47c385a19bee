"""Write a synthetic content database of N services over the UK's outward codes.

It uses the real categories, places and prisons from data/ and the same writer as
`waypost build`, so benchmarks measure the real schema and indexes. Phone numbers are from
Ofcom's ranges reserved for drama (01632 960xxx, 07700 900xxx): never real ones.

    python bench/synth.py --services 100000 --db bench/out/synth-100k.db
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from directory.building.builder import install_database, load_sources  # noqa: E402
from directory.building.records import (  # noqa: E402
    LocationRecord,
    OrganizationRecord,
    ServiceRecord,
    Sources,
)
from directory.text.hours import parse_hours  # noqa: E402
from directory.text.phones import PhoneEntry  # noqa: E402

ADJECTIVES = [
    "Family",
    "Community",
    "Families",
    "Parents",
    "Children's",
    "Open Door",
    "Bridge",
    "Harbour",
    "Lifeline",
    "Pathway",
    "New Start",
    "Together",
    "Hope",
    "Kinship",
]
NOUNS = [
    "Support",
    "Advice",
    "Network",
    "Project",
    "Centre",
    "Trust",
    "Group",
    "Hub",
    "Service",
    "Line",
    "Partnership",
    "Circle",
]
TOPICS = {
    "visiting": "help planning prison visits and keeping in touch",
    "travel": "help with travel costs and lifts to the prison",
    "money": "benefits, debt and budgeting advice",
    "housing": "housing advice and help for people at risk of homelessness",
    "children": "support for children and parents, and help with schools",
    "emotional": "someone to talk to, counselling and mental health support",
    "peer": "a support group run by and for families",
    "legal": "legal advice about sentences, appeals and complaints",
    "release": "help preparing for release and resettlement",
    "substance": "support with drugs, alcohol and gambling",
    "abuse": "safety planning and domestic abuse support",
    "helplines": "a free telephone helpline",
    "faith": "faith-based support and chaplaincy links",
    "essentials": "food parcels, clothes and essentials",
    "health": "health, disability and bereavement support",
}
HOURS = [
    "Mon-Fri 09:00-17:00",
    "Mon-Thu 10:00-16:00; Sat 10:00-13:00",
    "24 hours",
    "Tue,Thu 18:00-20:00",
    "Daily 08:00-20:00",
    "",
]


def synthesise(n: int, seed: int = 7) -> Sources:
    """Real categories, places and prisons plus n synthetic services."""
    rng = random.Random(seed)
    base = load_sources(ROOT / "data")
    outcodes = [p for p in base.places if p.kind == "outcode"]
    towns = {p.key: p for p in base.places if p.kind == "outcode"}
    keys = [c.key for c in base.categories]
    n_orgs = max(1, n // 8)
    orgs = [
        OrganizationRecord(
            f"synth-org-{i}",
            f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {i}",
            "A synthetic organisation for benchmarks.",
            source="bench/synth.py",
        )
        for i in range(n_orgs)
    ]
    services = []
    for i in range(n):
        cats = rng.sample(keys, rng.choice((1, 1, 2, 2, 3)))
        national = rng.random() < 0.01
        oc = rng.choice(outcodes)
        town = towns[oc.key].name
        hours = rng.choice(HOURS)
        phones = [PhoneEntry(f"01632 960{rng.randrange(1000):03d}", "office")]
        if rng.random() < 0.3:
            phones.append(PhoneEntry(f"07700 900{rng.randrange(1000):03d}", "text or call"))
        location = (
            None
            if national
            else LocationRecord(
                address_1=f"{rng.randrange(1, 200)} High Street",
                city=town,
                postal_code=f"{oc.key} {rng.randrange(10)}AA",
                country="GB",
                latitude=oc.latitude + rng.uniform(-0.02, 0.02),
                longitude=oc.longitude + rng.uniform(-0.03, 0.03),
            )
        )
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {town}"
        description = "; ".join(TOPICS[c] for c in cats) + f". Based in {town}."
        services.append(
            ServiceRecord(
                ref=f"synth-{i}",
                organization_ref=orgs[i % n_orgs].ref,
                name=name,
                description=description,
                categories=cats,
                scope="national" if national else "local",
                # A national service must say where it serves (import refuses it otherwise).
                service_area=["GB"] if national else [],
                phones=phones,
                hours_text=hours,
                openings=parse_hours(hours),
                location=location,
                source="bench/synth.py",
            )
        )
    return Sources(
        categories=base.categories,
        organizations=base.organizations + orgs,
        services=base.services + services,
        translations=base.translations,
        prisons=base.prisons,
        places=base.places,
        fingerprint=f"synth{n}",
    )


def main() -> None:
    """Command line: --services N --db PATH."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    started = time.perf_counter()
    sources = synthesise(args.services, args.seed)
    generated = time.perf_counter()
    install_database(sources, args.db)
    done = time.perf_counter()
    print(
        f"synth: {args.services} services -> {args.db}: generate {generated - started:.1f} s, "
        f"write {done - generated:.1f} s, total {done - started:.1f} s"
    )


if __name__ == "__main__":
    main()
